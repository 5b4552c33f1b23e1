package dev.cinema.command.favourite;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.favourite.AddFavouriteCommand;
import dev.cinema.contracts.favourite.FavouriteKind;
import dev.cinema.contracts.favourite.FavouritesId;
import dev.cinema.contracts.favourite.RemoveFavouriteCommand;
import dev.cinema.platform.openapi.ApiAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's favourite films, cinemas and locations. Both operations are idempotent. */
@RestController
@Tag(name = "Favourites", description = "Keep favourite films, cinemas and locations (token required)")
class FavouriteController {

    /**
     * The kinds as the path names them. Lower case on purpose: the path is {@code /films/...}, and
     * Spring converts a path segment to an enum constant by its exact name; any other segment is a
     * 400 naming the allowed values (documented as an enum).
     */
    enum Kind {
        films(FavouriteKind.FILM),
        cinemas(FavouriteKind.CINEMA),
        locations(FavouriteKind.LOCATION);

        private final FavouriteKind kind;

        Kind(FavouriteKind kind) {
            this.kind = kind;
        }
    }

    private final CommandGateway commands;

    FavouriteController(CommandGateway commands) {
        this.commands = commands;
    }

    @PutMapping("/api/me/favourites/{kind}/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 409, when = "The caller keeps 100 favourites of this kind already (favourites-full)")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(
            summary = "Make a film, cinema or location one of your favourites",
            description = "Idempotent: a favourite already is left as it is and nothing is recorded. An unknown or"
                    + " retired item is a 404; a kind other than films, cinemas or locations a 400.")
    void add(
            @PathVariable Kind kind, @PathVariable @Size(max = 64) String itemId, @AuthenticationPrincipal Jwt caller) {
        AccountId customer = AccountId.of(caller.getSubject());
        commands.sendAndWait(new AddFavouriteCommand(FavouritesId.of(customer), customer, kind.kind, itemId));
    }

    @DeleteMapping("/api/me/favourites/{kind}/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(
            summary = "Remove a film, cinema or location from your favourites",
            description = "Idempotent: an item that is not a favourite is left as it is and nothing is recorded. An"
                    + " unknown or retired item is a 404; a kind other than films, cinemas or locations a 400.")
    void remove(
            @PathVariable Kind kind, @PathVariable @Size(max = 64) String itemId, @AuthenticationPrincipal Jwt caller) {
        AccountId customer = AccountId.of(caller.getSubject());
        commands.sendAndWait(new RemoveFavouriteCommand(FavouritesId.of(customer), customer, kind.kind, itemId));
    }
}
