package dev.cinema.command.catalogue.lookup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One catalogue item as the command side needs to know it to check rules that span aggregates:
 * does it exist, is it retired, which cinema owns a screen, how long a film runs, a cinema's zone,
 * a screen's layout. Written only by {@link CatalogueLookupUpdater}, in the command's transaction.
 */
@Entity
@Table(name = "catalogue_lookup")
public class LookupEntry {

    public enum Kind {
        LOCATION,
        CINEMA,
        SCREEN,
        FILM
    }

    @Id
    @Column(name = "item_id", length = 64)
    private String itemId;

    @Column(name = "kind", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Kind kind;

    /** The owning cinema of a screen, the location of a cinema; null otherwise. */
    @Column(name = "parent_id", length = 64)
    private String parentId;

    @Column(name = "retired", nullable = false)
    private boolean retired;

    /** Film runtime in minutes. */
    @Column(name = "runtime_minutes")
    private Integer runtimeMinutes;

    /** A cinema's IANA zone. */
    @Column(name = "time_zone", length = 64)
    private String timeZone;

    /** A cinema's rule against single empty seats stranded between taken seats (on by default). */
    @Column(name = "prevent_stranded_seats", nullable = false)
    private boolean preventStrandedSeats = true;

    /** A screen's seat layout as JSON: copied into every screening scheduled on it. */
    @Column(name = "layout_json", length = 262_144)
    private String layoutJson;

    protected LookupEntry() {}

    LookupEntry(String itemId, Kind kind, String parentId) {
        this.itemId = itemId;
        this.kind = kind;
        this.parentId = parentId;
    }

    public String itemId() {
        return itemId;
    }

    public Kind kind() {
        return kind;
    }

    public String parentId() {
        return parentId;
    }

    public boolean retired() {
        return retired;
    }

    public Integer runtimeMinutes() {
        return runtimeMinutes;
    }

    public String timeZone() {
        return timeZone;
    }

    public String layoutJson() {
        return layoutJson;
    }

    public boolean preventStrandedSeats() {
        return preventStrandedSeats;
    }

    void preventStrandedSeats(boolean prevent) {
        this.preventStrandedSeats = prevent;
    }

    void retire() {
        this.retired = true;
    }

    void runtimeMinutes(int runtimeMinutes) {
        this.runtimeMinutes = runtimeMinutes;
    }

    void timeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    void layoutJson(String layoutJson) {
        this.layoutJson = layoutJson;
    }
}
