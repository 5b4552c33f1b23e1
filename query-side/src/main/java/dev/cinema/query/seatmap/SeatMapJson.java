package dev.cinema.query.seatmap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.seatmap.SeatMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.springframework.stereotype.Component;

/**
 * Seat maps as the JSON the API sends, written once per built map. A 1,500-seat map is about 160
 * kB of JSON, and writing it was the largest share of a seat-map request's time; {@link
 * SeatMapQueries} answers the same built map while it has not changed, so the JSON of that very
 * map is kept, for the screenings asked for most recently, as many as the built maps. Its ETag is
 * the version and a checksum of the JSON: a rebuilt slot that differs at the same version has
 * another one.
 */
@Component
class SeatMapJson {

    /** A built map, its JSON and the JSON's entity tag. */
    record Written(SeatMap map, byte[] json, String etag) {}

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

    Written of(SeatMap map) {
        Written kept = written.get(map.screeningId());
        if (kept != null && kept.map() == map) {
            return kept;
        }
        byte[] json;
        try {
            json = objectMapper.writeValueAsBytes(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the seat map of " + map.screeningId(), e);
        }
        CRC32 checksum = new CRC32();
        checksum.update(json);
        Written fresh =
                new Written(map, json, "\"" + map.version() + "-" + Long.toHexString(checksum.getValue()) + "\"");
        written.put(map.screeningId(), fresh);
        return fresh;
    }
}
