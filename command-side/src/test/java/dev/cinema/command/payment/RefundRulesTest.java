package dev.cinema.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What share of returned seats goes back, by the time left before the screening. */
class RefundRulesTest {

    private static final Instant STARTS_AT = Instant.parse("2030-03-10T19:00:00Z");
    private static final Duration ONE_NANO = Duration.ofNanos(1);

    /** As configured by default: 100 % until 24 h before, 50 % until 1 h before, nothing after. */
    private final RefundRules policy = new RefundRules(Duration.ofHours(24), Duration.ofHours(1), 50);

    private int percentWithLeft(RefundRules policy, Duration left) {
        return policy.percent(STARTS_AT.minus(left), STARTS_AT);
    }

    @Test
    void daysBeforeTheScreeningEverythingGoesBack() {
        assertThat(percentWithLeft(policy, Duration.ofDays(3))).isEqualTo(100);
    }

    @Test
    void exactlyTwentyFourHoursBeforeTheScreeningEverythingStillGoesBack() {
        assertThat(percentWithLeft(policy, Duration.ofHours(24))).isEqualTo(100);
    }

    @Test
    void justUnderTwentyFourHoursBeforeTheScreeningHalfGoesBack() {
        assertThat(percentWithLeft(policy, Duration.ofHours(24).minus(ONE_NANO)))
                .isEqualTo(50);
    }

    @Test
    void betweenOneAndTwentyFourHoursBeforeTheScreeningHalfGoesBack() {
        assertThat(percentWithLeft(policy, Duration.ofHours(12))).isEqualTo(50);
    }

    @Test
    void exactlyOneHourBeforeTheScreeningHalfStillGoesBack() {
        assertThat(percentWithLeft(policy, Duration.ofHours(1))).isEqualTo(50);
    }

    @Test
    void justUnderOneHourBeforeTheScreeningNothingGoesBack() {
        assertThat(percentWithLeft(policy, Duration.ofHours(1).minus(ONE_NANO))).isEqualTo(0);
    }

    @Test
    void atTheStartOfTheScreeningNothingGoesBack() {
        assertThat(percentWithLeft(policy, Duration.ZERO)).isEqualTo(0);
    }

    @Test
    void afterTheScreeningHasStartedNothingGoesBack() {
        assertThat(percentWithLeft(policy, Duration.ofMinutes(-30))).isEqualTo(0);
    }

    @Test
    void aCinemaMayConfigureItsOwnThresholdsAndPartialPercentage() {
        RefundRules strict = new RefundRules(Duration.ofHours(48), Duration.ofHours(2), 25);

        assertThat(percentWithLeft(strict, Duration.ofHours(48))).isEqualTo(100);
        assertThat(percentWithLeft(strict, Duration.ofHours(48).minus(ONE_NANO)))
                .isEqualTo(25);
        assertThat(percentWithLeft(strict, Duration.ofHours(24))).isEqualTo(25);
        assertThat(percentWithLeft(strict, Duration.ofHours(2))).isEqualTo(25);
        assertThat(percentWithLeft(strict, Duration.ofHours(2).minus(ONE_NANO))).isEqualTo(0);
    }
}
