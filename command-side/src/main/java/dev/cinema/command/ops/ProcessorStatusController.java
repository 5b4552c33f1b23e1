package dev.cinema.command.ops;

import dev.cinema.platform.ops.ProcessorStatus;
import dev.cinema.platform.ops.ProcessorStatuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For analysts and operators: the command side's own processors (lookups and policies). Their
 * failures are retried, never parked: a lookup that fails rolls its command back, and a policy
 * that sends commands or talks to the payment provider must not skip ahead of an event it could
 * not act on, so their dead-letter count stays 0.
 */
@RestController
@RequestMapping("/api/ops")
@Tag(name = "Operations", description = "Processor status (ANALYST or ADMIN)")
@PreAuthorize("hasAnyRole('ANALYST','ADMIN')")
class ProcessorStatusController {

    private final ProcessorStatuses statuses;

    ProcessorStatusController(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/processors")
    @Operation(
            summary = "Every event processor of the command side",
            description = "Subscribing lookups and policies (they handle each event in the transaction that stores"
                    + " it: no position, no lag) and tracking policies (the position of each segment from the token"
                    + " store, the lag in events behind the head of the store, who holds each segment), with the"
                    + " last failure this process saw.")
    List<ProcessorStatus> processors() {
        return statuses.all();
    }
}
