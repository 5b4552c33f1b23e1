package dev.cinema.command.catalogue.screen;

import dev.cinema.command.catalogue.CreatedResource;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.screen.CreateScreenCommand;
import dev.cinema.contracts.catalogue.screen.RetireScreenCommand;
import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.UpdateScreenCommand;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
@RequestMapping("/api/admin/screens")
@Tag(name = "Catalogue: screens", description = "Screens with format and seat layout (ADMIN)")
class ScreenController {

    private final CommandGateway commands;
    private final CatalogueLookup lookup;

    ScreenController(CommandGateway commands, CatalogueLookup lookup) {
        this.commands = commands;
        this.lookup = lookup;
    }

    record CreateScreenRequest(
            @NotBlank @Size(max = 64) String cinemaId,
            @NotBlank @Size(max = Screen.MAX_NAME) String name,
            @NotNull ScreenFormat format,
            @NotNull SeatLayout layout) {}

    record UpdateScreenRequest(
            @NotBlank @Size(max = Screen.MAX_NAME) String name,
            @NotNull ScreenFormat format,
            @NotNull SeatLayout layout) {}

    @PostMapping
    @RequestExample("""
            {
              "cinemaId": "8d3b1f7a-6c2e-4f90-b1d4-3a5e7c9f2b64",
              "name": "Screen 1",
              "format": "TWO_D",
              "layout": {
                "rows": [
                  {"label": "A", "cells": [
                    {"kind": "SEAT", "number": "1", "type": "WHEELCHAIR"},
                    {"kind": "GAP"},
                    {"kind": "SEAT", "number": "2", "type": "STANDARD"},
                    {"kind": "SEAT", "number": "3", "type": "STANDARD"}]},
                  {"label": "B", "cells": [
                    {"kind": "SEAT", "number": "1", "type": "PREMIUM"},
                    {"kind": "SEAT", "number": "2", "type": "PREMIUM"}]},
                  {"label": "C", "cells": [
                    {"kind": "SEAT", "number": "1", "type": "COUPLE"},
                    {"kind": "SEAT", "number": "2", "type": "COUPLE"}]}
                ]
              }
            }
            """)
    @ApiAnswer(status = 201, when = "Created; Location points at it in the query API")
    @ApiAnswer(status = 422, when = "cinemaId names no cinema, or a retired one")
    @Operation(summary = "Create a screen with its seat layout in a cinema")
    ResponseEntity<CreatedResource> create(@Valid @RequestBody CreateScreenRequest request) {
        ScreenId id = ScreenId.random();
        commands.sendAndWait(new CreateScreenCommand(
                id, CinemaId.of(request.cinemaId()), request.name(), request.format(), request.layout()));
        return CreatedResource.response("/api/screens/", id.value());
    }

    @PutMapping("/{screenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestExample("""
            {
              "name": "Screen One",
              "format": "IMAX",
              "layout": {
                "rows": [
                  {"label": "A", "cells": [
                    {"kind": "SEAT", "number": "1", "type": "WHEELCHAIR"},
                    {"kind": "GAP"},
                    {"kind": "SEAT", "number": "2", "type": "STANDARD"},
                    {"kind": "SEAT", "number": "3", "type": "STANDARD"}]},
                  {"label": "B", "cells": [
                    {"kind": "SEAT", "number": "1", "type": "PREMIUM"},
                    {"kind": "SEAT", "number": "2", "type": "PREMIUM"}]},
                  {"label": "C", "cells": [
                    {"kind": "SEAT", "number": "1", "type": "COUPLE"},
                    {"kind": "SEAT", "number": "2", "type": "COUPLE"}]}
                ]
              }
            }
            """)
    @ApiAnswer(status = 409, when = "The screen is retired")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Edit a screen; a new layout applies to screenings scheduled afterwards")
    void update(@PathVariable String screenId, @Valid @RequestBody UpdateScreenRequest request) {
        lookup.requireExisting(LookupEntry.Kind.SCREEN, screenId);
        commands.sendAndWait(
                new UpdateScreenCommand(ScreenId.of(screenId), request.name(), request.format(), request.layout()));
    }

    @DeleteMapping("/{screenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Retire a screen")
    void retire(@PathVariable String screenId) {
        lookup.requireExisting(LookupEntry.Kind.SCREEN, screenId);
        commands.sendAndWait(new RetireScreenCommand(ScreenId.of(screenId)));
    }
}
