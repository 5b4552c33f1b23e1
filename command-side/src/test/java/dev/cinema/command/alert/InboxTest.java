package dev.cinema.command.alert;

import static dev.cinema.command.Refusals.refusal;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.alert.AlertDetails;
import dev.cinema.contracts.alert.AlertId;
import dev.cinema.contracts.alert.AlertRaisedEvent;
import dev.cinema.contracts.alert.AlertReadEvent;
import dev.cinema.contracts.alert.AlertRefs;
import dev.cinema.contracts.alert.AlertType;
import dev.cinema.contracts.alert.InboxId;
import dev.cinema.contracts.alert.RaiseAlertCommand;
import dev.cinema.contracts.alert.ReadAlertCommand;
import dev.cinema.contracts.alert.ReadAllAlertsCommand;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboxTest {

    private static final AccountId CUSTOMER = AccountId.of("customer-1");
    private static final InboxId INBOX = InboxId.of(CUSTOMER);
    private static final Instant AT = Instant.parse("2030-03-01T12:00:00Z");

    private static final AlertId FIRST = AlertId.derivedFrom("event-1", "booking-1");
    private static final AlertId SECOND = AlertId.derivedFrom("event-2", "booking-1");
    private static final AlertId THIRD = AlertId.derivedFrom("event-3", "booking-2");
    /** Another customer's alert: the same kind of id, in another inbox. */
    private static final AlertId SOMEONE_ELSES = AlertId.derivedFrom("event-4", "booking-9");

    private FixtureConfiguration<Inbox> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inbox.class);
        fixture.registerAnnotatedCommandHandler(new ReadingAlerts(fixture.getRepository()));
    }

    private static RaiseAlertCommand raise(AlertId alertId, AlertType type) {
        return new RaiseAlertCommand(
                INBOX,
                CUSTOMER,
                alertId,
                type,
                AlertRefs.booking(BookingId.of("booking-1"), ScreeningId.of("screening-1"))
                        .withPayment(PaymentId.of("payment-1")),
                AlertDetails.of(Money.of(2500, "EUR"), List.of("A1", "A2")),
                AT);
    }

    private static AlertRaisedEvent raised(AlertId alertId, AlertType type) {
        RaiseAlertCommand command = raise(alertId, type);
        return new AlertRaisedEvent(
                INBOX, CUSTOMER, alertId, type, command.refs(), command.details(), command.occurredAt());
    }

    private static AlertReadEvent read(AlertId alertId) {
        return new AlertReadEvent(INBOX, CUSTOMER, alertId);
    }

    // ---------------------------------------------------------------- raising

    @Test
    void theFirstAlertOfACustomerCreatesTheirInbox() {
        fixture.givenNoPriorActivity()
                .when(raise(FIRST, AlertType.BOOKING_CONFIRMED))
                .expectEvents(raised(FIRST, AlertType.BOOKING_CONFIRMED));
    }

    @Test
    void anotherTriggerRaisesAnotherAlert() {
        fixture.given(raised(FIRST, AlertType.PAYMENT_DECLINED))
                .when(raise(SECOND, AlertType.BOOKING_CONFIRMED))
                .expectEvents(raised(SECOND, AlertType.BOOKING_CONFIRMED));
    }

    @Test
    void aTriggerDeliveredTwiceRaisesItsAlertOnce() {
        fixture.given(raised(FIRST, AlertType.BOOKING_CONFIRMED))
                .when(raise(FIRST, AlertType.BOOKING_CONFIRMED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReadAlertRaisedAgainIsNotRaisedAgainNorUnread() {
        fixture.given(raised(FIRST, AlertType.BOOKING_CONFIRMED), read(FIRST))
                .when(raise(FIRST, AlertType.BOOKING_CONFIRMED))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- reading one

    @Test
    void readingAnUnreadAlertRecordsThatItWasRead() {
        fixture.given(raised(FIRST, AlertType.BOOKING_CONFIRMED), raised(SECOND, AlertType.HOLD_EXPIRED))
                .when(new ReadAlertCommand(INBOX, SECOND))
                .expectEvents(read(SECOND));
    }

    @Test
    void readingAnAlertThatIsReadAlreadyChangesNothing() {
        fixture.given(raised(FIRST, AlertType.BOOKING_CONFIRMED), read(FIRST))
                .when(new ReadAlertCommand(INBOX, FIRST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void readingSomeoneElsesAlertIsRefusedAsIfItDidNotExist() {
        fixture.given(raised(FIRST, AlertType.BOOKING_CONFIRMED))
                .when(new ReadAlertCommand(INBOX, SOMEONE_ELSES))
                .expectException(refusal("alert-not-found", null))
                .expectNoEvents();
    }

    @Test
    void readingAnAlertOfACustomerWhoNeverHadOneIsRefusedAsUnknown() {
        fixture.givenNoPriorActivity()
                .when(new ReadAlertCommand(INBOX, FIRST))
                .expectException(refusal("alert-not-found", null))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- reading all

    @Test
    void readingAllRecordsEveryAlertThatWasUnreadAsRead() {
        fixture.given(
                        raised(FIRST, AlertType.BOOKING_CONFIRMED),
                        raised(SECOND, AlertType.HOLD_EXPIRED),
                        raised(THIRD, AlertType.PAYMENT_DECLINED),
                        read(SECOND))
                .when(new ReadAllAlertsCommand(INBOX))
                .expectEvents(read(FIRST), read(THIRD));
    }

    @Test
    void readingAllOfAnInboxReadAlreadyChangesNothing() {
        fixture.given(raised(FIRST, AlertType.BOOKING_CONFIRMED), read(FIRST))
                .when(new ReadAllAlertsCommand(INBOX))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void readingAllOfACustomerWhoNeverHadAnAlertReadsNothing() {
        fixture.givenNoPriorActivity()
                .when(new ReadAllAlertsCommand(INBOX))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAlertRaisedAfterReadingAllIsUnread() {
        fixture.given(raised(FIRST, AlertType.BOOKING_CONFIRMED), read(FIRST), raised(SECOND, AlertType.HOLD_EXPIRED))
                .when(new ReadAllAlertsCommand(INBOX))
                .expectEvents(read(SECOND));
    }
}
