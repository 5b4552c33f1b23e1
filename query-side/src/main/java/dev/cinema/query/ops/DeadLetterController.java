package dev.cinema.query.ops;

import dev.cinema.contracts.listing.PageInfo;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.ops.DeadLetterView;
import dev.cinema.platform.ops.DeadLetters;
import dev.cinema.query.listing.PagingParameters;
import dev.cinema.query.rebuild.SlotRouting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * For analysts and operators: the events projections could not handle, parked with the rest of
 * their sequence instead of stopping the projection; retried once the cause is fixed, or discarded.
 */
@RestController
@RequestMapping("/api/ops/dead-letters")
@Tag(name = "Operations", description = "Processors, projections and their rebuilds, dead letters (ANALYST or ADMIN)")
@PreAuthorize("hasAnyRole('ANALYST','ADMIN')")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final SlotRouting slots;

    DeadLetterController(DeadLetters deadLetters, SlotRouting slots) {
        this.deadLetters = deadLetters;
        this.slots = slots;
    }

    /** A page of dead letters. */
    record DeadLetterPage(List<DeadLetterView> items, PageInfo page) {}

    /** What a retry did. */
    record DeadLetterRetry(
            String id,

            @Schema(
                    description = "The letter was handled and is gone; false when it failed again (its cause and"
                            + " lastTouched are updated), a letter ahead of it in its sequence failed, or its"
                            + " sequence is being retried elsewhere at this moment")
            boolean processed) {}

    @GetMapping
    @Operation(
            summary = "Events parked by the query side's projections",
            description = "By processor, sequence (aggregate) and order in it. The first letter of a sequence carries"
                    + " the failure; the later ones were parked behind it (no cause) so that the projection never"
                    + " applies an aggregate's events out of order. Payloads are never shown.")
    @ApiAnswer(status = 200, when = "A page of dead letters; empty when nothing is parked")
    @ApiAnswer(status = 404, when = "processor names no event processor of the query side")
    DeadLetterPage list(
            @RequestParam(required = false)
                    @Size(max = 255)
                    @Parameter(description = "Only this processor's letters (a name from /api/ops/processors)")
                    String processor,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size) {
        DeadLetters.Slice slice = deadLetters.page(processor, page, size);
        long total = slice.totalElements();
        return new DeadLetterPage(slice.items(), new PageInfo(page, size, total, (int) ((total + size - 1) / size)));
    }

    @PostMapping("/{id}/retry")
    @Operation(
            summary = "Handles a dead letter again",
            description = "Through its projection's own handlers, with the rest of its sequence: the sequence's letters"
                    + " are handled in order from the first (a later letter cannot go before those ahead of it),"
                    + " each removed once handled, until one fails again or none is left.")
    @ApiAnswer(
            status = 409,
            when = "The letter's processing group has no processor in this app any more: it can only be discarded")
    DeadLetterRetry retry(@PathVariable @Size(max = 255) String id) {
        // Handled on this thread: as its own slot's processor would, whatever slot queries read.
        String group = deadLetters.find(id).processor();
        return new DeadLetterRetry(id, slots.callAs(group, () -> deadLetters.retry(id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Discards a dead letter",
            description = "Its event is never applied to the read model (short of a rebuild); the letters behind it in"
                    + " its sequence stay parked.")
    @ApiAnswer(status = 204, when = "Discarded")
    void discard(@PathVariable @Size(max = 255) String id) {
        deadLetters.discard(id);
    }
}
