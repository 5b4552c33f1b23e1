package dev.cinema.command.alert;

import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.alert.AlertDetails;
import dev.cinema.contracts.alert.AlertId;
import dev.cinema.contracts.alert.AlertRefs;
import dev.cinema.contracts.alert.AlertType;
import dev.cinema.contracts.alert.InboxId;
import dev.cinema.contracts.alert.RaiseAlertCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.favourite.FavouriteKind;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Tells a customer that a favourite film was newly scheduled where they like to go: at one of
 * their favourite cinemas, or at any cinema in one of their favourite locations. One alert per
 * customer and screening (its id derives from the scheduling event and the customer), raised in
 * the alert policy's processor ({@value AlertPolicy#GROUP}: never reset, {@code @DisallowReplay})
 * against the favourites as they stood then ({@link AlertFavouritesUpdater}).
 */
@Component
@ProcessingGroup(AlertPolicy.GROUP)
@DisallowReplay
class NewScreeningOfFavouritePolicy {

    private final AlertFavourites favourites;
    private final CatalogueLookup catalogue;
    private final CommandGateway commands;

    NewScreeningOfFavouritePolicy(AlertFavourites favourites, CatalogueLookup catalogue, CommandGateway commands) {
        this.favourites = favourites;
        this.catalogue = catalogue;
        this.commands = commands;
    }

    @EventHandler
    void on(ScreeningScheduledEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        String cinema = event.cinemaId().value();
        Optional<String> location = catalogue.locationOf(cinema);
        for (AlertFavouriteEntry fan : favourites.findByKindAndItemIdOrderByCustomerId(
                FavouriteKind.FILM, event.filmId().value())) {
            String customer = fan.customerId();
            boolean likesTheCinema =
                    favourites.existsById(AlertFavouriteEntry.key(customer, FavouriteKind.CINEMA, cinema));
            boolean likesTheLocation = location.filter(
                            id -> favourites.existsById(AlertFavouriteEntry.key(customer, FavouriteKind.LOCATION, id)))
                    .isPresent();
            if (likesTheCinema || likesTheLocation) {
                AccountId account = AccountId.of(customer);
                commands.sendAndWait(new RaiseAlertCommand(
                        InboxId.of(account),
                        account,
                        AlertId.derivedFrom(eventId, "customer-" + customer),
                        AlertType.NEW_SCREENING_OF_FAVOURITE,
                        new AlertRefs(null, event.screeningId(), event.filmId(), null, null),
                        AlertDetails.none().withStartsAt(event.startsAt()),
                        at));
            }
        }
    }
}
