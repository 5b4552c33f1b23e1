package dev.cinema.query.alert;

import dev.cinema.contracts.alert.WatchAlertsQuery;
import dev.cinema.query.live.PeerChannel;
import java.util.List;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Live inboxes for the clients of every query-side process, not only of the one that owns the
 * alert projection's segment: the owner names the customer and the alert raised (or only the
 * customer, when one was read), and each other process whose client watches that customer's inbox
 * reads the alert and the unread count and sends them.
 */
@Component
class AlertPeers extends PeerChannel {

    static final String CHANNEL = "cinema_alerts";

    private final AlertQueries queries;
    private final QueryUpdateEmitter updates;

    AlertPeers(JdbcTemplate jdbc, AlertQueries queries, QueryUpdateEmitter updates) {
        super(CHANNEL, jdbc);
        this.queries = queries;
        this.updates = updates;
    }

    /** Names the customer whose inbox changed (and the alert raised, if one was), in the handler's transaction. */
    void announce(String customerId, String alertId) {
        tell(List.of(customerId + "/" + (alertId == null ? "" : alertId)));
    }

    @Override
    protected boolean wanted(String item) {
        String customerId = customer(item);
        return updates.activeSubscriptions().stream()
                .anyMatch(subscription -> subscription.getPayload() instanceof WatchAlertsQuery query
                        && customerId.equals(query.customerId()));
    }

    @Override
    protected void deliver(String item) {
        String customerId = customer(item);
        String alertId = item.substring(customerId.length() + 1);
        updates.emit(
                WatchAlertsQuery.class,
                query -> query.customerId().equals(customerId),
                queries.notice(customerId, alertId.isEmpty() ? null : alertId));
    }

    private static String customer(String item) {
        int slash = item.indexOf('/');
        return slash < 0 ? item : item.substring(0, slash);
    }
}
