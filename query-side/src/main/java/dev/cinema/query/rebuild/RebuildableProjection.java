package dev.cinema.query.rebuild;

import java.util.List;

/**
 * A projection that can be rebuilt into its other slot: its name for analysts, its class, the
 * processing group of slot A (the group name it always had) and its tables.
 */
record RebuildableProjection(String name, Class<?> type, String slotAGroup, List<String> tables) {

    String processingGroup(Slot slot) {
        return slot.processingGroup(slotAGroup);
    }
}
