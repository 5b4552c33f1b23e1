package dev.cinema.query.listing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "listing_location", schema = "read_model")
class LocationRow {

    @Id
    @Column(name = "location_id", length = 64)
    String id;

    @Column(name = "name", nullable = false, length = 100)
    String name;

    @Column(name = "retired", nullable = false)
    boolean retired;

    protected LocationRow() {}

    LocationRow(String id) {
        this.id = id;
    }
}
