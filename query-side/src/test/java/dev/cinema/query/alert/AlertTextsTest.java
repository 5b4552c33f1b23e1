package dev.cinema.query.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.alert.AlertDetails;
import dev.cinema.contracts.alert.AlertType;
import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alert texts, every type, with times in the cinema's zone (Tokyo is UTC+9 all year: no daylight saving). */
class AlertTextsTest {

    private static final Instant STARTS = Instant.parse("2031-03-14T10:30:00Z"); // 19:30 in Tokyo
    private static final AlertTexts.Showing SHOWING =
            new AlertTexts.Showing("Night Train", "Cine Lumière", ZoneId.of("Asia/Tokyo"), STARTS, null);
    private static final Money TOTAL = Money.of(2500, "EUR");
    private static final List<String> SEATS = List.of("A1", "A2");

    private static String text(AlertType type, AlertDetails details) {
        return AlertTexts.text(type, details, SHOWING);
    }

    @Test
    void aConfirmedBookingNamesTheSeatsTheScreeningInItsCinemasZoneAndWhatWasPaid() {
        assertThat(text(AlertType.BOOKING_CONFIRMED, AlertDetails.of(TOTAL, SEATS)))
                .isEqualTo("Booking confirmed: seats A1, A2 for Night Train at Cine Lumière on Fri 14 Mar 2031, 19:30."
                        + " Paid 25.00 EUR.");
    }

    @Test
    void aHoldRunningOutSaysWhenInTheCinemasZone() {
        assertThat(text(
                        AlertType.HOLD_EXPIRING,
                        AlertDetails.of(null, List.of("B3")).withExpiresAt(Instant.parse("2031-03-10T09:12:00Z"))))
                .isEqualTo("Your hold on seat B3 for Night Train at Cine Lumière on Fri 14 Mar 2031, 19:30 runs out"
                        + " at 18:12: pay before then to keep them.");
    }

    @Test
    void everyOtherTypeHasItsText() {
        assertThat(text(AlertType.HOLD_EXPIRED, AlertDetails.of(null, SEATS)))
                .isEqualTo("Your hold on seats A1, A2 for Night Train at Cine Lumière on Fri 14 Mar 2031, 19:30 ran"
                        + " out before payment; the seats are free again.");
        assertThat(text(
                        AlertType.PAYMENT_DECLINED,
                        AlertDetails.of(TOTAL, SEATS).withReason("card_declined")))
                .isEqualTo("Your payment of 25.00 EUR for Night Train at Cine Lumière on Fri 14 Mar 2031, 19:30 was"
                        + " declined (card_declined). Your seats stay held until the hold runs out.");
        assertThat(text(AlertType.LATE_PAYMENT_REFUNDED, AlertDetails.of(TOTAL, SEATS)))
                .isEqualTo("Your payment of 25.00 EUR for Night Train at Cine Lumière on Fri 14 Mar 2031, 19:30 came"
                        + " after the hold had run out: it has been refunded in full.");
        assertThat(text(AlertType.REFUND_COMPLETED, AlertDetails.of(Money.of(1250, "EUR"), List.of())))
                .isEqualTo("12.50 EUR has been refunded for Night Train at Cine Lumière on Fri 14 Mar 2031, 19:30.");
        assertThat(text(
                        AlertType.REFUND_FAILED,
                        AlertDetails.none().withRetryAt(Instant.parse("2031-03-10T09:15:00Z"))))
                .isEqualTo("Your refund for Night Train at Cine Lumière on Fri 14 Mar 2031, 19:30 could not be made"
                        + " yet; it will be tried again at 18:15.");
        assertThat(text(
                        AlertType.SCREENING_RESCHEDULED,
                        AlertDetails.of(null, SEATS).withStartsAt(Instant.parse("2031-03-15T11:00:00Z"))))
                .isEqualTo("Night Train at Cine Lumière has moved: it now starts on Sat 15 Mar 2031, 20:00. Your"
                        + " seats A1, A2 are kept.");
        assertThat(text(
                        AlertType.NEW_SCREENING_OF_FAVOURITE,
                        AlertDetails.none().withStartsAt(Instant.parse("2031-03-15T11:00:00Z"))))
                .isEqualTo("New screening of a favourite: Night Train at Cine Lumière on Sat 15 Mar 2031, 20:00.");
    }

    @Test
    void aCancelledScreeningSaysWhyAndWhatWasRefundedOrReleased() {
        AlertTexts.Showing cancelled = new AlertTexts.Showing(
                "Night Train", "Cine Lumière", ZoneId.of("Asia/Tokyo"), STARTS, "Projector fault");

        assertThat(AlertTexts.text(AlertType.SCREENING_CANCELLED, AlertDetails.of(TOTAL, SEATS), cancelled))
                .isEqualTo("The cinema cancelled Night Train at Cine Lumière on Fri 14 Mar 2031, 19:30 (Projector"
                        + " fault). Your seats A1, A2 have been refunded: 25.00 EUR.");
        assertThat(AlertTexts.text(AlertType.SCREENING_CANCELLED, AlertDetails.of(null, List.of("C1")), cancelled))
                .isEqualTo("The cinema cancelled Night Train at Cine Lumière on Fri 14 Mar 2031, 19:30 (Projector"
                        + " fault). Your hold on seat C1 was released; nothing was charged.");
    }

    @Test
    void withoutTheCatalogueTheTextStillSaysWhatHappenedWithTimesInUtc() {
        assertThat(AlertTexts.text(
                        AlertType.HOLD_EXPIRING,
                        AlertDetails.of(null, List.of()).withExpiresAt(Instant.parse("2031-03-10T09:12:00Z")),
                        null))
                .isEqualTo("Your hold on seats for your screening runs out at 09:12 UTC: pay before then to keep"
                        + " them.");
    }

    @Test
    void amountsHaveTheirCurrencysMinorUnits() {
        assertThat(AlertTexts.money(Money.of(1500, "JPY"))).isEqualTo("1500 JPY");
        assertThat(AlertTexts.money(Money.of(1500, "KWD"))).isEqualTo("1.500 KWD");
        assertThat(AlertTexts.money(Money.of(5, "GBP"))).isEqualTo("0.05 GBP");
    }
}
