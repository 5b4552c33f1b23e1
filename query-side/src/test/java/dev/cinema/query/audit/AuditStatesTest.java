package dev.cinema.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.booking.BookingEvent;
import dev.cinema.contracts.payment.PaymentEvent;
import dev.cinema.contracts.payment.RefundEvent;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The state as of an instant must fold every event of its aggregate: an event the dispatch does
 * not know would answer an auditor with an error for every stream that has one. The folds' own
 * completeness is checked by EventCoverageTest; this checks that each event reaches its fold.
 */
class AuditStatesTest {

    private static final AuditStates.Envelope AT = new AuditStates.Envelope("id-1", 1, "event-1", Instant.EPOCH);

    @Test
    void everyBookingPaymentAndRefundEventReachesItsFold() {
        List<String> unknown = new ArrayList<>();
        unknown.addAll(unfolded(BookingEvent.class, AuditStates.BOOKING));
        unknown.addAll(unfolded(PaymentEvent.class, AuditStates.PAYMENT));
        unknown.addAll(unfolded(RefundEvent.class, AuditStates.REFUND));
        assertThat(unknown).isEmpty();
    }

    /** The events of a sealed marker that the dispatch refuses as having no fold. */
    private static <S> List<String> unfolded(Class<?> marker, AuditStates.Fold<S> fold) {
        assertThat(marker.isSealed())
                .as("%s lists its events", marker.getSimpleName())
                .isTrue();
        List<String> unknown = new ArrayList<>();
        for (Class<?> type : marker.getPermittedSubclasses()) {
            Object event = blank(type);
            try {
                fold.apply(null, event, AT);
            } catch (IllegalStateException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("No fold")) {
                    // Before the first event only the creating event is known: try on a state.
                    if (!knownOnAState(fold, event)) {
                        unknown.add(type.getSimpleName());
                    }
                }
            } catch (RuntimeException e) {
                // The fold was found; it only could not make sense of an event with empty fields.
            }
        }
        return unknown;
    }

    /** Whether the dispatch knows the event once a state exists (a blank state is enough to tell). */
    @SuppressWarnings("unchecked")
    private static <S> boolean knownOnAState(AuditStates.Fold<S> fold, Object event) {
        try {
            fold.apply((S) blankState(fold), event, AT);
            return true;
        } catch (IllegalStateException e) {
            return e.getMessage() == null || !e.getMessage().startsWith("No fold");
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static Object blankState(AuditStates.Fold<?> fold) {
        Class<?> state = fold == AuditStates.BOOKING
                ? dev.cinema.query.booking.BookingState.class
                : fold == AuditStates.PAYMENT
                        ? dev.cinema.query.payment.PaymentState.class
                        : dev.cinema.query.payment.RefundState.class;
        return blank(state);
    }

    /** A record with every component at its type's empty value. */
    private static Object blank(Class<?> type) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = emptyOf(types[i]);
            }
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a blank " + type.getSimpleName(), e);
        }
    }

    private static Object emptyOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == List.class) {
            return List.of();
        }
        return null;
    }
}
