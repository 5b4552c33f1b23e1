package dev.cinema.command.catalogue.cinema;

import dev.cinema.command.catalogue.CreatedResource;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.catalogue.cinema.Address;
import dev.cinema.contracts.catalogue.cinema.ChangeSeatingPolicyCommand;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.cinema.CreateCinemaCommand;
import dev.cinema.contracts.catalogue.cinema.RetireCinemaCommand;
import dev.cinema.contracts.catalogue.cinema.UpdateCinemaCommand;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
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
@RequestMapping("/api/admin/cinemas")
@Tag(name = "Catalogue: cinemas", description = "Cinemas with address and time zone (ADMIN)")
class CinemaController {

    private final CommandGateway commands;
    private final CatalogueLookup lookup;

    CinemaController(CommandGateway commands, CatalogueLookup lookup) {
        this.commands = commands;
        this.lookup = lookup;
    }

    record AddressRequest(
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,

            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            String country) {

        Address toAddress() {
            return new Address(street, city, postalCode, country);
        }
    }

    record CreateCinemaRequest(
            @NotBlank @Size(max = 64) String locationId,
            @NotBlank @Size(max = Cinema.MAX_NAME) String name,
            @NotNull @Valid AddressRequest address,
            @NotNull ZoneId timeZone) {}

    record UpdateCinemaRequest(
            @NotBlank @Size(max = Cinema.MAX_NAME) String name,
            @NotNull @Valid AddressRequest address,
            @NotNull ZoneId timeZone) {}

    @PostMapping
    @RequestExample("""
            {
              "locationId": "5f0c6a3e-2b7d-4c1e-9a51-0d2f4e6b8c10",
              "name": "Harbourside Cinema",
              "timeZone": "Europe/London",
              "address": {"street": "1 Canons Road", "city": "Bristol", "postalCode": "BS1 5UH", "country": "GB"}
            }
            """)
    @ApiAnswer(status = 201, when = "Created; Location points at it in the query API")
    @ApiAnswer(status = 422, when = "locationId names no location, or a retired one")
    @Operation(summary = "Create a cinema in a location")
    ResponseEntity<CreatedResource> create(@Valid @RequestBody CreateCinemaRequest request) {
        CinemaId id = CinemaId.random();
        commands.sendAndWait(new CreateCinemaCommand(
                id,
                LocationId.of(request.locationId()),
                request.name(),
                request.address().toAddress(),
                request.timeZone()));
        return CreatedResource.response("/api/cinemas/", id.value());
    }

    @PutMapping("/{cinemaId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestExample("""
            {
              "name": "Harbourside Picturehouse",
              "timeZone": "Europe/London",
              "address": {"street": "1 Canons Road", "city": "Bristol", "postalCode": "BS1 5UH", "country": "GB"}
            }
            """)
    @ApiAnswer(status = 409, when = "The cinema is retired")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Edit a cinema's name, address and time zone")
    void update(@PathVariable String cinemaId, @Valid @RequestBody UpdateCinemaRequest request) {
        lookup.requireExisting(LookupEntry.Kind.CINEMA, cinemaId);
        commands.sendAndWait(new UpdateCinemaCommand(
                CinemaId.of(cinemaId), request.name(), request.address().toAddress(), request.timeZone()));
    }

    record SeatingPolicyRequest(@NotNull Boolean preventStrandedSeats) {}

    @PutMapping("/{cinemaId}/seating-policy")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestExample("""
            {"preventStrandedSeats": false}
            """)
    @ApiAnswer(status = 409, when = "The cinema is retired")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Allow or forbid holds that leave one empty seat between taken seats (forbidden by default)")
    void seatingPolicy(@PathVariable String cinemaId, @Valid @RequestBody SeatingPolicyRequest request) {
        lookup.requireExisting(LookupEntry.Kind.CINEMA, cinemaId);
        commands.sendAndWait(new ChangeSeatingPolicyCommand(CinemaId.of(cinemaId), request.preventStrandedSeats()));
    }

    @DeleteMapping("/{cinemaId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Retire a cinema")
    void retire(@PathVariable String cinemaId) {
        lookup.requireExisting(LookupEntry.Kind.CINEMA, cinemaId);
        commands.sendAndWait(new RetireCinemaCommand(CinemaId.of(cinemaId)));
    }
}
