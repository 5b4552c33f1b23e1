package dev.cinema.command.catalogue.screening;

import dev.cinema.command.catalogue.CreatedResource;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.CancelScreeningCommand;
import dev.cinema.contracts.catalogue.screening.ChangeScreeningPricesCommand;
import dev.cinema.contracts.catalogue.screening.OpenScreeningSalesCommand;
import dev.cinema.contracts.catalogue.screening.RescheduleScreeningCommand;
import dev.cinema.contracts.catalogue.screening.ScheduleScreeningCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/screenings")
@Tag(name = "Catalogue: screenings", description = "Showtimes: schedule, move, price, open sales, cancel (ADMIN)")
class ScreeningController {

    private final CommandGateway commands;
    private final CatalogueLookup lookup;

    ScreeningController(CommandGateway commands, CatalogueLookup lookup) {
        this.commands = commands;
        this.lookup = lookup;
    }

    record PriceRequest(
            @NotNull @Positive @Max(PriceRules.MAX_PRICE_MINOR)
            Long amountMinor,

            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as GBP")
            String currency) {}

    record ScheduleRequest(
            @NotBlank @Size(max = 64) String filmId,
            @NotBlank @Size(max = 64) String screenId,
            @NotNull Instant startsAt,
            @NotEmpty Map<@NotNull SeatType, @NotNull @Valid PriceRequest> prices,
            Boolean onSale) {}

    record RescheduleRequest(@NotNull Instant startsAt) {}

    record PricesRequest(@NotEmpty Map<@NotNull SeatType, @NotNull @Valid PriceRequest> prices) {}

    record CancelRequest(@Size(max = 500) String reason) {}

    @PostMapping
    @RequestExample("""
            {
              "filmId": "2c9e4a71-8f3d-4b6a-a0e5-7d1c3b9f5e28",
              "screenId": "b7f2d9c4-1e6a-4d83-9c57-0a4e8f2b6d13",
              "startsAt": "2030-05-01T19:00:00Z",
              "prices": {
                "STANDARD": {"amountMinor": 1100, "currency": "GBP"},
                "PREMIUM": {"amountMinor": 1500, "currency": "GBP"},
                "COUPLE": {"amountMinor": 2600, "currency": "GBP"},
                "WHEELCHAIR": {"amountMinor": 1100, "currency": "GBP"}
              },
              "onSale": false
            }
            """)
    @ApiAnswer(status = 201, when = "Scheduled; Location points at it in the query API")
    @ApiAnswer(status = 409, when = "It overlaps another screening on the screen (runtime plus cleaning)")
    @ApiAnswer(
            status = 422,
            when = "filmId or screenId names nothing or something retired, or startsAt is not in the next two years")
    @Operation(
            summary = "Schedule a film on a screen; refused with 409 if it overlaps another screening "
                    + "(runtime plus cleaning gap). onSale defaults to true")
    ResponseEntity<CreatedResource> schedule(@Valid @RequestBody ScheduleRequest request) {
        ScreeningId id = ScreeningId.random();
        commands.sendAndWait(new ScheduleScreeningCommand(
                id,
                FilmId.of(request.filmId()),
                ScreenId.of(request.screenId()),
                request.startsAt(),
                prices(request.prices()),
                request.onSale() == null || request.onSale()));
        return CreatedResource.response("/api/screenings/", id.value());
    }

    @PostMapping("/{screeningId}/reschedule")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestExample("""
            {"startsAt": "2030-05-01T20:30:00Z"}
            """)
    @ApiAnswer(status = 409, when = "It would overlap another screening, or the screening has started or is cancelled")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @ApiAnswer(status = 422, when = "startsAt is not in the next two years")
    @Operation(summary = "Move a screening to another start on the same screen")
    void reschedule(@PathVariable String screeningId, @Valid @RequestBody RescheduleRequest request) {
        lookup.slot(screeningId);
        commands.sendAndWait(new RescheduleScreeningCommand(ScreeningId.of(screeningId), request.startsAt()));
    }

    @PutMapping("/{screeningId}/prices")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestExample("""
            {
              "prices": {
                "STANDARD": {"amountMinor": 1100, "currency": "GBP"},
                "PREMIUM": {"amountMinor": 1500, "currency": "GBP"},
                "COUPLE": {"amountMinor": 2600, "currency": "GBP"},
                "WHEELCHAIR": {"amountMinor": 1100, "currency": "GBP"}
              }
            }
            """)
    @ApiAnswer(status = 409, when = "The screening is cancelled")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Replace a screening's prices")
    void changePrices(@PathVariable String screeningId, @Valid @RequestBody PricesRequest request) {
        lookup.slot(screeningId);
        commands.sendAndWait(new ChangeScreeningPricesCommand(ScreeningId.of(screeningId), prices(request.prices())));
    }

    @PostMapping("/{screeningId}/open-sales")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 409, when = "The screening has started or is cancelled")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Put a screening on sale")
    void openSales(@PathVariable String screeningId) {
        lookup.slot(screeningId);
        commands.sendAndWait(new OpenScreeningSalesCommand(ScreeningId.of(screeningId)));
    }

    @PostMapping("/{screeningId}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestExample("""
            {"reason": "Projector fault"}
            """)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Cancel a screening")
    void cancel(@PathVariable String screeningId, @Valid @RequestBody(required = false) CancelRequest request) {
        lookup.slot(screeningId);
        commands.sendAndWait(
                new CancelScreeningCommand(ScreeningId.of(screeningId), request == null ? null : request.reason()));
    }

    private static Map<SeatType, Money> prices(Map<SeatType, PriceRequest> prices) {
        Map<SeatType, Money> result = new EnumMap<>(SeatType.class);
        prices.forEach((type, price) -> result.put(type, Money.of(price.amountMinor(), price.currency())));
        return result;
    }
}
