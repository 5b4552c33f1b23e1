package dev.cinema.query.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rating of films, counted from their visible reviews (posted, not hidden) whenever it is
 * asked for: film listings show it beside each film, and it follows every edit, deletion and hide.
 */
@Component
@Transactional(readOnly = true)
public class FilmRatings {

    private final ReviewRows reviews;

    FilmRatings(ReviewRows reviews) {
        this.reviews = reviews;
    }

    /** The mean rating to one decimal (half up), or null when the film has no visible review. */
    public record Rating(Double average, int count) {

        static final Rating NONE = new Rating(null, 0);

        static Rating of(long count, long sum) {
            if (count == 0) {
                return NONE;
            }
            double average = BigDecimal.valueOf(sum)
                    .divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP)
                    .doubleValue();
            return new Rating(average, Math.toIntExact(count));
        }
    }

    /** Each film's rating; a film without visible reviews maps to {@code average} null, {@code count} 0. */
    public Map<String, Rating> of(Collection<String> filmIds) {
        Map<String, Rating> ratings = new HashMap<>();
        filmIds.forEach(id -> ratings.put(id, Rating.NONE));
        if (!filmIds.isEmpty()) {
            for (Object[] row : reviews.ratings(filmIds)) {
                ratings.put((String) row[0], Rating.of(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
            }
        }
        return ratings;
    }
}
