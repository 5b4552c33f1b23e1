package dev.cinema.command.catalogue.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.platform.web.DomainException;
import dev.cinema.platform.web.ProblemKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Read access to the command side's own catalogue lookup, for rules that span aggregates. Never
 * used to answer queries: the query side has its own read models.
 */
@Component
public class CatalogueLookup {

    private final LookupEntryRepository entries;
    private final ScreenSlotRepository slots;
    private final ObjectMapper objectMapper;

    CatalogueLookup(LookupEntryRepository entries, ScreenSlotRepository slots, ObjectMapper objectMapper) {
        this.entries = entries;
        this.slots = slots;
        this.objectMapper = objectMapper;
    }

    /** For ids in a request path: an unknown id (or one of another kind) is a 404. */
    public LookupEntry requireExisting(LookupEntry.Kind kind, String id) {
        return entries.findById(id)
                .filter(entry -> entry.kind() == kind)
                .orElseThrow(
                        () -> DomainException.notFound(name(kind) + "-not-found", null, "No " + name(kind) + " " + id));
    }

    /**
     * For ids a request refers to in its body: unknown or retired items are a 422 naming the field,
     * since the request itself was well-formed.
     */
    public LookupEntry requireActive(LookupEntry.Kind kind, String id, String field) {
        LookupEntry entry = entries.findById(id)
                .filter(e -> e.kind() == kind)
                .orElseThrow(() -> new DomainException(
                        ProblemKind.UNPROCESSABLE, "unknown-" + name(kind), field, "No " + name(kind) + " " + id));
        if (entry.retired()) {
            throw DomainException.invalid(
                    name(kind) + "-retired", field, "The " + name(kind) + " " + id + " is retired");
        }
        return entry;
    }

    /**
     * Locks an active screen's row until the transaction ends: scheduling on one screen happens
     * one at a time, also across command-side processes. Unknown or retired screens are refused.
     */
    public LookupEntry lockScreen(String screenId, String field) {
        LookupEntry screen = entries.lockById(screenId)
                .filter(entry -> entry.kind() == LookupEntry.Kind.SCREEN)
                .orElseThrow(() -> new DomainException(
                        ProblemKind.UNPROCESSABLE, "unknown-screen", field, "No screen " + screenId));
        if (screen.retired()) {
            throw DomainException.invalid("screen-retired", field, "The screen " + screenId + " is retired");
        }
        return screen;
    }

    public List<ScreenSlot> overlapping(String screenId, Instant from, Instant until, String exceptScreeningId) {
        return slots.overlapping(screenId, from, until, exceptScreeningId);
    }

    public ScreenSlot slot(String screeningId) {
        return slots.findById(screeningId)
                .orElseThrow(
                        () -> DomainException.notFound("screening-not-found", null, "No screening " + screeningId));
    }

    /** Whether the cinema showing this screening forbids stranding single seats. */
    public boolean preventsStrandedSeats(String screeningId, String field) {
        ScreenSlot slot = slots.findById(screeningId)
                .orElseThrow(
                        () -> DomainException.notFound("screening-not-found", field, "No screening " + screeningId));
        return entries.findById(slot.screenId())
                .flatMap(screen -> entries.findById(screen.parentId()))
                .map(LookupEntry::preventStrandedSeats)
                .orElse(true);
    }

    public SeatLayout layoutOf(LookupEntry screen) {
        try {
            return objectMapper.readValue(screen.layoutJson(), SeatLayout.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable layout of screen " + screen.itemId(), e);
        }
    }

    public boolean anyLocation() {
        return entries.existsByKind(LookupEntry.Kind.LOCATION);
    }

    private static String name(LookupEntry.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
