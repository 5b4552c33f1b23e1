package dev.cinema.query.analytics;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The refunds projection's own copy of a screening's film and cinema. */
@Entity
@Table(name = "analytics_refunds_screening", schema = "read_model")
class RefundScreeningRow extends ScreeningRow {

    protected RefundScreeningRow() {}

    RefundScreeningRow(String id) {
        super(id);
    }
}
