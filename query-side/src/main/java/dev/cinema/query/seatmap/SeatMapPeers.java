package dev.cinema.query.seatmap;

import dev.cinema.contracts.seatmap.FindSeatMapQuery;
import dev.cinema.query.live.PeerChannel;
import java.util.Collection;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Live seat maps for the clients of every query-side process, not only of the one that owns the
 * seat-map projection's segment: the owner names the maps a batch changed (screening ids), and
 * each other process reads and sends those its clients watch. A client may receive one version
 * twice; the stream sends only versions newer than the last one sent.
 */
@Component
class SeatMapPeers extends PeerChannel {

    static final String CHANNEL = "cinema_seat_maps";

    private final SeatMapQueries queries;
    private final QueryUpdateEmitter updates;

    SeatMapPeers(JdbcTemplate jdbc, SeatMapQueries queries, QueryUpdateEmitter updates) {
        super(CHANNEL, jdbc);
        this.queries = queries;
        this.updates = updates;
    }

    /** Names the maps a batch changed, inside the batch's transaction. */
    void announce(Collection<String> screeningIds) {
        tell(screeningIds);
    }

    @Override
    protected boolean wanted(String screeningId) {
        return watched(screeningId);
    }

    @Override
    protected void deliver(String screeningId) {
        queries.handle(new FindSeatMapQuery(screeningId))
                .ifPresent(map ->
                        updates.emit(FindSeatMapQuery.class, query -> screeningId.equals(query.screeningId()), map));
    }

    /** Whether a client of this process watches the screening's map. */
    boolean watched(String screeningId) {
        return updates.activeSubscriptions().stream()
                .anyMatch(subscription -> subscription.getPayload() instanceof FindSeatMapQuery query
                        && screeningId.equals(query.screeningId()));
    }
}
