package dev.cinema.query.alert;

import dev.cinema.contracts.alert.AlertNotice;
import dev.cinema.contracts.alert.AlertRaisedEvent;
import dev.cinema.contracts.alert.AlertReadEvent;
import dev.cinema.contracts.alert.AlertRefs;
import dev.cinema.contracts.alert.WatchAlertsQuery;
import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.query.rebuild.Rebuildable;
import dev.cinema.query.rebuild.SlotRouting;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Folds customers' inboxes into their alerts: an alert per {@code AlertRaisedEvent}, read once its
 * {@code AlertReadEvent} comes, so the read flags come back on a rebuild, like everything else.
 * It raises nothing itself (the command side's alert policy does): it only shows. With the
 * catalogue facts alert texts need (film titles, cinema names and zones, starts, cancellation
 * reasons) kept in its own tables and joined in when an alert is read.
 *
 * <p>Delivery is at least once: an alert is a row keyed by its id, written once; read is a time
 * set once; catalogue handlers set state. A new alert and every change of a customer's unread
 * count go to their live inbox ({@link WatchAlertsQuery}), after the batch commits; never while
 * replaying: a rebuild re-sends nothing.
 */
@Component
@Rebuildable(
        name = "alerts",
        tables = {"alert", "alert_film", "alert_cinema", "alert_screening"})
@ProcessingGroup(AlertProjection.NAME)
class AlertProjection {

    static final String NAME = "query-alerts";

    private final AlertRows alerts;
    private final AlertFilmRows films;
    private final AlertCinemaRows cinemas;
    private final AlertScreeningRows screenings;
    private final AlertViews views;
    private final QueryUpdateEmitter updates;
    private final SlotRouting slots;
    private final AlertPeers peers;

    AlertProjection(
            AlertRows alerts,
            AlertFilmRows films,
            AlertCinemaRows cinemas,
            AlertScreeningRows screenings,
            AlertViews views,
            QueryUpdateEmitter updates,
            SlotRouting slots,
            AlertPeers peers) {
        this.alerts = alerts;
        this.films = films;
        this.cinemas = cinemas;
        this.screenings = screenings;
        this.views = views;
        this.updates = updates;
        this.slots = slots;
        this.peers = peers;
    }

    @EventHandler
    void on(AlertRaisedEvent event, ReplayStatus replay) {
        if (alerts.existsById(event.alertId().value())) {
            return; // a second delivery: an alert is raised once
        }
        AlertRow row = new AlertRow(event.alertId().value());
        row.customerId = event.customerId().value();
        row.type = event.type();
        row.occurredAt = event.occurredAt();
        AlertRefs refs = event.refs();
        row.bookingId = value(refs.bookingId(), id -> id.value());
        row.screeningId = value(refs.screeningId(), id -> id.value());
        row.filmId = value(refs.filmId(), id -> id.value());
        row.paymentId = value(refs.paymentId(), id -> id.value());
        row.refundId = value(refs.refundId(), id -> id.value());
        row.details(event.details());
        alerts.save(row);
        if (replay == ReplayStatus.REGULAR) {
            notify(row.customerId, row.id, new AlertNotice(views.view(row), unread(row.customerId)));
        }
    }

    @EventHandler
    void on(AlertReadEvent event, @Timestamp Instant readAt, ReplayStatus replay) {
        alerts.findById(event.alertId().value())
                .filter(row -> row.readAt == null)
                .ifPresent(row -> {
                    row.readAt = readAt;
                    if (replay == ReplayStatus.REGULAR) {
                        notify(row.customerId, null, new AlertNotice(null, unread(row.customerId)));
                    }
                });
    }

    @EventHandler
    void on(FilmCreatedEvent event) {
        film(event.filmId().value(), event.title());
    }

    @EventHandler
    void on(FilmUpdatedEvent event) {
        film(event.filmId().value(), event.title());
    }

    @EventHandler
    void on(CinemaCreatedEvent event) {
        cinema(event.cinemaId().value(), event.name(), event.timeZone());
    }

    @EventHandler
    void on(CinemaUpdatedEvent event) {
        cinema(event.cinemaId().value(), event.name(), event.timeZone());
    }

    @EventHandler
    void on(ScreeningScheduledEvent event) {
        AlertScreeningRow row = screenings
                .findById(event.screeningId().value())
                .orElseGet(() -> new AlertScreeningRow(event.screeningId().value()));
        row.filmId = event.filmId().value();
        row.cinemaId = event.cinemaId().value();
        row.startsAt = event.startsAt();
        screenings.save(row);
    }

    @EventHandler
    void on(ScreeningRescheduledEvent event) {
        screenings.findById(event.screeningId().value()).ifPresent(row -> row.startsAt = event.startsAt());
    }

    @EventHandler
    void on(ScreeningCancelledEvent event) {
        screenings
                .findById(event.screeningId().value())
                .ifPresent(row -> row.cancellationReason = event.reason() == null ? "" : event.reason());
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        alerts.deleteAllInBatch();
        screenings.deleteAllInBatch();
        cinemas.deleteAllInBatch();
        films.deleteAllInBatch();
    }

    private long unread(String customerId) {
        return alerts.countByCustomerIdAndReadAtIsNull(customerId);
    }

    /**
     * Only the slot queries read tells live inboxes: a rebuild of the other slot is not news. The
     * other query processes (PostgreSQL) are told too, for their own clients ({@link AlertPeers}).
     */
    private void notify(String customerId, String alertId, AlertNotice notice) {
        if (!slots.isLive()) {
            return;
        }
        updates.emit(WatchAlertsQuery.class, query -> query.customerId().equals(customerId), notice);
        peers.announce(customerId, alertId);
    }

    private void film(String id, String title) {
        AlertFilmRow row = films.findById(id).orElseGet(() -> new AlertFilmRow(id));
        row.title = title;
        films.save(row);
    }

    private void cinema(String id, String name, ZoneId zone) {
        AlertCinemaRow row = cinemas.findById(id).orElseGet(() -> new AlertCinemaRow(id));
        row.name = name;
        row.timeZone = zone.getId();
        cinemas.save(row);
    }

    private static <T> String value(T id, Function<T, String> value) {
        return id == null ? null : value.apply(id);
    }
}
