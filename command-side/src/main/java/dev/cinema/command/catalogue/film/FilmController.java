package dev.cinema.command.catalogue.film;

import dev.cinema.command.catalogue.CreatedResource;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.catalogue.film.AgeRating;
import dev.cinema.contracts.catalogue.film.CreateFilmCommand;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.film.RetireFilmCommand;
import dev.cinema.contracts.catalogue.film.UpdateFilmCommand;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/films")
@Tag(name = "Catalogue: films", description = "Films (ADMIN)")
class FilmController {

    private final CommandGateway commands;
    private final CatalogueLookup lookup;

    FilmController(CommandGateway commands, CatalogueLookup lookup) {
        this.commands = commands;
        this.lookup = lookup;
    }

    record FilmRequest(
            @NotBlank @Size(max = Film.MAX_TITLE) String title,
            @NotNull @Min(1) @Max(Film.MAX_RUNTIME_MINUTES) Integer runtimeMinutes,
            @NotNull AgeRating ageRating,
            @NotEmpty @Size(max = Film.MAX_GENRES) Set<@NotNull Genre> genres,
            @NotNull LocalDate releaseDate,
            @Size(max = Film.MAX_SYNOPSIS) String synopsis) {}

    @PostMapping
    @RequestExample("""
            {
              "title": "The Suspension Bridge",
              "runtimeMinutes": 104,
              "ageRating": "PG",
              "genres": ["DRAMA", "ADVENTURE"],
              "releaseDate": "2026-01-09",
              "synopsis": "An engineer races the tide."
            }
            """)
    @ApiAnswer(status = 201, when = "Created; Location points at it in the query API")
    @Operation(summary = "Add a film")
    ResponseEntity<CreatedResource> create(@Valid @RequestBody FilmRequest request) {
        FilmId id = FilmId.random();
        commands.sendAndWait(new CreateFilmCommand(
                id,
                request.title(),
                request.runtimeMinutes(),
                request.ageRating(),
                request.genres(),
                request.releaseDate(),
                request.synopsis()));
        return CreatedResource.response("/api/films/", id.value());
    }

    @PutMapping("/{filmId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestExample("""
            {
              "title": "The Suspension Bridge",
              "runtimeMinutes": 106,
              "ageRating": "PG",
              "genres": ["DRAMA"],
              "releaseDate": "2026-01-09"
            }
            """)
    @ApiAnswer(status = 409, when = "The film is retired")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Edit a film; screenings already scheduled keep their times")
    void update(@PathVariable String filmId, @Valid @RequestBody FilmRequest request) {
        lookup.requireExisting(LookupEntry.Kind.FILM, filmId);
        commands.sendAndWait(new UpdateFilmCommand(
                FilmId.of(filmId),
                request.title(),
                request.runtimeMinutes(),
                request.ageRating(),
                request.genres(),
                request.releaseDate(),
                request.synopsis()));
    }

    @DeleteMapping("/{filmId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Retire a film")
    void retire(@PathVariable String filmId) {
        lookup.requireExisting(LookupEntry.Kind.FILM, filmId);
        commands.sendAndWait(new RetireFilmCommand(FilmId.of(filmId)));
    }
}
