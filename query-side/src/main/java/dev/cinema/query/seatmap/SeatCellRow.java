package dev.cinema.query.seatmap;

import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.seatmap.SeatState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * One cell of a screening's layout, in layout order: a seat with its state, or a gap (no label,
 * type or state). {@code holderBookingId} is the booking that holds the seat or bought it; it only
 * lets a sale or a release check that the seat is still that booking's, and never leaves the query
 * side.
 */
@Entity
@Table(name = "seat_map_cell", schema = "read_model")
@IdClass(SeatCellRow.Key.class)
class SeatCellRow implements Persistable<SeatCellRow.Key> {

    @Id
    @Column(name = "screening_id", length = 64)
    String screeningId;

    @Id
    @Column(name = "row_index")
    int rowIndex;

    @Id
    @Column(name = "cell_index")
    int cellIndex;

    @Column(name = "row_label", nullable = false, length = 16)
    String rowLabel;

    @Column(name = "seat_number", length = 16)
    String seatNumber;

    @Column(name = "seat_label", length = 32)
    String seatLabel;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "seat_type", length = 16)
    SeatType seatType;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", length = 8)
    SeatState state;

    @Column(name = "holder_booking_id", length = 64)
    String holderBookingId;

    /** Cells are only ever created new: saving one must insert, not look it up first. */
    @Transient
    private boolean fresh = true;

    protected SeatCellRow() {}

    SeatCellRow(String screeningId, int rowIndex, int cellIndex, String rowLabel) {
        this.screeningId = screeningId;
        this.rowIndex = rowIndex;
        this.cellIndex = cellIndex;
        this.rowLabel = rowLabel;
    }

    boolean isSeat() {
        return seatLabel != null;
    }

    @Override
    public Key getId() {
        return new Key(screeningId, rowIndex, cellIndex);
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PrePersist
    void stored() {
        fresh = false;
    }

    /** The composite key: screening, row position, cell position. */
    static class Key implements Serializable {

        private String screeningId;
        private int rowIndex;
        private int cellIndex;

        protected Key() {}

        Key(String screeningId, int rowIndex, int cellIndex) {
            this.screeningId = screeningId;
            this.rowIndex = rowIndex;
            this.cellIndex = cellIndex;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && key.rowIndex == rowIndex
                    && key.cellIndex == cellIndex
                    && Objects.equals(key.screeningId, screeningId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(screeningId, rowIndex, cellIndex);
        }
    }
}
