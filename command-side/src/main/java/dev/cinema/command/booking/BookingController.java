package dev.cinema.command.booking;

import dev.cinema.command.catalogue.screening.Screenings;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.CancelBookingCommand;
import dev.cinema.contracts.booking.ChangeBookingSeatsCommand;
import dev.cinema.contracts.booking.PlaceBookingCommand;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Seat holds: a customer's booking before payment. Any signed-in account may book for itself. */
@RestController
@Tag(name = "Bookings", description = "Hold seats, change or release a hold (token required)")
class BookingController {

    private final CommandGateway commands;
    private final HoldDesk desk;

    BookingController(CommandGateway commands, HoldDesk desk) {
        this.commands = commands;
        this.desk = desk;
    }

    record HoldRequest(
            @NotBlank @Size(max = 64) String screeningId,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 8) String> seats) {}

    record ChangeRequest(
            @Size(max = 10) List<@NotBlank @Size(max = 8) String> add,
            @Size(max = 10) List<@NotBlank @Size(max = 8) String> remove) {}

    /** What the customer is told when a hold is placed or changed. */
    record HoldResponse(String bookingId, String screeningId, List<SeatPrice> seats, Money total, Instant expiresAt) {

        static HoldResponse of(BookingId bookingId, Screenings.Hold hold) {
            return new HoldResponse(
                    bookingId.value(),
                    hold.screeningId().value(),
                    hold.seats(),
                    SeatPrice.total(hold.seats()),
                    hold.expiresAt());
        }
    }

    @PostMapping("/api/bookings")
    @RequestExample("""
            {"screeningId": "e4a8c2f6-3b9d-4e71-8a05-6c2f9d1b7e34", "seats": ["F7", "F8"]}
            """)
    @ApiAnswer(status = 201, when = "Held until expiresAt; Location points at the booking in the query API")
    @ApiAnswer(
            status = 400,
            when = "A seat is not in the screening (unknownSeats) or is listed twice, or more than 10 seats",
            body = BookingProblems.UnknownSeats.class)
    @ApiAnswer(status = 422, when = "screeningId names no screening")
    @ApiAnswer(
            status = 409,
            when = "Seats are not free (unavailableSeats) or the choice would strand single seats (strandedSeats), "
                    + "or the screening is cancelled, started or not on sale",
            body = BookingProblems.SeatsNotFree.class)
    @ApiAnswer(
            status = 429,
            when = "Too many holds are waiting for this screening (hold-queue-full); Retry-After says when to try "
                    + "again. Nothing was held")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(
            summary = "Hold 1 to 10 seats of one screening, all or nothing",
            description = "201 with the booking id, seats, prices and the hold's expiry; 409 naming the seats that "
                    + "are not free (unavailableSeats) or that would be stranded (strandedSeats), or a screening "
                    + "that is cancelled, started or not on sale; 400 for unknown seats; 422 for an unknown "
                    + "screening.")
    ResponseEntity<HoldResponse> hold(@Valid @RequestBody HoldRequest request, @AuthenticationPrincipal Jwt caller) {
        BookingId bookingId = BookingId.random();
        Screenings.Hold hold = desk.hold(new PlaceBookingCommand(
                bookingId, ScreeningId.of(request.screeningId()), AccountId.of(caller.getSubject()), request.seats()));
        return ResponseEntity.created(URI.create("/api/me/bookings/" + bookingId))
                .body(HoldResponse.of(bookingId, hold));
    }

    @PostMapping("/api/bookings/{bookingId}/seats")
    @RequestExample("""
            {"add": ["F9"], "remove": ["F7"]}
            """)
    @ApiAnswer(
            status = 400,
            when = "A seat is not in the screening (unknownSeats), is listed twice or is not in the booking, or "
                    + "the result has no seat or more than 10",
            body = BookingProblems.UnknownSeats.class)
    @ApiAnswer(
            status = 409,
            when = "Seats are not free (unavailableSeats) or the choice would strand single seats "
                    + "(strandedSeats), or the hold has run out",
            body = BookingProblems.SeatsNotFree.class)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Add and remove seats of a held booking in one step, all or nothing")
    HoldResponse change(
            @PathVariable @NotBlank @Size(max = 64) String bookingId,
            @Valid @RequestBody ChangeRequest request,
            @AuthenticationPrincipal Jwt caller) {
        Screenings.Hold hold = commands.sendAndWait(new ChangeBookingSeatsCommand(
                BookingId.of(bookingId),
                AccountId.of(caller.getSubject()),
                request.add() == null ? List.of() : request.add(),
                request.remove() == null ? List.of() : request.remove()));
        return HoldResponse.of(BookingId.of(bookingId), hold);
    }

    @DeleteMapping("/api/bookings/{bookingId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 409, when = "The booking is not held any more (paid, cancelled or expired)")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Release a held booking before paying; its seats are free at once")
    void cancel(@PathVariable @NotBlank @Size(max = 64) String bookingId, @AuthenticationPrincipal Jwt caller) {
        commands.sendAndWait(new CancelBookingCommand(BookingId.of(bookingId), AccountId.of(caller.getSubject())));
    }
}
