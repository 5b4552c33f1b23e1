package dev.cinema.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.cinema.contracts.account.AccountEvent;
import dev.cinema.contracts.account.PasswordChangedEvent;
import dev.cinema.contracts.account.RoleGrantedEvent;
import dev.cinema.contracts.account.RoleRevokedEvent;
import dev.cinema.contracts.alert.InboxEvent;
import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingHoldExpiringEvent;
import dev.cinema.contracts.booking.BookingRefundedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.BookingSeatsReturnedEvent;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.booking.SeatsSoldEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaRetiredEvent;
import dev.cinema.contracts.catalogue.cinema.SeatingPolicyChangedEvent;
import dev.cinema.contracts.catalogue.film.FilmEvent;
import dev.cinema.contracts.catalogue.film.FilmRetiredEvent;
import dev.cinema.contracts.catalogue.location.LocationEvent;
import dev.cinema.contracts.catalogue.location.LocationRetiredEvent;
import dev.cinema.contracts.catalogue.screen.ScreenEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningPricesChangedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningSalesOpenedEvent;
import dev.cinema.contracts.favourite.FavouritesEvent;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.contracts.payment.RefundApprovedEvent;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundEvent;
import dev.cinema.contracts.payment.RefundFailedEvent;
import dev.cinema.contracts.payment.RefundRejectedEvent;
import dev.cinema.contracts.payment.RefundRequestedEvent;
import dev.cinema.contracts.payment.RefundRetryDueEvent;
import dev.cinema.contracts.review.ReviewEvent;
import dev.cinema.query.booking.BookingState;
import dev.cinema.query.payment.PaymentState;
import dev.cinema.query.payment.RefundState;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * A new event is a question for every read model that shows its aggregate (DESIGN.md section 8).
 * This test asks it mechanically: each projection declares below which aggregates it shows (by
 * their event markers) and which of their events it leaves aside on purpose, and why. Every event
 * of a shown aggregate must then be handled by one of the projection's {@code @EventHandler}s or
 * be ignored with a reason, never both; a projection that handles an aggregate's events must
 * declare that it shows it; and a projection missing from the table fails the test, so a new one
 * has to answer for itself.
 */
class EventCoverageTest {

    /** Every aggregate's marker; the contracts' own test keeps this list complete. */
    private static final List<Class<?>> MARKERS = List.of(
            AccountEvent.class,
            LocationEvent.class,
            CinemaEvent.class,
            ScreenEvent.class,
            FilmEvent.class,
            ScreeningEvent.class,
            BookingEvent.class,
            PaymentEvent.class,
            RefundEvent.class,
            InboxEvent.class,
            ReviewEvent.class,
            FavouritesEvent.class);

    private static final Map<String, Coverage> PROJECTIONS = Map.ofEntries(
            Map.entry(
                    "query-catalogue-listings",
                    Coverage.shows(
                                    LocationEvent.class,
                                    CinemaEvent.class,
                                    ScreenEvent.class,
                                    FilmEvent.class,
                                    ScreeningEvent.class)
                            .ignoring(
                                    SeatingPolicyChangedEvent.class,
                                    "listings do not show the seating policy: it only decides holds on the command side")
                            .ignoring(
                                    SeatsSoldEvent.class,
                                    "a sold seat stays taken by the booking that held it, so free seats do not change;"
                                            + " a refund frees it with a SeatsReleasedEvent")),
            Map.entry(
                    "query-seat-maps",
                    Coverage.shows(ScreeningEvent.class)
                            .ignoring(
                                    ScreeningRescheduledEvent.class,
                                    "a seat map shows no start time (listings and bookings do), and seats do not move")),
            Map.entry(
                    "query-customer-bookings",
                    Coverage.shows(
                                    BookingEvent.class,
                                    PaymentEvent.class,
                                    ScreeningEvent.class,
                                    FilmEvent.class,
                                    CinemaEvent.class)
                            .ignoring(
                                    PaymentRequestedEvent.class,
                                    "the booking shows what it costs, not each attempt to pay (that is the payment history)")
                            .ignoring(
                                    PaymentCapturedEvent.class,
                                    "BookingConfirmedEvent says the booking is paid; a capture that confirmed nothing is"
                                            + " refunded at once, and that refund is shown")
                            .ignoring(
                                    PaymentDeclinedEvent.class,
                                    "a decline leaves the booking awaiting payment: nothing about it changes")
                            .ignoring(
                                    ScreeningPricesChangedEvent.class,
                                    "a booking keeps the prices it was quoted; new prices are for new holds")
                            .ignoring(
                                    ScreeningSalesOpenedEvent.class,
                                    "going on sale changes nothing for a placed booking")
                            .ignoring(
                                    SeatsHeldEvent.class,
                                    "the screening's side of a hold; the booking's own events say which seats it has")
                            .ignoring(
                                    SeatsSoldEvent.class,
                                    "the screening's side of a sale; BookingConfirmedEvent is the booking's side")
                            .ignoring(
                                    SeatsReleasedEvent.class,
                                    "the screening's side of a release; the booking's own cancellation, expiry, change or"
                                            + " return says which seats it still has")
                            .ignoring(
                                    FilmRetiredEvent.class,
                                    "a booking keeps showing the film it was for, retired or not")
                            .ignoring(
                                    CinemaRetiredEvent.class,
                                    "a booking keeps showing the cinema it was for, retired or not")
                            .ignoring(SeatingPolicyChangedEvent.class, "the seating policy only decides new holds")
                            .ignoring(
                                    BookingHoldExpiringEvent.class,
                                    "a reminder changes nothing in the booking (it shows its expiry already);"
                                            + " the customer's alerts tell it")),
            Map.entry(
                    "query-payment-history",
                    Coverage.shows(PaymentEvent.class, RefundEvent.class)
                            .ignoring(
                                    RefundRequestedEvent.class,
                                    "the history lists money that moved; a request moves none (the refund's"
                                            + " PaymentRefundedEvent, when it comes, is its entry)")
                            .ignoring(
                                    RefundApprovedEvent.class, "an approval moves no money until the provider refunds")
                            .ignoring(RefundRejectedEvent.class, "a rejected refund moves no money")
                            .ignoring(
                                    RefundFailedEvent.class,
                                    "the provider refunded nothing; the retry that succeeds records a PaymentRefundedEvent")
                            .ignoring(RefundRetryDueEvent.class, "a reminder to try again, no money moved")
                            .ignoring(
                                    RefundCompletedEvent.class,
                                    "the same refund as the PaymentRefundedEvent applied with it in one unit of work"
                                            + " (same amount and provider reference): folding both would count it twice")),
            Map.entry(
                    "query-alerts",
                    Coverage.shows(InboxEvent.class, ScreeningEvent.class, FilmEvent.class, CinemaEvent.class)
                            .ignoring(
                                    FilmRetiredEvent.class,
                                    "an alert keeps naming the film it was about, retired or not")
                            .ignoring(
                                    CinemaRetiredEvent.class,
                                    "an alert keeps naming the cinema (and its time zone) it was about, retired or not")
                            .ignoring(SeatingPolicyChangedEvent.class, "the seating policy only decides new holds")
                            .ignoring(
                                    ScreeningPricesChangedEvent.class,
                                    "an alert states the amounts of its own event; new prices are for new holds")
                            .ignoring(
                                    ScreeningSalesOpenedEvent.class,
                                    "going on sale concerns no customer's booking (a favourite's new screening will be"
                                            + " raised on the command side, like every alert)")
                            .ignoring(
                                    SeatsHeldEvent.class,
                                    "the screening's side of a hold; alerts are raised on the command side and arrive"
                                            + " as the inbox's own events")
                            .ignoring(
                                    SeatsSoldEvent.class,
                                    "the screening's side of a sale; the alert of a confirmation comes as an inbox event")
                            .ignoring(
                                    SeatsReleasedEvent.class,
                                    "the screening's side of a release; the alert of a released hold comes as an inbox"
                                            + " event")),
            Map.entry(
                    "query-film-reviews",
                    Coverage.shows(ReviewEvent.class, AccountEvent.class)
                            .ignoring(RoleGrantedEvent.class, "a review is signed with a name, whatever the roles")
                            .ignoring(RoleRevokedEvent.class, "a review is signed with a name, whatever the roles")
                            .ignoring(
                                    PasswordChangedEvent.class,
                                    "a review is signed with a name; a password changes nothing in it")),
            Map.entry(
                    "query-analytics-sales",
                    Coverage.shows(
                                    BookingEvent.class,
                                    ScreeningEvent.class,
                                    FilmEvent.class,
                                    CinemaEvent.class,
                                    LocationEvent.class)
                            .ignoring(
                                    BookingSeatsReturnedEvent.class,
                                    "sales are gross: a return takes no sale back (the refunds report counts it)")
                            .ignoring(
                                    BookingRefundedEvent.class,
                                    "sales are gross: a booking refunded in full was still sold (the refunds report"
                                            + " counts the refunds)")
                            .ignoring(BookingCancelledEvent.class, "a cancelled booking was never paid: no sale")
                            .ignoring(BookingExpiredEvent.class, "an expired booking was never paid: no sale")
                            .ignoring(BookingHoldExpiringEvent.class, "a reminder sells nothing")
                            .ignoring(
                                    ScreeningRescheduledEvent.class,
                                    "a sale is counted on the day it was paid, not on the screening's day")
                            .ignoring(
                                    ScreeningCancelledEvent.class,
                                    "a cancellation takes no sale back: its settlement's refunds are the refunds"
                                            + " report's")
                            .ignoring(
                                    ScreeningPricesChangedEvent.class,
                                    "a sale counts what its booking was paid (BookingConfirmedEvent's total)")
                            .ignoring(ScreeningSalesOpenedEvent.class, "going on sale sells nothing")
                            .ignoring(
                                    SeatsHeldEvent.class,
                                    "the screening's side of a hold; the booking's own events say its seats")
                            .ignoring(
                                    SeatsSoldEvent.class,
                                    "the screening's side of a sale; BookingConfirmedEvent is the booking's side")
                            .ignoring(
                                    SeatsReleasedEvent.class,
                                    "the screening's side of a release; a sale is gross and never taken back")
                            .ignoring(FilmRetiredEvent.class, "a report keeps naming what was sold, retired or not")
                            .ignoring(CinemaRetiredEvent.class, "a report keeps naming what was sold, retired or not")
                            .ignoring(LocationRetiredEvent.class, "a report keeps naming what was sold, retired or not")
                            .ignoring(SeatingPolicyChangedEvent.class, "the seating policy only decides new holds")),
            Map.entry(
                    "query-analytics-occupancy",
                    Coverage.shows(ScreeningEvent.class, FilmEvent.class, CinemaEvent.class, LocationEvent.class)
                            .ignoring(ScreeningPricesChangedEvent.class, "occupancy counts seats, not what they cost")
                            .ignoring(
                                    ScreeningSalesOpenedEvent.class,
                                    "going on sale sells no seat; capacity is known from the schedule")
                            .ignoring(
                                    SeatsHeldEvent.class,
                                    "a held seat is not sold: it counts once SeatsSoldEvent says so")
                            .ignoring(FilmRetiredEvent.class, "a report keeps naming what was shown, retired or not")
                            .ignoring(CinemaRetiredEvent.class, "a report keeps naming what was shown, retired or not")
                            .ignoring(
                                    LocationRetiredEvent.class, "a report keeps naming what was shown, retired or not")
                            .ignoring(SeatingPolicyChangedEvent.class, "the seating policy only decides new holds")),
            Map.entry(
                    "query-analytics-refunds",
                    Coverage.shows(
                                    RefundEvent.class,
                                    BookingEvent.class,
                                    ScreeningEvent.class,
                                    FilmEvent.class,
                                    CinemaEvent.class,
                                    LocationEvent.class)
                            .ignoring(
                                    RefundRetryDueEvent.class,
                                    "a reminder to try again: the attempt's failure or completion is folded")
                            .ignoring(
                                    BookingSeatsChangedEvent.class,
                                    "only which screening a booking is for matters here, and it never changes")
                            .ignoring(BookingConfirmedEvent.class, "a sale (the sales report's), not a refund")
                            .ignoring(
                                    BookingSeatsReturnedEvent.class,
                                    "the refund's own RefundRequestedEvent says which seats it returns")
                            .ignoring(
                                    BookingRefundedEvent.class,
                                    "the refunds that emptied the booking are counted by their own events")
                            .ignoring(
                                    BookingCancelledEvent.class,
                                    "a held booking cancelled was never paid: nothing to refund")
                            .ignoring(BookingExpiredEvent.class, "an expired booking was never paid: nothing to refund")
                            .ignoring(BookingHoldExpiringEvent.class, "a reminder refunds nothing")
                            .ignoring(
                                    ScreeningRescheduledEvent.class,
                                    "a refund is counted on the day it is made, not on the screening's day")
                            .ignoring(
                                    ScreeningCancelledEvent.class,
                                    "a cancellation's refunds come as refund events of their own, once settled")
                            .ignoring(ScreeningPricesChangedEvent.class, "a refund states its own amount")
                            .ignoring(ScreeningSalesOpenedEvent.class, "going on sale refunds nothing")
                            .ignoring(SeatsHeldEvent.class, "the screening's side of a hold: nothing refunded")
                            .ignoring(SeatsSoldEvent.class, "the screening's side of a sale: nothing refunded")
                            .ignoring(
                                    SeatsReleasedEvent.class,
                                    "the screening's side of a release; the refund's own events count it")
                            .ignoring(FilmRetiredEvent.class, "a report keeps naming what was refunded, retired or not")
                            .ignoring(
                                    CinemaRetiredEvent.class, "a report keeps naming what was refunded, retired or not")
                            .ignoring(
                                    LocationRetiredEvent.class,
                                    "a report keeps naming what was refunded, retired or not")
                            .ignoring(SeatingPolicyChangedEvent.class, "the seating policy only decides new holds")),
            Map.entry(
                    "query-favourites",
                    Coverage.shows(FavouritesEvent.class, FilmEvent.class, CinemaEvent.class, LocationEvent.class)
                            .ignoring(
                                    SeatingPolicyChangedEvent.class,
                                    "a favourite cinema is shown by its name; the seating policy only decides holds")));

    @Test
    void everyEventOfEveryAggregateAProjectionShowsIsHandledOrDeliberatelyIgnored() {
        Map<String, Class<?>> projections = projections();
        List<String> violations = new ArrayList<>();
        projections.forEach((name, projection) -> {
            Coverage coverage = PROJECTIONS.get(name);
            if (coverage == null) {
                violations.add(name + " (" + projection.getSimpleName() + ") is not in this test's table:"
                        + " declare which aggregates it shows and which of their events it ignores");
                return;
            }
            Set<Class<?>> handled = handledPayloadTypes(projection);
            Set<Class<?>> shownEvents = new LinkedHashSet<>();
            for (Class<?> marker : coverage.shows()) {
                for (Class<?> event : events(marker)) {
                    shownEvents.add(event);
                    boolean handles = handled.stream().anyMatch(type -> type.isAssignableFrom(event));
                    String reason = coverage.ignores().get(event);
                    if (!handles && reason == null) {
                        violations.add(name + " shows " + marker.getSimpleName() + " but neither handles nor"
                                + " ignores " + event.getSimpleName());
                    } else if (handles && reason != null) {
                        violations.add(
                                name + " handles " + event.getSimpleName() + ", which it also lists as" + " ignored");
                    } else if (reason != null && reason.isBlank()) {
                        violations.add(name + " ignores " + event.getSimpleName() + " without a reason");
                    }
                }
            }
            coverage.ignores().keySet().stream()
                    .filter(event -> !shownEvents.contains(event))
                    .forEach(event -> violations.add(name + " ignores " + event.getSimpleName()
                            + ", an event of none of the aggregates it shows"));
            for (Class<?> type : handled) {
                for (Class<?> marker : MARKERS) {
                    if (marker.isAssignableFrom(type) && !coverage.shows().contains(marker)) {
                        violations.add(name + " handles " + type.getSimpleName() + " but does not declare that"
                                + " it shows " + marker.getSimpleName());
                    }
                }
            }
        });
        PROJECTIONS.keySet().stream()
                .filter(name -> !projections.containsKey(name))
                .forEach(name -> violations.add(name + " is in this test's table but no projection has that name"));

        assertThat(projections).as("projections found").isNotEmpty();
        assertThat(violations)
                .as("events that no projection answers for (handle them, or ignore them with a reason)")
                .isEmpty();
    }

    /**
     * The folds of the aggregates auditors replay: the projections of those aggregates and the
     * audit's state as of an instant both go through them, so each must say what every event of
     * its aggregate means (a method taking it, even if it changes nothing).
     */
    private static final Map<Class<?>, Class<?>> FOLDS = Map.of(
            PaymentState.class, PaymentEvent.class,
            RefundState.class, RefundEvent.class,
            BookingState.class, BookingEvent.class);

    @Test
    void everyFoldSaysWhatEveryEventOfItsAggregateMeans() {
        List<String> violations = new ArrayList<>();
        FOLDS.forEach((fold, marker) -> {
            for (Class<?> event : events(marker)) {
                boolean folded = Arrays.stream(fold.getMethods())
                        .anyMatch(method -> method.getParameterCount() > 0
                                && method.getParameterTypes()[0] == event
                                && method.getReturnType() == fold);
                if (!folded) {
                    violations.add(fold.getSimpleName() + " has no method folding " + event.getSimpleName());
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    /** Every {@code @ProcessingGroup} class of the query side, by its processing group's name. */
    private static Map<String, Class<?>> projections() {
        Map<String, Class<?>> found = new TreeMap<>();
        new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.cinema.query")
                        .stream()
                        .filter(type -> type.isAnnotatedWith(ProcessingGroup.class))
                        .forEach(type -> found.put(
                                type.getAnnotationOfType(ProcessingGroup.class).value(), type.reflect()));
        return found;
    }

    /** The payload types of a projection's event handlers: the declared payloadType, else the first parameter. */
    private static Set<Class<?>> handledPayloadTypes(Class<?> projection) {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Class<?> type = projection; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                EventHandler handler = AnnotatedElementUtils.findMergedAnnotation(method, EventHandler.class);
                if (handler == null) {
                    continue;
                }
                if (handler.payloadType() != Object.class) {
                    types.add(handler.payloadType());
                } else if (method.getParameterCount() > 0) {
                    types.add(method.getParameterTypes()[0]);
                }
            }
        }
        return types;
    }

    /**
     * The events of one aggregate: a sealed marker names them itself; the one that cannot be
     * sealed (its events live in two packages) is answered by scanning the contracts.
     */
    static Set<Class<?>> events(Class<?> marker) {
        Set<Class<?>> events = new TreeSet<>(Comparator.comparing(Class::getName));
        if (marker.isSealed()) {
            for (Class<?> permitted : marker.getPermittedSubclasses()) {
                if (permitted.isInterface()) {
                    events.addAll(events(permitted));
                } else {
                    events.add(permitted);
                }
            }
            return events;
        }
        new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.cinema.contracts")
                        .stream()
                        .filter(type -> !type.isInterface() && type.isAssignableTo(marker))
                        .map(JavaClass::reflect)
                        .forEach(events::add);
        return events;
    }

    /** What one projection shows and which of those events it leaves aside, each with its reason. */
    record Coverage(Set<Class<?>> shows, Map<Class<?>, String> ignores) {

        static Coverage shows(Class<?>... markers) {
            return new Coverage(new LinkedHashSet<>(Arrays.asList(markers)), new LinkedHashMap<>());
        }

        Coverage ignoring(Class<?> event, String reason) {
            Map<Class<?>, String> more = new LinkedHashMap<>(ignores);
            more.put(event, reason);
            return new Coverage(shows, more);
        }
    }
}
