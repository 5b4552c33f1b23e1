package dev.cinema.command.observability;

import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.RefundFailedEvent;
import dev.cinema.platform.observability.RequestCorrelation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts the business facts where they happen: in the process that applied them, once their
 * transaction has committed. A subscribing processor sees only the events this process publishes
 * live, never a replay, so a rebuild or a second process cannot count a sale twice; summed over
 * the command-side processes they are the system's totals. A fact whose transaction rolls back is
 * not counted. The few facts an operator follows one by one (a sale, an expiry, a refund, a
 * decline) are also logged at INFO, by ids only, with the correlation id of the request behind
 * them. Its failures are logged and never roll a command back (Axon's default for a handler).
 */
@Component
@ProcessingGroup(BusinessMetrics.GROUP)
class BusinessMetrics {

    static final String GROUP = "command-business-metrics";

    private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);

    private final MeterRegistry registry;
    private final Counter holdsPlaced;
    private final Counter holdsExpired;
    private final Counter bookingsConfirmed;
    private final Counter paymentsCaptured;
    private final Counter paymentsDeclined;
    private final Counter refundsFailed;

    BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.holdsPlaced = counter("cinema.holds.placed", "Holds placed (bookings awaiting payment)");
        this.holdsExpired = counter("cinema.holds.expired", "Holds that ran out unpaid");
        this.bookingsConfirmed = counter("cinema.bookings.confirmed", "Bookings paid and their seats sold");
        this.paymentsCaptured = counter("cinema.payments.captured", "Payments the provider captured");
        this.paymentsDeclined = counter("cinema.payments.declined", "Payments the provider declined");
        this.refundsFailed = counter("cinema.refunds.failed", "Refund attempts the provider failed (retried)");
    }

    @EventHandler
    void on(BookingPlacedEvent event, EventMessage<?> message) {
        afterCommit(message, () -> {
            holdsPlaced.increment();
            log.debug(
                    "Hold placed: booking {} on screening {}",
                    event.bookingId().value(),
                    event.screeningId().value());
        });
    }

    @EventHandler
    void on(BookingExpiredEvent event, EventMessage<?> message) {
        afterCommit(message, () -> {
            holdsExpired.increment();
            log.info(
                    "Hold expired: booking {} on screening {}",
                    event.bookingId().value(),
                    event.screeningId().value());
        });
    }

    @EventHandler
    void on(BookingConfirmedEvent event, EventMessage<?> message) {
        afterCommit(message, () -> {
            bookingsConfirmed.increment();
            Counter.builder("cinema.sales.amount")
                    .description("Sales in minor units of the currency")
                    .baseUnit("minor")
                    .tag("currency", event.total().currency())
                    .register(registry)
                    .increment(event.total().amountMinor());
            log.info(
                    "Booking confirmed: booking {} on screening {}, payment {}",
                    event.bookingId().value(),
                    event.screeningId().value(),
                    event.paymentId().value());
        });
    }

    @EventHandler
    void on(PaymentCapturedEvent event, EventMessage<?> message) {
        afterCommit(message, paymentsCaptured::increment);
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, EventMessage<?> message) {
        afterCommit(message, () -> {
            paymentsDeclined.increment();
            log.info(
                    "Payment declined: payment {} of booking {}",
                    event.paymentId().value(),
                    event.bookingId().value());
        });
    }

    @EventHandler
    void on(PaymentRefundedEvent event, EventMessage<?> message) {
        afterCommit(message, () -> {
            Counter.builder("cinema.refunds.completed")
                    .description("Payments (partly) refunded, by why")
                    .tag("reason", event.reason() == null ? "unknown" : event.reason())
                    .register(registry)
                    .increment();
            log.info(
                    "Payment refunded ({}): payment {} of booking {}",
                    event.reason(),
                    event.paymentId().value(),
                    event.bookingId().value());
        });
    }

    @EventHandler
    void on(RefundFailedEvent event, EventMessage<?> message) {
        afterCommit(message, () -> {
            refundsFailed.increment();
            log.info(
                    "Refund failed, to be retried: refund {} of booking {}",
                    event.refundId().value(),
                    event.bookingId().value());
        });
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    /**
     * Once the transaction that stores the event has committed (the command's own, of which this
     * subscribing handler's unit of work is a part), with the request's correlation id in the MDC:
     * by then the handler's MDC scope has ended.
     */
    private static void afterCommit(EventMessage<?> message, Runnable count) {
        String requestId = RequestCorrelation.of(message);
        Runnable counted = () -> RequestCorrelation.run(requestId, count);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> counted.run());
        } else {
            counted.run();
        }
    }
}
