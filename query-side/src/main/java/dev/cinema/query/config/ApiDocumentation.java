package dev.cinema.query.config;

import dev.cinema.contracts.alert.AlertView;
import dev.cinema.contracts.analytics.OccupancyRow;
import dev.cinema.contracts.booking.BookingView;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.listing.FilmView;
import dev.cinema.contracts.listing.ScreenView;
import dev.cinema.contracts.payment.PaymentHistoryEntry;
import dev.cinema.contracts.review.FilmReviewPage;
import dev.cinema.contracts.review.FilmReviewView;
import dev.cinema.contracts.seatmap.SeatMapCell;
import dev.cinema.platform.openapi.NullableProperties;
import dev.cinema.query.booking.BookingState;
import dev.cinema.query.payment.PaymentState;
import dev.cinema.query.payment.RefundState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the query API's documents cannot read off the contracts records, which carry no
 * annotations: the properties that may be null in its answers. Everything else is never null.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /** A film may have no synopsis, no screening on sale, and no reviews to average. */
    @Bean
    NullableProperties filmViewNullables() {
        return NullableProperties.of(FilmView.class, "synopsis", "nextScreeningAt", "averageRating");
    }

    /** A review may be a rating alone; its author may be unknown to the read model (no registration seen). */
    @Bean
    NullableProperties filmReviewViewNullables() {
        return NullableProperties.of(FilmReviewView.class, "text", "reviewer");
    }

    /** No average without reviews. */
    @Bean
    NullableProperties filmReviewPageNullables() {
        return NullableProperties.of(FilmReviewPage.class, "averageRating");
    }

    /**
     * The hold's expiry only while it is held; the screening's facts only once the read model has
     * them (they come from other aggregates' events, which may be read later).
     */
    @Bean
    NullableProperties bookingViewNullables() {
        return NullableProperties.of(
                BookingView.class, "filmTitle", "cinemaName", "startsAt", "localStart", "expiresAt");
    }

    /** No provider reference for a payment never captured; a reason only for refunds. */
    @Bean
    NullableProperties paymentHistoryEntryNullables() {
        return NullableProperties.of(PaymentHistoryEntry.class, "pspReference", "reason");
    }

    /** An alert names only what it is about. */
    @Bean
    NullableProperties alertViewNullables() {
        return NullableProperties.of(AlertView.class, "bookingId", "screeningId", "filmId", "paymentId", "refundId");
    }

    /** A payment's reference once captured, its reason once declined. */
    @Bean
    NullableProperties paymentStateNullables() {
        return NullableProperties.of(PaymentState.class, "pspReference", "declineReason");
    }

    /** A reason once rejected or failed, a next attempt while retrying, a reference once paid back. */
    @Bean
    NullableProperties refundStateNullables() {
        return NullableProperties.of(RefundState.class, "reason", "retryAt", "pspReference");
    }

    /** No occupancy without capacity: every screening of the group was cancelled. */
    @Bean
    NullableProperties occupancyRowNullables() {
        return NullableProperties.of(OccupancyRow.class, "occupancyPercent");
    }

    /** A hold's expiry only while it is held. */
    @Bean
    NullableProperties bookingStateNullables() {
        return NullableProperties.of(BookingState.class, "expiresAt");
    }

    /** A gap in a row (an aisle) is a cell with nothing in it. */
    @Bean
    NullableProperties seatMapCellNullables() {
        return NullableProperties.of(SeatMapCell.class, "label", "number", "type", "price", "state");
    }

    /** A screen folded before the listings kept layouts has none until the listings are rebuilt. */
    @Bean
    NullableProperties screenViewNullables() {
        return NullableProperties.of(ScreenView.class, "layout");
    }

    /** A gap in a layout's row (an aisle) has no number and no type. */
    @Bean
    NullableProperties layoutCellNullables() {
        return NullableProperties.of(LayoutCell.class, "number", "type");
    }
}
