package dev.cinema.command.catalogue.screening;

import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import dev.cinema.platform.refusal.Refusal;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** A screening's price list: one positive price per seat type it has, all in one currency. */
final class PriceRules {

    /** 10,000.00 in any two-decimal currency: far above any ticket, low enough to catch typos. */
    static final long MAX_PRICE_MINOR = 1_000_000;

    private PriceRules() {}

    static Map<SeatType, Money> checked(Map<SeatType, Money> prices, Set<SeatType> seatTypes) {
        if (prices == null || prices.isEmpty()) {
            throw invalid("prices", "prices must name a price per seat type");
        }
        String currency = null;
        Map<SeatType, Money> result = new EnumMap<>(SeatType.class);
        for (Map.Entry<SeatType, Money> entry : prices.entrySet()) {
            String field = "prices." + entry.getKey();
            Money price = entry.getValue();
            if (entry.getKey() == null || price == null || price.currency() == null) {
                throw invalid(field, "each price needs an amountMinor and a currency");
            }
            if (price.amountMinor() <= 0 || price.amountMinor() > MAX_PRICE_MINOR) {
                throw invalid(field + ".amountMinor", "amountMinor must be between 1 and " + MAX_PRICE_MINOR);
            }
            if (!isCurrency(price.currency())) {
                throw invalid(field + ".currency", "currency must be an ISO 4217 code");
            }
            if (currency != null && !currency.equals(price.currency())) {
                throw invalid(field + ".currency", "all prices must be in one currency");
            }
            currency = price.currency();
            result.put(entry.getKey(), price);
        }
        for (SeatType type : seatTypes) {
            if (!result.containsKey(type)) {
                throw invalid("prices." + type, "the screen has " + type + " seats: they need a price");
            }
        }
        return Collections.unmodifiableMap(result);
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3
                    && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Refusal invalid(String field, String message) {
        return new Refusal("invalid-prices", field, message);
    }
}
