package dev.cinema.query.analytics;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The sales projection's own copy of a screening's film and cinema. */
@Entity
@Table(name = "analytics_sales_screening", schema = "read_model")
class SalesScreeningRow extends ScreeningRow {

    protected SalesScreeningRow() {}

    SalesScreeningRow(String id) {
        super(id);
    }
}
