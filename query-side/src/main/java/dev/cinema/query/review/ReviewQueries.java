package dev.cinema.query.review;

import dev.cinema.contracts.listing.PageInfo;
import dev.cinema.contracts.listing.Paging;
import dev.cinema.contracts.review.FilmReviewPage;
import dev.cinema.contracts.review.FilmReviewView;
import dev.cinema.contracts.review.FindFilmReviewsQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the public list of a film's reviews: only posted, visible ones, signed with the name
 * their author registered with. The page and the rating beside it are read in one snapshot, so the
 * count never disagrees with the reviews shown.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class ReviewQueries {

    static final String NEWEST = "writtenAt";
    static final String RATING = "rating";

    private final ReviewRows reviews;
    private final ReviewerRows reviewers;
    private final FilmRatings ratings;

    ReviewQueries(ReviewRows reviews, ReviewerRows reviewers, FilmRatings ratings) {
        this.reviews = reviews;
        this.reviewers = reviewers;
        this.ratings = ratings;
    }

    /** Newest first; or best rated first, newest first among equals. The review id breaks ties. */
    @QueryHandler
    FilmReviewPage handle(FindFilmReviewsQuery query) {
        Paging paging = query.paging();
        Sort sort = RATING.equals(paging.sortBy())
                ? Sort.by(Sort.Direction.DESC, RATING, NEWEST).and(Sort.by("id"))
                : Sort.by(Sort.Direction.DESC, NEWEST).and(Sort.by("id"));
        Page<ReviewRow> page = reviews.findByFilmIdAndPostedTrueAndHiddenFalse(
                query.filmId(), PageRequest.of(paging.page(), paging.size(), sort));
        Set<String> authors =
                page.getContent().stream().map(row -> row.customerId).collect(Collectors.toSet());
        Map<String, String> names = new HashMap<>();
        reviewers.findAllById(authors).forEach(reviewer -> names.put(reviewer.accountId, reviewer.displayName));
        List<FilmReviewView> items = page.getContent().stream()
                .map(row -> new FilmReviewView(row.id, row.rating, row.text, names.get(row.customerId), row.writtenAt))
                .toList();
        FilmRatings.Rating rating = ratings.of(List.of(query.filmId())).get(query.filmId());
        return new FilmReviewPage(
                items,
                new PageInfo(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()),
                rating.average(),
                rating.count());
    }
}
