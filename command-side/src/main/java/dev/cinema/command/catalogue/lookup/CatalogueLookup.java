package dev.cinema.command.catalogue.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.platform.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /** For ids in a request path: an unknown id (or one of another kind) is not found. */
    public LookupEntry requireExisting(LookupEntry.Kind kind, String id) {
        return entries.findById(id).filter(entry -> entry.kind() == kind).orElseThrow(() -> notFound(kind, id));
    }

    /**
     * For ids in a request path that must name an item still in the catalogue (a film to review,
     * a favourite): an unknown or retired item is not found, as it is absent from the listings.
     */
    public LookupEntry requireListed(LookupEntry.Kind kind, String id) {
        LookupEntry entry = requireExisting(kind, id);
        if (entry.retired()) {
            throw notFound(kind, id);
        }
        return entry;
    }

    /**
     * For ids a request refers to in its body: unknown or retired items are refused naming the
     * field (unlike an unknown id in the path, the request itself was well-formed).
     */
    public LookupEntry requireActive(LookupEntry.Kind kind, String id, String field) {
        LookupEntry entry =
                entries.findById(id).filter(e -> e.kind() == kind).orElseThrow(() -> unknown(kind, id, field));
        if (entry.retired()) {
            throw inactive(kind, id, field);
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
                .orElseThrow(() -> unknown(LookupEntry.Kind.SCREEN, screenId, field));
        if (screen.retired()) {
            throw inactive(LookupEntry.Kind.SCREEN, screenId, field);
        }
        return screen;
    }

    public List<ScreenSlot> overlapping(String screenId, Instant from, Instant until, String exceptScreeningId) {
        return slots.overlapping(screenId, from, until, exceptScreeningId);
    }

    public ScreenSlot slot(String screeningId) {
        return slots.findById(screeningId)
                .orElseThrow(() -> new Refusal("screening-not-found", null, "No screening " + screeningId));
    }

    /** Whether the cinema showing this screening forbids stranding single seats. */
    public boolean preventsStrandedSeats(String screeningId, String field) {
        // Asked on behalf of a request that names the screening in its body: unknown is a 422 there.
        SeatingPolicy policy = slots.seatingPolicy(screeningId)
                .orElseThrow(() -> new Refusal("unknown-screening", field, "No screening " + screeningId));
        return !Boolean.FALSE.equals(policy.preventStrandedSeats());
    }

    /** The location a cinema is in; empty for an id that is no cinema. */
    public Optional<String> locationOf(String cinemaId) {
        return entries.findById(cinemaId)
                .filter(entry -> entry.kind() == LookupEntry.Kind.CINEMA)
                .map(LookupEntry::parentId);
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

    // Each code is written out, so that every code the system can answer is a literal that the
    // web layer's status table is checked against.

    private static Refusal notFound(LookupEntry.Kind kind, String id) {
        String message = "No " + name(kind) + " " + id;
        return switch (kind) {
            case LOCATION -> new Refusal("location-not-found", null, message);
            case CINEMA -> new Refusal("cinema-not-found", null, message);
            case SCREEN -> new Refusal("screen-not-found", null, message);
            case FILM -> new Refusal("film-not-found", null, message);
        };
    }

    private static Refusal unknown(LookupEntry.Kind kind, String id, String field) {
        String message = "No " + name(kind) + " " + id;
        return switch (kind) {
            case LOCATION -> new Refusal("unknown-location", field, message);
            case CINEMA -> new Refusal("unknown-cinema", field, message);
            case SCREEN -> new Refusal("unknown-screen", field, message);
            case FILM -> new Refusal("unknown-film", field, message);
        };
    }

    /** A retired item referred to by a new one (acting on the retired item itself is "…-retired"). */
    private static Refusal inactive(LookupEntry.Kind kind, String id, String field) {
        String message = "The " + name(kind) + " " + id + " is retired";
        return switch (kind) {
            case LOCATION -> new Refusal("inactive-location", field, message);
            case CINEMA -> new Refusal("inactive-cinema", field, message);
            case SCREEN -> new Refusal("inactive-screen", field, message);
            case FILM -> new Refusal("inactive-film", field, message);
        };
    }

    private static String name(LookupEntry.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
