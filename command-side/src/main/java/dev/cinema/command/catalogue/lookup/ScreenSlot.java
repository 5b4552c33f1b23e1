package dev.cinema.command.catalogue.lookup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The time a screening occupies its screen: from its start until the film ends plus the cleaning
 * gap, and the film it shows. Used to refuse overlapping screenings, and to tell whether a
 * customer's booking of a film has started (who may review it).
 */
@Entity
@Table(name = "screen_slot")
public class ScreenSlot {

    @Id
    @Column(name = "screening_id", length = 64)
    private String screeningId;

    @Column(name = "screen_id", nullable = false, length = 64)
    private String screenId;

    /** Null only for screenings scheduled before V110. */
    @Column(name = "film_id", length = 64)
    private String filmId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    /** When the film ends; the screening's length is {@code endsAt - startsAt}. */
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "occupied_until", nullable = false)
    private Instant occupiedUntil;

    @Column(name = "cancelled", nullable = false)
    private boolean cancelled;

    protected ScreenSlot() {}

    ScreenSlot(
            String screeningId,
            String screenId,
            String filmId,
            Instant startsAt,
            Instant endsAt,
            Instant occupiedUntil) {
        this.screeningId = screeningId;
        this.screenId = screenId;
        this.filmId = filmId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.occupiedUntil = occupiedUntil;
    }

    public String screeningId() {
        return screeningId;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String screenId() {
        return screenId;
    }

    public Instant occupiedUntil() {
        return occupiedUntil;
    }

    public String filmId() {
        return filmId;
    }

    public boolean cancelled() {
        return cancelled;
    }

    void move(Instant startsAt, Instant endsAt, Instant occupiedUntil) {
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.occupiedUntil = occupiedUntil;
    }

    void cancel() {
        this.cancelled = true;
    }
}
