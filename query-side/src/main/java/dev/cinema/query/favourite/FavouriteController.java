package dev.cinema.query.favourite;

import dev.cinema.contracts.favourite.FavouritesView;
import dev.cinema.contracts.favourite.FindFavouritesQuery;
import dev.cinema.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's favourites. Whoever asks, the answer is about the token's account only. */
@RestController
@Tag(name = "My favourites", description = "The caller's favourite films, cinemas and locations (token required)")
class FavouriteController {

    private final QueryGateway queries;

    FavouriteController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/me/favourites")
    @Operation(
            summary = "The caller's favourite films, cinemas and locations, each list by name",
            description = "Each list is whole (a customer keeps at most 100 favourites of a kind, so there are no"
                    + " pages). Items retired from the catalogue are left out, as in the listings.")
    FavouritesView favourites(@AuthenticationPrincipal Jwt jwt) {
        return queries.query(
                        new FindFavouritesQuery(Caller.from(jwt).accountId()),
                        ResponseTypes.instanceOf(FavouritesView.class))
                .join();
    }
}
