package dev.cinema.command.alert;

import dev.cinema.contracts.favourite.FavouriteKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One favourite as the alert policy knows it, as of the last favourites event it handled. Written
 * only by {@link AlertFavouritesUpdater}, in the policy's own transactions; never read by queries.
 */
@Entity
@Table(name = "alert_favourite")
class AlertFavouriteEntry {

    @Id
    @Column(name = "favourite_key", length = 160)
    private String key;

    @Column(name = "customer_id", nullable = false, length = 64)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", nullable = false, length = 16)
    private FavouriteKind kind;

    @Column(name = "item_id", nullable = false, length = 64)
    private String itemId;

    protected AlertFavouriteEntry() {}

    AlertFavouriteEntry(String customerId, FavouriteKind kind, String itemId) {
        this.key = key(customerId, kind, itemId);
        this.customerId = customerId;
        this.kind = kind;
        this.itemId = itemId;
    }

    static String key(String customerId, FavouriteKind kind, String itemId) {
        return customerId + "/" + kind + "/" + itemId;
    }

    String customerId() {
        return customerId;
    }
}
