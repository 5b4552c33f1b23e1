package dev.cinema.query.seatmap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.seatmap.SeatMap;
import dev.cinema.contracts.seatmap.SeatMapCell;
import dev.cinema.contracts.seatmap.SeatMapRow;
import dev.cinema.contracts.seatmap.SeatState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns stored seat maps into the published {@link SeatMap}, shared by the query handler and the
 * live updates so that both show exactly the same thing. Who holds a seat is left out: anyone
 * may look at a seat map.
 */
@Component
class SeatMapViews {

    private static final TypeReference<Map<SeatType, Money>> PRICES = new TypeReference<>() {};

    private final ObjectMapper objectMapper;

    SeatMapViews(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** {@code cells} in layout order: by row, then by position in the row. */
    SeatMap view(SeatMapStateRow map, List<SeatCellRow> cells) {
        Map<SeatType, Money> prices = prices(map.pricesJson);
        List<SeatMapRow> rows = new ArrayList<>();
        List<SeatMapCell> rowCells = null;
        int rowIndex = -1;
        int total = 0;
        int free = 0;
        for (SeatCellRow cell : cells) {
            if (rowCells == null || cell.rowIndex != rowIndex) {
                rowCells = new ArrayList<>();
                rows.add(new SeatMapRow(cell.rowLabel, rowCells));
                rowIndex = cell.rowIndex;
            }
            if (cell.isSeat()) {
                total++;
                if (cell.state == SeatState.FREE) {
                    free++;
                }
                rowCells.add(new SeatMapCell(
                        cell.seatLabel, cell.seatNumber, cell.seatType, prices.get(cell.seatType), cell.state));
            } else {
                rowCells.add(new SeatMapCell(null, null, null, null, null));
            }
        }
        List<SeatMapRow> frozen = rows.stream()
                .map(row -> new SeatMapRow(row.label(), List.copyOf(row.cells())))
                .toList();
        return new SeatMap(map.screeningId, map.status, frozen, prices, total, free, map.version);
    }

    String json(Map<SeatType, Money> prices) {
        try {
            return objectMapper.writeValueAsString(prices);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise prices", e);
        }
    }

    private Map<SeatType, Money> prices(String json) {
        try {
            Map<SeatType, Money> prices = new EnumMap<>(SeatType.class);
            prices.putAll(objectMapper.readValue(json, PRICES));
            return prices;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable price list", e);
        }
    }
}
