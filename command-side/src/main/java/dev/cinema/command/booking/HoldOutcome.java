package dev.cinema.command.booking;

import dev.cinema.command.catalogue.screening.Screenings;
import dev.cinema.platform.refusal.RefusalDetails;

/** What became of one request of a {@link PlaceBookingsCommand}: its hold, or the refusal. */
record HoldOutcome(Screenings.Hold hold, RefusalDetails refusal) {

    static HoldOutcome held(Screenings.Hold hold) {
        return new HoldOutcome(hold, null);
    }

    static HoldOutcome refused(RefusalDetails refusal) {
        return new HoldOutcome(null, refusal);
    }
}
