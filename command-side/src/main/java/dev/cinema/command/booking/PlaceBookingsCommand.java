package dev.cinema.command.booking;

import dev.cinema.contracts.booking.PlaceBookingCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import java.util.List;
import java.util.Map;

/**
 * Several customers' holds on one screening, sent by the {@link HoldDesk} to be decided one after
 * another in one unit of work and one transaction. Each request keeps the identity and metadata of
 * the command it would have been on its own, so that its events say who sent them and what caused
 * them exactly as if it had been sent alone.
 */
record PlaceBookingsCommand(ScreeningId screeningId, List<Request> requests) {

    PlaceBookingsCommand {
        requests = List.copyOf(requests);
    }

    /** One customer's hold: the command, its message id and its metadata (who sent it). */
    record Request(String messageId, PlaceBookingCommand command, Map<String, String> metaData) {

        Request {
            metaData = Map.copyOf(metaData);
        }
    }
}
