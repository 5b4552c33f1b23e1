package dev.cinema.query.analytics;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The occupancy projection's own copy of a film, cinema or location. */
@Entity
@Table(name = "analytics_occupancy_item", schema = "read_model")
class OccupancyItemRow extends ItemRow {

    protected OccupancyItemRow() {}

    OccupancyItemRow(ItemKey key) {
        super(key);
    }
}
