package dev.cinema.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class TimestampOnceJpaEventStorageEngineTest {

    @Test
    void readsEveryTimestampAxonWritesAsAxonReadsIt() {
        Random random = new Random(20261201);
        for (int i = 0; i < 100_000; i++) {
            // 1970 to 2200, to the millisecond, as stored
            Instant instant = Instant.ofEpochMilli((long) (random.nextDouble() * 7_258_118_400_000L));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(TimestampOnceJpaEventStorageEngine.parse(stored))
                    .as(stored)
                    .isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(instant);
        }
        for (String edge : List.of(
                "1970-01-01T00:00:00.000Z",
                "2024-02-29T23:59:59.999Z",
                "2026-12-31T23:59:59.999Z",
                "2027-01-01T00:00:00.001Z")) {
            assertThat(TimestampOnceJpaEventStorageEngine.parse(edge)).isEqualTo(DateTimeUtils.parseInstant(edge));
        }
    }

    @Test
    void leavesAnyOtherFormToAxonsParser() {
        for (String other : List.of(
                "2026-12-01T10:15:30Z",
                "2026-12-01T10:15:30.123456Z",
                "2026-12-01T11:15:30.123+01:00",
                "+12026-12-01T10:15:30.123Z")) {
            assertThat(TimestampOnceJpaEventStorageEngine.parse(other))
                    .as(other)
                    .isEqualTo(DateTimeUtils.parseInstant(other));
        }
        for (String wrong :
                List.of("2026-13-01T10:15:30.123Z", "2026-02-30T10:15:30.123Z", "2026-12-01T24:00:00.000Z")) {
            assertThatThrownBy(() -> TimestampOnceJpaEventStorageEngine.parse(wrong))
                    .as(wrong)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
