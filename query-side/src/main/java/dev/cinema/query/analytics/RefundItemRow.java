package dev.cinema.query.analytics;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The refunds projection's own copy of a film, cinema or location. */
@Entity
@Table(name = "analytics_refunds_item", schema = "read_model")
class RefundItemRow extends ItemRow {

    protected RefundItemRow() {}

    RefundItemRow(ItemKey key) {
        super(key);
    }
}
