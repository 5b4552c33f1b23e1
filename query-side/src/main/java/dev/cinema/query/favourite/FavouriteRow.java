package dev.cinema.query.favourite;

import dev.cinema.contracts.favourite.FavouriteKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One item a customer made a favourite; kept when removed ({@code present} false), for its version. */
@Entity
@Table(name = "customer_favourite", schema = "read_model")
class FavouriteRow {

    @Id
    @Column(name = "favourite_key", length = 200)
    String key;

    @Column(name = "customer_id", nullable = false, length = 64)
    String customerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", nullable = false, length = 16)
    FavouriteKind kind;

    @Column(name = "item_id", nullable = false, length = 64)
    String itemId;

    @Column(name = "present", nullable = false)
    boolean present;

    @Column(name = "added_at", nullable = false)
    Instant addedAt;

    /** Sequence number, in the customer's favourites stream, of the last event folded into this row. */
    @Column(name = "version", nullable = false)
    long version;

    protected FavouriteRow() {}

    FavouriteRow(String customerId, FavouriteKind kind, String itemId) {
        this.key = key(customerId, kind, itemId);
        this.customerId = customerId;
        this.kind = kind;
        this.itemId = itemId;
        this.version = -1;
    }

    static String key(String customerId, FavouriteKind kind, String itemId) {
        return customerId + "/" + kind + "/" + itemId;
    }
}
