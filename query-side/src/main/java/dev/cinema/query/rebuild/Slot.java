package dev.cinema.query.rebuild;

/**
 * One of a rebuildable projection's two copies of its tables: A in schema {@code read_model} (the
 * tables as they always were), B in {@code read_model_b}. Each slot has its own processing group,
 * so each has its own tracking token: A keeps the projection's original group name (its token
 * survives the upgrade), B's is that name with {@code @b}.
 */
public enum Slot {
    A("read_model", ""),
    B("read_model_b", "@b");

    private final String schema;
    private final String groupSuffix;

    Slot(String schema, String groupSuffix) {
        this.schema = schema;
        this.groupSuffix = groupSuffix;
    }

    public String schema() {
        return schema;
    }

    public String processingGroup(String slotAGroup) {
        return slotAGroup + groupSuffix;
    }

    public Slot other() {
        return this == A ? B : A;
    }
}
