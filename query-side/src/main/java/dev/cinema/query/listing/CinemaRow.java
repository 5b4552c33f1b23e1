package dev.cinema.query.listing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "listing_cinema", schema = "read_model")
class CinemaRow {

    @Id
    @Column(name = "cinema_id", length = 64)
    String id;

    @Column(name = "location_id", nullable = false, length = 64)
    String locationId;

    @Column(name = "name", nullable = false, length = 100)
    String name;

    @Column(name = "street", nullable = false, length = 200)
    String street;

    @Column(name = "city", nullable = false, length = 100)
    String city;

    @Column(name = "postal_code", nullable = false, length = 20)
    String postalCode;

    @Column(name = "country", nullable = false, length = 2)
    String country;

    @Column(name = "time_zone", nullable = false, length = 64)
    String timeZone;

    @Column(name = "retired", nullable = false)
    boolean retired;

    protected CinemaRow() {}

    CinemaRow(String id) {
        this.id = id;
    }
}
