package dev.cinema.query.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For analysts and operators: is each projection running, and how far has it read. */
@RestController
@RequestMapping("/api/ops")
@Tag(name = "Operations", description = "Processors, projections and their rebuilds, dead letters (ANALYST or ADMIN)")
class ProcessorStatusController {

    private final EventProcessingConfiguration processing;

    ProcessorStatusController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    record SegmentStatus(
            int segment,
            boolean caughtUp,
            boolean replaying,

            @Schema(nullable = true, description = "Global position reached; null before the first event")
            Long position,

            @Schema(nullable = true, description = "The failure's type while the segment is in error")
            String error) {}

    record ProcessorStatus(String name, boolean running, boolean error, List<SegmentStatus> segments) {}

    @GetMapping("/processors")
    @PreAuthorize("hasAnyRole('ANALYST','ADMIN')")
    @Operation(summary = "Status of every streaming event processor of the query side")
    List<ProcessorStatus> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> new ProcessorStatus(
                        processor.getName(),
                        processor.isRunning(),
                        processor.isError(),
                        segments(processor.processingStatus())))
                .sorted(java.util.Comparator.comparing(ProcessorStatus::name))
                .toList();
    }

    private static List<SegmentStatus> segments(Map<Integer, EventTrackerStatus> statuses) {
        return statuses.values().stream()
                .map(status -> {
                    OptionalLong position = status.getCurrentPosition();
                    return new SegmentStatus(
                            status.getSegment().getSegmentId(),
                            status.isCaughtUp(),
                            status.isReplaying(),
                            position.isPresent() ? position.getAsLong() : null,
                            status.getError() == null
                                    ? null
                                    : status.getError().getClass().getSimpleName());
                })
                .sorted(java.util.Comparator.comparingInt(SegmentStatus::segment))
                .collect(Collectors.toList());
    }
}
