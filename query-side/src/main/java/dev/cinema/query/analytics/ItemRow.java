package dev.cinema.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.MappedSuperclass;

/**
 * A film, cinema or location as an analytics projection names it: each projection keeps its own
 * copy (a table of its own, mapped by a subclass), never another projection's. A cinema also has
 * its location and time zone, from which the local day of a fact is found. {@code version} is the
 * sequence number of the item's last event folded: an older or repeated event is skipped.
 */
@MappedSuperclass
abstract class ItemRow {

    @EmbeddedId
    ItemKey key;

    @Column(name = "name", nullable = false, length = 200)
    String name;

    @Column(name = "location_id", length = 64)
    String locationId;

    @Column(name = "time_zone", length = 64)
    String timeZone;

    @Column(name = "version", nullable = false)
    long version;

    protected ItemRow() {}

    ItemRow(ItemKey key) {
        this.key = key;
    }
}
