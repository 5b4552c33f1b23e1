package dev.cinema.query.analytics;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The sales projection's own copy of a film, cinema or location. */
@Entity
@Table(name = "analytics_sales_item", schema = "read_model")
class SalesItemRow extends ItemRow {

    protected SalesItemRow() {}

    SalesItemRow(ItemKey key) {
        super(key);
    }
}
