package dev.cinema.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.RefundApprovedEvent;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundId;
import dev.cinema.contracts.payment.RefundRejectedEvent;
import dev.cinema.contracts.payment.RefundRequestedEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refund: the policy's percentage of the returned seats' share, rounded down to whole minor
 * units; nothing granted is recorded as rejected; a granted refund completes exactly once.
 */
class RefundTest {

    private static final RefundId REFUND = RefundId.of("refund-1");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final PaymentId PAYMENT = PaymentId.of("payment-1");
    private static final AccountId CUSTOMER = AccountId.of("customer-1");
    private static final List<String> SEATS = List.of("A1", "A2");
    private static final Money SHARE = Money.of(2500, "EUR");
    private static final Money ODD_SHARE = Money.of(1235, "EUR");

    private FixtureConfiguration<Refund> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Refund.class);
    }

    private static Refund refundOf(Money share, int percent) {
        return new Refund(REFUND, BOOKING, PAYMENT, CUSTOMER, SEATS, share, percent);
    }

    private static RefundRequestedEvent requested(Money share, int percent, long amountMinor) {
        return new RefundRequestedEvent(
                REFUND, BOOKING, PAYMENT, CUSTOMER, SEATS, share, percent, Money.of(amountMinor, share.currency()));
    }

    private static RefundApprovedEvent approved(long amountMinor) {
        return new RefundApprovedEvent(REFUND, BOOKING, Money.of(amountMinor, "EUR"));
    }

    private static RefundCompletedEvent completed(String reference) {
        return new RefundCompletedEvent(REFUND, BOOKING, PAYMENT, CUSTOMER, SHARE, reference);
    }

    // ---------------------------------------------------------------- requesting

    @Test
    void aFullRefundIsRequestedForTheWholeShareOfTheReturnedSeats() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> refundOf(SHARE, 100))
                .expectEvents(requested(SHARE, 100, 2500), approved(2500));
    }

    @Test
    void aFullRefundIsApprovedSoTheProviderIsAsked() {
        AtomicReference<Refund> created = new AtomicReference<>();

        fixture.givenNoPriorActivity()
                .whenConstructing(() -> {
                    Refund refund = refundOf(SHARE, 100);
                    created.set(refund);
                    return refund;
                })
                .expectSuccessfulHandlerExecution();
        assertThat(created.get().approved()).isTrue();
        assertThat(created.get().attempt().amount()).isEqualTo(SHARE);
        assertThat(created.get().attempt().pending()).isTrue();
    }

    @Test
    void halfOfAnOddShareIsRoundedDownToAWholeMinorUnit() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> refundOf(ODD_SHARE, 50))
                .expectEvents(requested(ODD_SHARE, 50, 617), approved(617));
    }

    @Test
    void aRefundThePolicyGivesNothingForIsRequestedAndRejectedAsTooCloseToTheScreening() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> refundOf(SHARE, 0))
                .expectEvents(
                        requested(SHARE, 0, 0),
                        new RefundRejectedEvent(REFUND, BOOKING, CUSTOMER, "too-close-to-the-screening"));
    }

    @Test
    void aRejectedRefundIsNotApproved() {
        AtomicReference<Refund> created = new AtomicReference<>();

        fixture.givenNoPriorActivity()
                .whenConstructing(() -> {
                    Refund refund = refundOf(SHARE, 0);
                    created.set(refund);
                    return refund;
                })
                .expectSuccessfulHandlerExecution();
        assertThat(created.get().approved()).isFalse();
        assertThat(created.get().attempt().pending()).isFalse();
    }

    @Test
    void aRejectedRefundLoadedFromItsEventsIsNotApproved() {
        AtomicReference<Boolean> approved = new AtomicReference<>();

        fixture.given(
                        requested(SHARE, 0, 0),
                        new RefundRejectedEvent(REFUND, BOOKING, CUSTOMER, "too-close-to-the-screening"))
                .whenInvoking(REFUND.value(), refund -> approved.set(refund.approved()))
                .expectNoEvents();
        assertThat(approved).hasValue(false);
    }

    @Test
    void aPercentageThatRoundsAOneUnitShareDownToNothingIsRejected() {
        Money oneCent = Money.of(1, "EUR");

        fixture.givenNoPriorActivity()
                .whenConstructing(() -> refundOf(oneCent, 50))
                .expectEvents(
                        requested(oneCent, 50, 0),
                        new RefundRejectedEvent(REFUND, BOOKING, CUSTOMER, "too-close-to-the-screening"));
    }

    // ---------------------------------------------------------------- completing

    @Test
    void completingAnApprovedRefundEmitsRefundCompletedWithItsAmountAndTheProvidersReference() {
        fixture.givenState(() -> refundOf(SHARE, 100))
                .whenInvoking(REFUND.value(), refund -> refund.complete("re_1"))
                .expectEvents(completed("re_1"));
    }

    @Test
    void completingARefundTwiceInOneGoEmitsRefundCompletedOnce() {
        fixture.givenState(() -> refundOf(SHARE, 100))
                .whenInvoking(REFUND.value(), refund -> {
                    refund.complete("re_1");
                    refund.complete("re_2");
                })
                .expectEvents(completed("re_1"));
    }

    @Test
    void completingAnAlreadyCompletedRefundAgainEmitsNothing() {
        fixture.given(requested(SHARE, 100, 2500), completed("re_1"))
                .whenInvoking(REFUND.value(), refund -> refund.complete("re_2"))
                .expectNoEvents();
    }

    @Test
    void aCompletedRefundIsNoLongerApprovedSoARetryDoesNotAskTheProviderAgain() {
        AtomicReference<Boolean> approved = new AtomicReference<>();
        AtomicReference<Refund.Attempt> attempt = new AtomicReference<>();

        fixture.givenState(() -> refundOf(SHARE, 100))
                .whenInvoking(REFUND.value(), refund -> {
                    refund.complete("re_1");
                    approved.set(refund.approved());
                    attempt.set(refund.attempt());
                })
                .expectEvents(completed("re_1"));
        assertThat(approved).hasValue(false);
        assertThat(attempt.get().pending()).isFalse();
    }

    @Test
    void aRejectedRefundCannotBeCompleted() {
        fixture.given(
                        requested(SHARE, 0, 0),
                        new RefundRejectedEvent(REFUND, BOOKING, CUSTOMER, "too-close-to-the-screening"))
                .whenInvoking(REFUND.value(), refund -> refund.complete("re_1"))
                .expectNoEvents();
    }
}
