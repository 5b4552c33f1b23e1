package dev.cinema.contracts.favourite;

import dev.cinema.contracts.account.AccountId;
import java.util.Objects;

/**
 * Identifies a customer's favourites: one aggregate per customer, {@code favourites-} followed by
 * the account id, so that it can never equal the account's own id or any other aggregate's.
 */
public record FavouritesId(String value) {

    private static final String PREFIX = "favourites-";

    public FavouritesId {
        Objects.requireNonNull(value, "FavouritesId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("FavouritesId must not be blank");
        }
    }

    /** The favourites of {@code customer}. */
    public static FavouritesId of(AccountId customer) {
        return new FavouritesId(PREFIX + customer.value());
    }

    public static FavouritesId of(String value) {
        return new FavouritesId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
