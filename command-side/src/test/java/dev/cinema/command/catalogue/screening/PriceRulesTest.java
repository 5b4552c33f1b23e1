package dev.cinema.command.catalogue.screening;

import static dev.cinema.command.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceRulesTest {

    private static final Set<SeatType> STANDARD_AND_PREMIUM = EnumSet.of(SeatType.STANDARD, SeatType.PREMIUM);

    private static void assertInvalid(String field, ThrowingCallable call) {
        assertRefused(call, "invalid-prices", field);
    }

    @Test
    void aPriceForEverySeatTypeInOneCurrencyIsAccepted() {
        Map<SeatType, Money> prices =
                Map.of(SeatType.STANDARD, Money.of(1250, "EUR"), SeatType.PREMIUM, Money.of(1800, "EUR"));

        assertThat(PriceRules.checked(prices, STANDARD_AND_PREMIUM)).isEqualTo(prices);
    }

    @Test
    void aPriceForASeatTypeTheScreenLacksIsKept() {
        // Harmless, and lets one price list serve screens with and without couple seats.
        Map<SeatType, Money> prices = Map.of(
                SeatType.STANDARD,
                Money.of(1250, "EUR"),
                SeatType.PREMIUM,
                Money.of(1800, "EUR"),
                SeatType.COUPLE,
                Money.of(3000, "EUR"));

        assertThat(PriceRules.checked(prices, STANDARD_AND_PREMIUM)).isEqualTo(prices);
    }

    @Test
    void aMissingPriceForASeatTypeOfTheScreenIsRefusedNamingIt() {
        assertInvalid(
                "prices.PREMIUM",
                () -> PriceRules.checked(Map.of(SeatType.STANDARD, Money.of(1250, "EUR")), STANDARD_AND_PREMIUM));
    }

    @Test
    void noPricesAtAllIsRefused() {
        assertInvalid("prices", () -> PriceRules.checked(Map.of(), STANDARD_AND_PREMIUM));
        assertInvalid("prices", () -> PriceRules.checked(null, STANDARD_AND_PREMIUM));
    }

    @Test
    void pricesInMoreThanOneCurrencyAreRefused() {
        Map<SeatType, Money> mixed = new LinkedHashMap<>();
        mixed.put(SeatType.STANDARD, Money.of(1250, "EUR"));
        mixed.put(SeatType.PREMIUM, Money.of(1800, "GBP"));

        assertInvalid("prices.PREMIUM.currency", () -> PriceRules.checked(mixed, STANDARD_AND_PREMIUM));
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -100, 0, 1_000_001})
    void anAmountOutsideOneCentToTenThousandIsRefused(long amountMinor) {
        assertInvalid(
                "prices.STANDARD.amountMinor",
                () -> PriceRules.checked(
                        Map.of(SeatType.STANDARD, Money.of(amountMinor, "EUR")), EnumSet.of(SeatType.STANDARD)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 1_000_000})
    void theSmallestAndLargestAmountsAreAccepted(long amountMinor) {
        Map<SeatType, Money> prices = Map.of(SeatType.STANDARD, Money.of(amountMinor, "EUR"));

        assertThat(PriceRules.checked(prices, EnumSet.of(SeatType.STANDARD))).isEqualTo(prices);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "E", "", "XYZ", "€"})
    void aCurrencyThatIsNotAnIso4217CodeIsRefused(String currency) {
        assertInvalid(
                "prices.STANDARD.currency",
                () -> PriceRules.checked(
                        Map.of(SeatType.STANDARD, Money.of(1250, currency)), EnumSet.of(SeatType.STANDARD)));
    }

    @Test
    void aMissingPriceIsRefused() {
        Map<SeatType, Money> prices = new HashMap<>();
        prices.put(SeatType.STANDARD, null);

        assertInvalid("prices.STANDARD", () -> PriceRules.checked(prices, EnumSet.of(SeatType.STANDARD)));
    }
}
