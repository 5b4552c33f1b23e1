package dev.cinema.query.seatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.listing.ScreeningStatus;
import dev.cinema.contracts.seatmap.FindSeatMapQuery;
import dev.cinema.contracts.seatmap.SeatMap;
import dev.cinema.query.rebuild.SlotRouting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A seat map is built once per version of its screening, and built again when it changes. */
class SeatMapQueriesTest {

    private final SeatMapStateRows maps = mock(SeatMapStateRows.class);
    private final SeatCellRows cells = mock(SeatCellRows.class);
    private final SeatMapQueries queries = new SeatMapQueries(
            maps,
            cells,
            new SeatMapViews(new ObjectMapper().findAndRegisterModules()),
            new SlotRouting(Map.of(), Map.of()),
            new SeatMapStreamProperties(Duration.ofMinutes(30), Duration.ofSeconds(20), 10));

    @Test
    void aMapAskedForAgainAtTheSameVersionIsNotReadAgainAndANewVersionIs() {
        SeatMapStateRow map = map("s-1", 7);
        when(maps.findById("s-1")).thenReturn(Optional.of(map));
        when(cells.findByScreeningIdOrderByRowIndexAscCellIndexAsc("s-1")).thenReturn(List.of());

        SeatMap first = queries.handle(new FindSeatMapQuery("s-1")).orElseThrow();
        SeatMap again = queries.handle(new FindSeatMapQuery("s-1")).orElseThrow();

        assertThat(again).isSameAs(first);
        verify(cells, times(1)).findByScreeningIdOrderByRowIndexAscCellIndexAsc("s-1");

        SeatMapStateRow changed = map("s-1", 8);
        changed.status = ScreeningStatus.CANCELLED;
        when(maps.findById("s-1")).thenReturn(Optional.of(changed));

        SeatMap after = queries.handle(new FindSeatMapQuery("s-1")).orElseThrow();

        assertThat(after.version()).isEqualTo(8);
        assertThat(after.status()).isEqualTo(ScreeningStatus.CANCELLED);
        verify(cells, times(2)).findByScreeningIdOrderByRowIndexAscCellIndexAsc("s-1");
    }

    @Test
    void anUnknownScreeningHasNoMap() {
        when(maps.findById("nope")).thenReturn(Optional.empty());

        assertThat(queries.handle(new FindSeatMapQuery("nope"))).isEmpty();
    }

    private static SeatMapStateRow map(String screeningId, long version) {
        SeatMapStateRow map = new SeatMapStateRow(screeningId);
        map.status = ScreeningStatus.ON_SALE;
        map.pricesJson = "{}";
        map.version = version;
        return map;
    }
}
