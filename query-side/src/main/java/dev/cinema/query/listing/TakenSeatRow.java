package dev.cinema.query.listing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.util.Objects;
import org.springframework.data.domain.Persistable;

/**
 * A seat of a screening that some booking holds or has bought. A listing's free seats are its total less these,
 * counted afresh after every change: a counter moved up and down would drift with every event
 * delivered twice.
 */
@Entity
@Table(name = "listing_taken_seat", schema = "read_model")
@IdClass(TakenSeatRow.Key.class)
class TakenSeatRow implements Persistable<TakenSeatRow.Key> {

    @Id
    @Column(name = "screening_id", length = 64)
    String screeningId;

    @Id
    @Column(name = "seat_label", length = 32)
    String seatLabel;

    @Column(name = "booking_id", nullable = false, length = 64)
    String bookingId;

    @Transient
    private boolean fresh = true;

    protected TakenSeatRow() {}

    TakenSeatRow(String screeningId, String seatLabel) {
        this.screeningId = screeningId;
        this.seatLabel = seatLabel;
    }

    @Override
    public Key getId() {
        return new Key(screeningId, seatLabel);
    }

    /** Lets a save insert a new row without looking it up first. */
    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PrePersist
    void stored() {
        fresh = false;
    }

    /** Screening and seat label. */
    static class Key implements Serializable {

        private String screeningId;
        private String seatLabel;

        protected Key() {}

        Key(String screeningId, String seatLabel) {
            this.screeningId = screeningId;
            this.seatLabel = seatLabel;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(key.screeningId, screeningId)
                    && Objects.equals(key.seatLabel, seatLabel);
        }

        @Override
        public int hashCode() {
            return Objects.hash(screeningId, seatLabel);
        }
    }
}
