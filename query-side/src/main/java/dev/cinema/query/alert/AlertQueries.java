package dev.cinema.query.alert;

import dev.cinema.contracts.alert.AlertNotice;
import dev.cinema.contracts.alert.AlertPage;
import dev.cinema.contracts.alert.FindAlertsQuery;
import dev.cinema.contracts.alert.WatchAlertsQuery;
import dev.cinema.contracts.listing.PageInfo;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a customer's questions about their own alerts, and only theirs. A page, its unread
 * count and the catalogue facts are read in one snapshot, so the count agrees with the page.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class AlertQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "occurredAt", "id");

    private final AlertRows alerts;
    private final AlertViews views;

    AlertQueries(AlertRows alerts, AlertViews views) {
        this.alerts = alerts;
        this.views = views;
    }

    @QueryHandler
    AlertPage handle(FindAlertsQuery query) {
        PageRequest request = PageRequest.of(query.page(), query.size(), NEWEST_FIRST);
        Page<AlertRow> page = query.unreadOnly()
                ? alerts.findByCustomerIdAndReadAtIsNull(query.customerId(), request)
                : alerts.findByCustomerId(query.customerId(), request);
        return new AlertPage(
                views.views(page.getContent()),
                new PageInfo(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()),
                alerts.countByCustomerIdAndReadAtIsNull(query.customerId()));
    }

    /** The live inbox starts with the unread count; updates come from {@link AlertProjection}. */
    @QueryHandler
    AlertNotice handle(WatchAlertsQuery query) {
        return new AlertNotice(null, alerts.countByCustomerIdAndReadAtIsNull(query.customerId()));
    }

    /**
     * What a live inbox is told when another query process stored {@code alertId} for the customer
     * (null: an alert was read): the alert, if it is theirs, and their unread count now.
     */
    AlertNotice notice(String customerId, String alertId) {
        var alert = alertId == null
                ? null
                : alerts.findById(alertId)
                        .filter(row -> customerId.equals(row.customerId))
                        .map(views::view)
                        .orElse(null);
        return new AlertNotice(alert, alerts.countByCustomerIdAndReadAtIsNull(customerId));
    }
}
