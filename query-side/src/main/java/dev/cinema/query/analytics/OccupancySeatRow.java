package dev.cinema.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A seat sold, and to which booking (so that only that booking's release frees it). */
@Entity
@Table(name = "analytics_occupancy_seat", schema = "read_model")
class OccupancySeatRow {

    @EmbeddedId
    Key key;

    @Column(name = "booking_id", nullable = false, length = 64)
    String bookingId;

    protected OccupancySeatRow() {}

    OccupancySeatRow(String screeningId, String seat) {
        this.key = new Key(screeningId, seat);
    }

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "screening_id", length = 64)
        String screeningId;

        @Column(name = "seat", length = 32)
        String seat;

        protected Key() {}

        Key(String screeningId, String seat) {
            this.screeningId = screeningId;
            this.seat = seat;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(screeningId, key.screeningId)
                    && Objects.equals(seat, key.seat);
        }

        @Override
        public int hashCode() {
            return Objects.hash(screeningId, seat);
        }
    }
}
