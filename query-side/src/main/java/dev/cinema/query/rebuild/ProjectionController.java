package dev.cinema.query.rebuild;

import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For analysts: the rebuildable projections, their slots, rebuilds and switches. */
@RestController
@RequestMapping("/api/ops/projections")
@Tag(name = "Operations", description = "Processors, projections and their rebuilds, dead letters (ANALYST or ADMIN)")
@PreAuthorize("hasAnyRole('ANALYST','ADMIN')")
class ProjectionController {

    private final ProjectionRebuilds rebuilds;

    ProjectionController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    record RebuildSummary(String id, RebuildPhase phase) {}

    record ProjectionView(
            String name,
            Slot activeSlot,
            Map<Slot, String> processingGroups,
            Map<Slot, String> slotStates,

            @Schema(description = "The tables of schema read_model (slot A) and read_model_b (slot B) it writes")
            List<String> tables,

            @Schema(
                    nullable = true,
                    description = "Global position the active slot has reached; null before its first event")
            Long position,

            @Schema(nullable = true, description = "Checksum of the last rebuild verified equal to the live slot")
            String lastVerifiedChecksum,

            @Schema(nullable = true) Instant lastVerifiedAt,

            @Schema(nullable = true, description = "The newest rebuild")
            RebuildSummary rebuild) {}

    record Positions(
            @Schema(nullable = true) Long rebuilt,
            @Schema(nullable = true) Long active,
            long headAtStart,
            long head) {}

    record Checksums(
            @Schema(nullable = true) String active,
            @Schema(nullable = true) String rebuilt) {}

    record RebuildView(
            String id,
            String projection,
            Slot targetSlot,
            Slot activeSlot,
            RebuildPhase phase,

            @Schema(description = "Approximate: global indexes have gaps")
            double percent,

            double eventsPerSecond,
            @Schema(nullable = true) Long secondsLeft,
            Instant startedAt,
            Instant updatedAt,
            boolean autoSwitch,
            Positions positions,

            @Schema(nullable = true, description = "The position both slots stood at when compared")
            Long cut,

            Checksums checksums,
            List<SlotChecksums.DifferingBucket> differingBuckets,
            @Schema(nullable = true) String error) {}

    /** What a 409 adds to the problem: the rebuild in the way, if one is. */
    record RebuildProblem(
            @Schema(nullable = true, description = "The rebuild concerned")
            String rebuildId) {}

    record RebuildRequest(
            @Schema(description = "Switch by itself once verified (default true)", nullable = true)
            Boolean autoSwitch) {}

    @GetMapping
    @Operation(summary = "Every rebuildable projection with its active slot, position and last verified checksum")
    List<ProjectionView> projections() {
        return rebuilds.projections().stream()
                .map(projection -> view(projection.name()))
                .toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One rebuildable projection")
    ProjectionView projection(@PathVariable @Size(max = 64) String name) {
        return view(name);
    }

    @PostMapping("/{name}/rebuilds")
    @Operation(
            summary = "Rebuilds a projection into its other slot, without downtime",
            description = "Empties the slot queries do not read, replays every event into it, stops both slots at one"
                    + " position and compares their checksums; equal checksums switch in one transaction (unless"
                    + " autoSwitch is false), a mismatch stops at READY with the differing buckets. Follow the"
                    + " Location. Queries answer from the active slot throughout; no alert, refund, command or live"
                    + " update is sent again.")
    @ApiAnswer(status = 202, when = "Started; the Location reports its progress", body = RebuildView.class)
    @ApiAnswer(
            status = 409,
            when = "A rebuild of this projection is still running (rebuild-in-progress)",
            body = RebuildProblem.class)
    @RequestExample("{\"autoSwitch\": true}")
    ResponseEntity<RebuildView> rebuild(
            @PathVariable @Size(max = 64) String name, @RequestBody(required = false) RebuildRequest request) {
        boolean autoSwitch = request == null || request.autoSwitch() == null || request.autoSwitch();
        Rebuild started = rebuilds.startRebuild(name, autoSwitch);
        return ResponseEntity.accepted()
                .location(URI.create("/api/ops/projections/" + name + "/rebuilds/" + started.id))
                .body(view(started));
    }

    @GetMapping("/{name}/rebuilds/{rebuildId}")
    @Operation(summary = "A rebuild's phase, progress, positions and checksums")
    RebuildView rebuildStatus(
            @PathVariable @Size(max = 64) String name, @PathVariable @Size(max = 64) String rebuildId) {
        return view(rebuilds.rebuild(name, rebuildId));
    }

    @PostMapping("/{name}/switch")
    @Operation(
            summary = "Switches queries to the slot of a READY rebuild",
            description = "In one transaction; every node follows within the poll interval. A rebuild whose checksum"
                    + " differs from the live slot is switched to only with force=true.")
    @ApiAnswer(
            status = 409,
            when = "No rebuild is ready (nothing-to-switch), or it differs from the live slot (checksum-mismatch)",
            body = RebuildProblem.class)
    ProjectionView switchToRebuilt(
            @PathVariable @Size(max = 64) String name,
            @RequestParam(defaultValue = "false") @Parameter(description = "Switch even to a slot that differs")
                    boolean force) {
        rebuilds.switchToRebuilt(name, force);
        return view(name);
    }

    @PostMapping("/{name}/switch-back")
    @Operation(
            summary = "Switches queries back to the other slot",
            description = "The slot switched away from keeps following the events, so switching back is exact.")
    @ApiAnswer(
            status = 409,
            when = "The other slot was never built or is being rebuilt (nothing-to-switch, rebuild-in-progress)",
            body = RebuildProblem.class)
    ProjectionView switchBack(@PathVariable @Size(max = 64) String name) {
        rebuilds.switchBack(name);
        return view(name);
    }

    private ProjectionView view(String name) {
        RebuildableProjection projection = rebuilds.projection(name);
        SlotTable.SlotRow row = rebuilds.slotRow(name);
        return new ProjectionView(
                projection.name(),
                row.active(),
                Map.of(Slot.A, projection.processingGroup(Slot.A), Slot.B, projection.processingGroup(Slot.B)),
                Map.of(Slot.A, row.slotA().name(), Slot.B, row.slotB().name()),
                projection.tables(),
                rebuilds.activePosition(projection, row.active()),
                row.lastVerifiedChecksum(),
                row.lastVerifiedAt(),
                rebuilds.latestRebuild(name)
                        .map(rebuild -> new RebuildSummary(rebuild.id, rebuild.phase))
                        .orElse(null));
    }

    private RebuildView view(Rebuild rebuild) {
        Slot active = rebuilds.slotRow(rebuild.projection).active();
        return new RebuildView(
                rebuild.id,
                rebuild.projection,
                rebuild.target,
                active,
                rebuild.phase,
                rebuild.percent,
                rebuild.eventsPerSecond,
                rebuild.secondsLeft,
                rebuild.startedAt,
                rebuild.updatedAt,
                rebuild.autoSwitch,
                new Positions(rebuild.rebuiltPosition, rebuild.activePosition, rebuild.headAtStart, rebuild.head),
                rebuild.cut,
                new Checksums(rebuild.checksumActive, rebuild.checksumRebuilt),
                rebuilds.differingBuckets(rebuild),
                rebuild.error);
    }
}
