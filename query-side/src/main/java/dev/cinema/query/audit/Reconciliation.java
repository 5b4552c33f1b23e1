package dev.cinema.query.audit;

import dev.cinema.contracts.common.Money;
import dev.cinema.query.audit.ReconciliationReport.Difference;
import dev.cinema.query.booking.BookingState;
import dev.cinema.query.booking.CustomerBookingCheck;
import dev.cinema.query.payment.PaymentHistoryCheck;
import dev.cinema.query.payment.PaymentState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Replays every payment, refund and booking from the event store, stream by stream (a cursor:
 * memory holds one stream, a batch, and a small ledger per booking), with the folds the read
 * models use, and holds the result against the payment history, against "my bookings", and the
 * money against each booking: what its payments captured less what they refunded must be what it
 * keeps (its seats' prices while confirmed) plus what refund policies kept of the seats it gave
 * back.
 */
@Component
class Reconciliation {

    private static final int BATCH = 200;

    private final StoredEvents store;
    private final Serializer serializer;
    private final PaymentHistoryCheck paymentHistory;
    private final CustomerBookingCheck customerBookings;
    private final EventProcessingConfiguration processing;

    Reconciliation(
            StoredEvents store,
            @Qualifier("eventSerializer") Serializer serializer,
            PaymentHistoryCheck paymentHistory,
            CustomerBookingCheck customerBookings,
            EventProcessingConfiguration processing) {
        this.store = store;
        this.serializer = serializer;
        this.paymentHistory = paymentHistory;
        this.customerBookings = customerBookings;
        this.processing = processing;
    }

    ReconciliationReport reconcile() {
        Long head = store.head();
        boolean caughtUp = caughtUp(head);
        Run run = new Run();
        store.readOnly(() -> {
            streams("Payment", AuditStates.PAYMENT, run::payment);
            run.flushPayments();
            streams("Refund", AuditStates.REFUND, refund -> {
                run.refunds++;
                run.ledger(refund.bookingId()).kept = plus(run.ledger(refund.bookingId()).kept, refund.kept());
            });
            streams("Booking", AuditStates.BOOKING, run::booking);
            run.flushBookings();
            return null;
        });
        run.leftovers();
        return new ReconciliationReport(head, caughtUp, run.payments, run.refunds, run.bookings, run.differences);
    }

    /** The money of one booking, from its payments' and refunds' events. */
    private static final class Ledger {
        Money captured;
        Money refunded;
        Money kept;
    }

    /** One reconciliation's state. */
    private final class Run {
        final List<Difference> differences = new ArrayList<>();
        final Map<String, Ledger> ledgers = new HashMap<>();
        final List<PaymentState> paymentBatch = new ArrayList<>();
        final List<BookingState> bookingBatch = new ArrayList<>();
        final Map<String, Money> refundedInBatch = new HashMap<>();
        long payments;
        long refunds;
        long bookings;

        Ledger ledger(String bookingId) {
            return ledgers.computeIfAbsent(bookingId, b -> new Ledger());
        }

        void payment(PaymentState payment) {
            payments++;
            Ledger ledger = ledger(payment.bookingId());
            ledger.captured = plus(ledger.captured, payment.captured());
            ledger.refunded = plus(ledger.refunded, payment.refunded());
            paymentBatch.add(payment);
            if (paymentBatch.size() >= BATCH) {
                flushPayments();
            }
        }

        void flushPayments() {
            if (!paymentBatch.isEmpty()) {
                paymentHistory
                        .differences(paymentBatch)
                        .forEach(mismatch -> differences.add(new Difference(
                                Difference.Kind.PAYMENT_HISTORY, mismatch.paymentId(), mismatch.detail())));
                paymentBatch.clear();
            }
        }

        void booking(BookingState booking) {
            bookings++;
            Ledger ledger = ledgers.remove(booking.bookingId());
            if (ledger == null) {
                ledger = new Ledger();
            }
            long captured = minor(ledger.captured);
            long refunded = minor(ledger.refunded);
            long kept = booking.worth().amountMinor() + minor(ledger.kept);
            if (captured - refunded != kept) {
                differences.add(new Difference(
                        Difference.Kind.BOOKING_MONEY,
                        booking.bookingId(),
                        "its payments captured " + captured + " and refunded " + refunded + " (net "
                                + (captured - refunded) + "), but the booking is " + booking.status()
                                + " with seats worth " + booking.worth().amountMinor()
                                + " and refund policies kept " + minor(ledger.kept)));
            }
            if (ledger.refunded != null) {
                refundedInBatch.put(booking.bookingId(), ledger.refunded);
            }
            bookingBatch.add(booking);
            if (bookingBatch.size() >= BATCH) {
                flushBookings();
            }
        }

        void flushBookings() {
            if (!bookingBatch.isEmpty()) {
                customerBookings
                        .differences(bookingBatch, refundedInBatch)
                        .forEach(mismatch -> differences.add(new Difference(
                                Difference.Kind.CUSTOMER_BOOKING, mismatch.bookingId(), mismatch.detail())));
                bookingBatch.clear();
                refundedInBatch.clear();
            }
        }

        /** Money for bookings that have no events, and read-model rows that no event made. */
        void leftovers() {
            new TreeMap<>(ledgers).forEach((booking, ledger) -> {
                if (minor(ledger.captured) != 0 || minor(ledger.refunded) != 0) {
                    differences.add(new Difference(
                            Difference.Kind.BOOKING_MONEY,
                            booking,
                            "payments captured " + minor(ledger.captured) + " and refunded " + minor(ledger.refunded)
                                    + " for a booking that has no events"));
                }
            });
            paymentHistory
                    .paymentsWithoutEvents()
                    .forEach(payment -> differences.add(new Difference(
                            Difference.Kind.PAYMENT_HISTORY,
                            payment,
                            "shown in the payment history, but no event made it")));
            customerBookings
                    .bookingsWithoutEvents()
                    .forEach(booking -> differences.add(new Difference(
                            Difference.Kind.CUSTOMER_BOOKING, booking, "shown to a customer, but no event made it")));
        }
    }

    private static Money plus(Money sum, Money more) {
        return sum == null ? more : sum.plus(more);
    }

    private static long minor(Money money) {
        return money == null ? 0 : money.amountMinor();
    }

    /** Folds every stream of an aggregate type, one at a time, handing each state on when its stream ends. */
    private <S> void streams(String aggregateType, AuditStates.Fold<S> fold, Consumer<S> each) {
        List<S> state = new ArrayList<>(1);
        String[] stream = {null};
        store.stream("where type = ? order by aggregate_identifier, sequence_number", List.of(aggregateType), event -> {
            if (stream[0] != null && !stream[0].equals(event.aggregateId())) {
                each.accept(state.remove(0));
            }
            stream[0] = event.aggregateId();
            S before = state.isEmpty() ? null : state.remove(0);
            state.add(fold.apply(before, payload(event), envelope(event)));
        });
        if (!state.isEmpty()) {
            each.accept(state.remove(0));
        }
    }

    private Object payload(StoredEvent event) {
        return serializer.deserialize(new SimpleSerializedObject<>(
                event.payload(), byte[].class, event.payloadType(), event.payloadRevision()));
    }

    private static AuditStates.Envelope envelope(StoredEvent event) {
        return new AuditStates.Envelope(event.aggregateId(), event.sequence(), event.eventId(), event.at());
    }

    /** Whether every projection of this side had read up to {@code head} when the reconciliation began. */
    private boolean caughtUp(Long head) {
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                for (EventTrackerStatus status : streaming.processingStatus().values()) {
                    if (!status.isCaughtUp()
                            || status.isErrorState()
                            || (head != null && status.getCurrentPosition().orElse(-1) < head)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
