package dev.cinema.command.catalogue.location;

import dev.cinema.command.catalogue.CreatedResource;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.catalogue.location.CreateLocationCommand;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.contracts.catalogue.location.RenameLocationCommand;
import dev.cinema.contracts.catalogue.location.RetireLocationCommand;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
@RequestMapping("/api/admin/locations")
@Tag(name = "Catalogue: locations", description = "Regions that group cinemas (ADMIN)")
class LocationController {

    private final CommandGateway commands;
    private final CatalogueLookup lookup;

    LocationController(CommandGateway commands, CatalogueLookup lookup) {
        this.commands = commands;
        this.lookup = lookup;
    }

    record LocationRequest(
            @NotBlank @Size(max = Location.MAX_NAME) String name) {}

    @PostMapping
    @RequestExample("""
            {"name": "Bristol"}
            """)
    @ApiAnswer(status = 201, when = "Created; Location points at it in the query API")
    @Operation(summary = "Create a location")
    ResponseEntity<CreatedResource> create(@Valid @RequestBody LocationRequest request) {
        LocationId id = LocationId.random();
        commands.sendAndWait(new CreateLocationCommand(id, request.name()));
        return CreatedResource.response("/api/locations/", id.value());
    }

    @PutMapping("/{locationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestExample("""
            {"name": "Bristol & Bath"}
            """)
    @ApiAnswer(status = 409, when = "The location is retired")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Rename a location")
    void rename(@PathVariable String locationId, @Valid @RequestBody LocationRequest request) {
        lookup.requireExisting(LookupEntry.Kind.LOCATION, locationId);
        commands.sendAndWait(new RenameLocationCommand(LocationId.of(locationId), request.name()));
    }

    @DeleteMapping("/{locationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Retire a location (it leaves the listings; its history stays)")
    void retire(@PathVariable String locationId) {
        lookup.requireExisting(LookupEntry.Kind.LOCATION, locationId);
        commands.sendAndWait(new RetireLocationCommand(LocationId.of(locationId)));
    }
}
