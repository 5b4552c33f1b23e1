package dev.cinema.query.audit;

import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingHoldExpiringEvent;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingRefundedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.BookingSeatsReturnedEvent;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.contracts.payment.RefundApprovedEvent;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundFailedEvent;
import dev.cinema.contracts.payment.RefundRejectedEvent;
import dev.cinema.contracts.payment.RefundRequestedEvent;
import dev.cinema.contracts.payment.RefundRetryDueEvent;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.query.booking.BookingState;
import dev.cinema.query.payment.PaymentState;
import dev.cinema.query.payment.RefundState;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Payments, refunds and bookings as of an instant: their events read from the first one (by
 * sequence number, never through a snapshot) up to that instant, folded with the read models'
 * folds. Read through the event store's API, so this works on Axon Server too.
 */
@Component
class AuditStates {

    /** What one event does to a state; {@code state} is null before the first. */
    interface Fold<S> {
        S apply(S state, Object payload, Envelope event);
    }

    /** What a fold may read of an event besides its payload. */
    record Envelope(String aggregateId, long sequence, String eventId, Instant at) {

        static Envelope of(DomainEventMessage<?> event) {
            return new Envelope(
                    event.getAggregateIdentifier(),
                    event.getSequenceNumber(),
                    event.getIdentifier(),
                    event.getTimestamp());
        }
    }

    static final Fold<PaymentState> PAYMENT = AuditStates::payment;
    static final Fold<RefundState> REFUND = AuditStates::refund;
    static final Fold<BookingState> BOOKING = AuditStates::booking;

    private final EventStore events;

    AuditStates(EventStore events) {
        this.events = events;
    }

    StateAsOf<PaymentState> payment(String paymentId, Instant asOf) {
        return asOf(paymentId, "Payment", asOf, PAYMENT)
                .orElseThrow(
                        () -> new Refusal("payment-not-found", null, "No payment " + paymentId + " as of " + asOf));
    }

    StateAsOf<RefundState> refund(String refundId, Instant asOf) {
        return asOf(refundId, "Refund", asOf, REFUND)
                .orElseThrow(() -> new Refusal("refund-not-found", null, "No refund " + refundId + " as of " + asOf));
    }

    StateAsOf<BookingState> booking(String bookingId, Instant asOf) {
        return asOf(bookingId, "Booking", asOf, BOOKING)
                .orElseThrow(
                        () -> new Refusal("booking-not-found", null, "No booking " + bookingId + " as of " + asOf));
    }

    /** Empty before the stream's first event, or when the stream is not of that aggregate type. */
    private <S> Optional<StateAsOf<S>> asOf(String id, String aggregateType, Instant asOf, Fold<S> fold) {
        DomainEventStream stream = events.readEvents(id, 0);
        S state = null;
        int applied = 0;
        DomainEventMessage<?> last = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!aggregateType.equals(event.getType()) || event.getTimestamp().isAfter(asOf)) {
                break;
            }
            state = fold.apply(state, event.getPayload(), Envelope.of(event));
            applied++;
            last = event;
        }
        if (last == null) {
            return Optional.empty();
        }
        return Optional.of(new StateAsOf<>(
                id,
                asOf,
                applied,
                new StateAsOf.AppliedEvent(
                        last.getSequenceNumber(),
                        last.getIdentifier(),
                        last.getPayloadType().getSimpleName(),
                        last.getTimestamp()),
                state));
    }

    static PaymentState payment(PaymentState state, Object payload, Envelope event) {
        PaymentState payment = state == null ? PaymentState.of(event.aggregateId()) : state;
        Instant at = event.at();
        if (payload instanceof PaymentRequestedEvent requested) {
            return payment.on(requested, at);
        } else if (payload instanceof PaymentCapturedEvent captured) {
            return payment.on(captured, at);
        } else if (payload instanceof PaymentDeclinedEvent declined) {
            return payment.on(declined, at);
        } else if (payload instanceof PaymentRefundedEvent refunded) {
            return payment.on(refunded, at, event.eventId());
        }
        throw unknown(payload, event);
    }

    static RefundState refund(RefundState state, Object payload, Envelope event) {
        if (payload instanceof RefundRequestedEvent requested) {
            return RefundState.requested(requested);
        } else if (state == null) {
            throw unknown(payload, event);
        } else if (payload instanceof RefundApprovedEvent approved) {
            return state.on(approved);
        } else if (payload instanceof RefundRejectedEvent rejected) {
            return state.on(rejected);
        } else if (payload instanceof RefundFailedEvent failed) {
            return state.on(failed);
        } else if (payload instanceof RefundCompletedEvent completed) {
            return state.on(completed);
        } else if (payload instanceof RefundRetryDueEvent due) {
            return state.on(due);
        }
        throw unknown(payload, event);
    }

    static BookingState booking(BookingState state, Object payload, Envelope event) {
        if (payload instanceof BookingPlacedEvent placed) {
            return BookingState.placed(placed, event.at());
        } else if (state == null) {
            throw unknown(payload, event);
        } else if (payload instanceof BookingSeatsChangedEvent changed) {
            return state.on(changed);
        } else if (payload instanceof BookingConfirmedEvent confirmed) {
            return state.on(confirmed);
        } else if (payload instanceof BookingSeatsReturnedEvent returned) {
            return state.on(returned);
        } else if (payload instanceof BookingRefundedEvent refunded) {
            return state.on(refunded);
        } else if (payload instanceof BookingCancelledEvent cancelled) {
            return state.on(cancelled);
        } else if (payload instanceof BookingExpiredEvent expired) {
            return state.on(expired);
        } else if (payload instanceof BookingHoldExpiringEvent expiring) {
            return state.on(expiring);
        }
        throw unknown(payload, event);
    }

    private static IllegalStateException unknown(Object payload, Envelope event) {
        return new IllegalStateException("No fold for " + payload.getClass().getSimpleName() + " at sequence "
                + event.sequence() + " of " + event.aggregateId());
    }
}
