package dev.cinema.query.seatmap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.seatmap.SeatMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Seat maps as the JSON the API sends, written once per version of a map. A 1,500-seat map is
 * about 160 kB of JSON, and writing it was the largest share of a seat-map request's time; one
 * version of a map always reads the same (see {@link SeatMapQueries}), so its JSON is kept for the
 * screenings asked for most recently, as many as the built maps.
 */
@Component
class SeatMapJson {

    private record Written(long version, byte[] json) {}

    private final ObjectMapper objectMapper;
    private final Map<String, Written> written;

    SeatMapJson(ObjectMapper objectMapper, SeatMapStreamProperties properties) {
        this.objectMapper = objectMapper;
        int capacity = properties.cachedMaps();
        this.written = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
                return size() > capacity;
            }
        });
    }

    byte[] of(SeatMap map) {
        Written kept = written.get(map.screeningId());
        if (kept != null && kept.version() == map.version()) {
            return kept.json();
        }
        byte[] json;
        try {
            json = objectMapper.writeValueAsBytes(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the seat map of " + map.screeningId(), e);
        }
        written.merge(
                map.screeningId(),
                new Written(map.version(), json),
                (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        return json;
    }
}
