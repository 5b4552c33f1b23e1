package dev.cinema.contracts.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addingAmountsOfOneCurrencyIsExact() {
        // 0.10 + 0.20 is the classic case a double gets wrong.
        assertThat(Money.of(10, "EUR").plus(Money.of(20, "EUR"))).isEqualTo(Money.of(30, "EUR"));
        assertThat(Money.of(1250, "GBP").plus(Money.of(1, "GBP"))).isEqualTo(Money.of(1251, "GBP"));
    }

    @Test
    void addingAmountsOfDifferentCurrenciesIsRefused() {
        Money euros = Money.of(1000, "EUR");
        Money dollars = Money.of(1000, "USD");

        assertThatThrownBy(() -> euros.plus(dollars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD");
    }

    @Test
    void anAdditionThatOverflowsIsRefusedRatherThanWrappingAround() {
        Money almostAll = Money.of(Long.MAX_VALUE, "EUR");

        assertThatThrownBy(() -> almostAll.plus(Money.of(1, "EUR"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void addingLeavesBothOperandsUnchanged() {
        Money price = Money.of(1200, "EUR");

        price.plus(Money.of(300, "EUR"));

        assertThat(price).isEqualTo(Money.of(1200, "EUR"));
    }

    @Test
    void moneyWithoutACurrencyIsRefused() {
        assertThatThrownBy(() -> Money.of(100, null)).isInstanceOf(NullPointerException.class);
    }
}
