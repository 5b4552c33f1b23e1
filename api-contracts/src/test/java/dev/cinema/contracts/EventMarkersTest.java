package dev.cinema.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.cinema.contracts.account.AccountEvent;
import dev.cinema.contracts.alert.InboxEvent;
import dev.cinema.contracts.booking.BookingEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaEvent;
import dev.cinema.contracts.catalogue.film.FilmEvent;
import dev.cinema.contracts.catalogue.location.LocationEvent;
import dev.cinema.contracts.catalogue.screen.ScreenEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningEvent;
import dev.cinema.contracts.favourite.FavouritesEvent;
import dev.cinema.contracts.payment.PaymentEvent;
import dev.cinema.contracts.payment.RefundEvent;
import dev.cinema.contracts.review.ReviewEvent;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each aggregate's events share a marker interface, which is what lets the query side's event
 * coverage test ask every read model about every event of the aggregates it shows. These checks
 * keep the markers complete and honest: an event without a marker would escape that question.
 */
class EventMarkersTest {

    /** One per aggregate (and the refund's scheduled retry with its refund). */
    static final List<Class<?>> MARKERS = List.of(
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

    private static final JavaClasses CONTRACTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cinema.contracts");

    @Test
    void everyEventRecordImplementsExactlyOneAggregateMarker() {
        List<Class<?>> events = eventRecords();
        List<String> violations = new ArrayList<>();
        for (Class<?> event : events) {
            List<String> markers = MARKERS.stream()
                    .filter(marker -> marker.isAssignableFrom(event))
                    .map(Class::getSimpleName)
                    .toList();
            if (markers.size() != 1) {
                violations.add(event.getName() + " implements " + markers);
            }
        }
        assertThat(events).as("event records found").hasSizeGreaterThan(MARKERS.size());
        assertThat(violations)
                .as("events that do not implement exactly one aggregate marker")
                .isEmpty();
    }

    @Test
    void theMarkersAreExactlyTheEventInterfacesOfTheContracts() {
        Set<String> interfaces = CONTRACTS.stream()
                .filter(JavaClass::isInterface)
                .filter(type -> type.getSimpleName().endsWith("Event"))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(interfaces)
                .as("a new marker must be listed here (and in the query side's event coverage table)")
                .isEqualTo(MARKERS.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * Outside a named module a sealed type may permit only classes of its own package: so every
     * marker whose events all live beside it is sealed, and a sealed marker permits exactly the
     * events that implement it.
     */
    @Test
    void aMarkerIsSealedWheneverItsEventsLiveInItsPackage() {
        List<String> violations = new ArrayList<>();
        for (Class<?> marker : MARKERS) {
            Set<String> implementors = implementors(marker);
            boolean samePackage = eventRecords().stream()
                    .filter(marker::isAssignableFrom)
                    .allMatch(event -> event.getPackageName().equals(marker.getPackageName()));
            if (samePackage && !marker.isSealed()) {
                violations.add(marker.getSimpleName() + " could be sealed");
            }
            if (marker.isSealed()) {
                Set<String> permitted = Arrays.stream(marker.getPermittedSubclasses())
                        .map(Class::getName)
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!permitted.equals(implementors)) {
                    violations.add(marker.getSimpleName() + " permits " + permitted + " but " + implementors
                            + " implement it");
                }
            }
            if (implementors.isEmpty()) {
                violations.add(marker.getSimpleName() + " has no events");
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * A marker may only name accessors its records already have: anything else (a default
     * {@code getX()} or {@code isX()}) would be written by Jackson into every stored event.
     */
    @Test
    void markersDeclareNothingButAccessorsTheirRecordsAlreadyHave() {
        List<String> violations = new ArrayList<>();
        for (Class<?> marker : MARKERS) {
            for (Method method : marker.getDeclaredMethods()) {
                if (!Modifier.isAbstract(method.getModifiers()) || method.getParameterCount() != 0) {
                    violations.add(marker.getSimpleName() + "." + method.getName() + " is not a plain accessor");
                }
                for (Class<?> event : eventRecords()) {
                    if (marker.isAssignableFrom(event)
                            && Arrays.stream(event.getRecordComponents())
                                    .map(RecordComponent::getName)
                                    .noneMatch(method.getName()::equals)) {
                        violations.add(event.getSimpleName() + " has no component " + method.getName() + " ("
                                + marker.getSimpleName() + ")");
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<Class<?>> eventRecords() {
        return CONTRACTS.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(JavaClass::isRecord)
                .filter(type -> type.getSimpleName().endsWith("Event"))
                .<Class<?>>map(JavaClass::reflect)
                .toList();
    }

    private static Set<String> implementors(Class<?> marker) {
        return eventRecords().stream()
                .filter(marker::isAssignableFrom)
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
