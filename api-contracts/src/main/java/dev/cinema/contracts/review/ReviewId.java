package dev.cinema.contracts.review;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.film.FilmId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one customer's review of one film. The id is derived from the two, so that there can
 * only ever be one review per customer and film: a second review is the same aggregate. It is a
 * name-based UUID with a {@code review-} prefix, so it names neither the customer nor the film
 * (the id is public: staff hide reviews by it) and can never equal another aggregate's id.
 */
public record ReviewId(String value) {

    private static final String PREFIX = "review-";

    public ReviewId {
        Objects.requireNonNull(value, "ReviewId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ReviewId must not be blank");
        }
    }

    /** The one review {@code customer} can write of {@code film}. */
    public static ReviewId of(AccountId customer, FilmId film) {
        byte[] name = ("review:" + customer.value() + ":" + film.value()).getBytes(StandardCharsets.UTF_8);
        return new ReviewId(PREFIX + UUID.nameUUIDFromBytes(name));
    }

    public static ReviewId of(String value) {
        return new ReviewId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
