package dev.cinema.query.testing;

import dev.cinema.contracts.catalogue.cinema.Address;
import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.film.AgeRating;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.ScreenCreatedEvent;
import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes events straight into the shared event store, each as the next event of its aggregate, as
 * the command side would; and builds a small catalogue to hang screenings on.
 */
public final class EventFeed {

    /** Standard seats A1, A2 with a gap between them; premium B1 to B3. */
    public static final SeatLayout LAYOUT = new SeatLayout(List.of(
            new SeatRow(
                    "A",
                    List.of(
                            LayoutCell.seat("1", SeatType.STANDARD),
                            LayoutCell.gap(),
                            LayoutCell.seat("2", SeatType.STANDARD))),
            new SeatRow(
                    "B",
                    List.of(
                            LayoutCell.seat("1", SeatType.PREMIUM),
                            LayoutCell.seat("2", SeatType.PREMIUM),
                            LayoutCell.seat("3", SeatType.PREMIUM)))));

    public static final Map<SeatType, Money> PRICES =
            Map.of(SeatType.STANDARD, Money.of(1200, "EUR"), SeatType.PREMIUM, Money.of(1800, "EUR"));

    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    public EventFeed(EventStore eventStore, TransactionTemplate transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    public record Catalogue(String locationId, String cinemaId, String screenId, String filmId) {}

    /** A location, a cinema in {@code zone} named "Cine Lumière", a screen, and the film "Night Train". */
    public Catalogue catalogue(ZoneId zone) {
        LocationId location = LocationId.random();
        CinemaId cinema = CinemaId.random();
        ScreenId screen = ScreenId.random();
        FilmId film = FilmId.random();
        publish(location.value(), new LocationCreatedEvent(location, "Rive Gauche"));
        publish(
                cinema.value(),
                new CinemaCreatedEvent(
                        cinema,
                        location,
                        "Cine Lumière",
                        new Address("1 Rue de Rennes", "Paris", "75006", "FR"),
                        zone));
        publish(screen.value(), new ScreenCreatedEvent(screen, cinema, "Salle 2", ScreenFormat.TWO_D, LAYOUT));
        publish(
                film.value(),
                new FilmCreatedEvent(
                        film,
                        "Night Train",
                        104,
                        AgeRating.PG,
                        Set.of(Genre.THRILLER),
                        LocalDate.now().minusDays(10),
                        "A long night."));
        return new Catalogue(location.value(), cinema.value(), screen.value(), film.value());
    }

    public ScreeningScheduledEvent scheduled(Catalogue catalogue, Instant startsAt) {
        return new ScreeningScheduledEvent(
                ScreeningId.random(),
                FilmId.of(catalogue.filmId()),
                ScreenId.of(catalogue.screenId()),
                CinemaId.of(catalogue.cinemaId()),
                startsAt,
                startsAt.plus(104, ChronoUnit.MINUTES),
                LAYOUT,
                PRICES,
                true);
    }

    /** Schedules a screening on sale; answers its id. */
    public String schedule(Catalogue catalogue, Instant startsAt) {
        ScreeningScheduledEvent event = scheduled(catalogue, startsAt);
        publish(event.screeningId().value(), event);
        return event.screeningId().value();
    }

    public void publish(String aggregateId, Object event) {
        publish(aggregateId, event, Instant.now());
    }

    /** Appends the event to its aggregate's stream with the given timestamp. */
    public void publish(String aggregateId, Object event, Instant timestamp) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        String type = event.getClass().getSimpleName().replaceAll("(Created|Scheduled|Placed)?Event$", "");
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                type, aggregateId, sequence, event, Map.of(), UUID.randomUUID().toString(), timestamp)));
    }
}
