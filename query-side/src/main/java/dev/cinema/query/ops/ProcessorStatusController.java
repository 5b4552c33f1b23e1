package dev.cinema.query.ops;

import dev.cinema.platform.ops.ProcessorStatus;
import dev.cinema.platform.ops.ProcessorStatuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For analysts and operators: is each projection running, how far behind is it, what has it parked. */
@RestController
@RequestMapping("/api/ops")
@Tag(name = "Operations", description = "Processors, projections and their rebuilds, dead letters (ANALYST or ADMIN)")
@PreAuthorize("hasAnyRole('ANALYST','ADMIN')")
class ProcessorStatusController {

    private final ProcessorStatuses statuses;

    ProcessorStatusController(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/processors")
    @Operation(
            summary = "Every event processor of the query side",
            description = "Mode, whether it runs and fails here, the head of the event store, the lag of its"
                    + " slowest segment in events (approximate: global indexes have gaps), each segment's position"
                    + " from the token store (whichever query-side process holds it) and who holds it, the last"
                    + " failure this process saw and how many events it has parked as dead letters.")
    List<ProcessorStatus> processors() {
        return statuses.all();
    }
}
