package dev.cinema.query.alert;

import dev.cinema.contracts.alert.AlertDetails;
import dev.cinema.contracts.alert.AlertType;
import dev.cinema.contracts.common.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Writes an alert's text from its facts and what is known of its screening, with every time in
 * the cinema's own zone (UTC, said so, while the cinema is not known). Written when an alert is
 * read, never stored: a film renamed later is named as it is now, and the order in which the
 * projection learned of the screening and of the alert does not matter.
 */
final class AlertTexts {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private AlertTexts() {}

    /** What an alert knows of its screening; any part may be null while the projection has not seen it. */
    record Showing(String film, String cinema, ZoneId zone, Instant startsAt, String cancellationReason) {

        static final Showing UNKNOWN = new Showing(null, null, null, null, null);
    }

    static String text(AlertType type, AlertDetails details, Showing showing) {
        Showing s = showing == null ? Showing.UNKNOWN : showing;
        String screening = screening(s);
        String seats = seats(details.seats());
        return switch (type) {
            case BOOKING_CONFIRMED ->
                "Booking confirmed: " + seats + " for " + screening + "."
                        + (details.amount() == null ? "" : " Paid " + money(details.amount()) + ".");
            case HOLD_EXPIRING ->
                "Your hold on " + seats + " for " + screening + " runs out at " + time(details.expiresAt(), s)
                        + ": pay before then to keep them.";
            case HOLD_EXPIRED ->
                "Your hold on " + seats + " for " + screening + " ran out before payment; the seats are free again.";
            case PAYMENT_DECLINED ->
                "Your payment" + of(details.amount()) + " for " + screening + " was declined"
                        + (details.reason() == null ? "" : " (" + details.reason() + ")")
                        + ". Your seats stay held until the hold runs out.";
            case LATE_PAYMENT_REFUNDED ->
                "Your payment" + of(details.amount()) + " for " + screening
                        + " came after the hold had run out: it has been refunded in full.";
            case REFUND_COMPLETED ->
                (details.amount() == null ? "Your money" : money(details.amount())) + " has been refunded for "
                        + screening + ".";
            case REFUND_FAILED ->
                "Your refund for " + screening + " could not be made yet; it will be tried again at "
                        + time(details.retryAt(), s) + ".";
            case SCREENING_CANCELLED ->
                "The cinema cancelled " + screening
                        + (s.cancellationReason() == null
                                        || s.cancellationReason().isBlank()
                                ? ""
                                : " (" + s.cancellationReason() + ")")
                        + ". "
                        + (details.amount() == null
                                ? "Your hold on " + seats + " was released; nothing was charged."
                                : "Your " + seats + " have been refunded: " + money(details.amount()) + ".");
            case SCREENING_RESCHEDULED ->
                film(s) + cinema(s) + " has moved: it now starts on " + dateTime(details.startsAt(), s) + ". Your "
                        + seats + " are kept.";
            case NEW_SCREENING_OF_FAVOURITE ->
                "New screening of a favourite: " + (s.film() == null ? "a film you like" : s.film()) + cinema(s)
                        + " on " + dateTime(details.startsAt() == null ? s.startsAt() : details.startsAt(), s)
                        + ".";
        };
    }

    private static String screening(Showing s) {
        return film(s) + cinema(s) + (s.startsAt() == null ? "" : " on " + dateTime(s.startsAt(), s));
    }

    private static String film(Showing s) {
        return s.film() == null ? "your screening" : s.film();
    }

    private static String cinema(Showing s) {
        return s.cinema() == null ? "" : " at " + s.cinema();
    }

    private static String seats(List<String> seats) {
        if (seats.isEmpty()) {
            return "seats";
        }
        return (seats.size() == 1 ? "seat " : "seats ") + String.join(", ", seats);
    }

    private static String of(Money amount) {
        return amount == null ? "" : " of " + money(amount);
    }

    static String money(Money amount) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(amount.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return BigDecimal.valueOf(amount.amountMinor(), digits).toPlainString() + " " + amount.currency();
    }

    private static String dateTime(Instant instant, Showing s) {
        if (instant == null) {
            return "a time to be announced";
        }
        return DATE_TIME.format(instant.atZone(zone(s))) + (s.zone() == null ? " UTC" : "");
    }

    private static String time(Instant instant, Showing s) {
        if (instant == null) {
            return "a time to be announced";
        }
        return TIME.format(instant.atZone(zone(s))) + (s.zone() == null ? " UTC" : "");
    }

    private static ZoneId zone(Showing s) {
        return s.zone() == null ? ZoneOffset.UTC : s.zone();
    }
}
