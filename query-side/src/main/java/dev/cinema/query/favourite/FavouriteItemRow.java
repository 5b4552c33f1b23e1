package dev.cinema.query.favourite;

import dev.cinema.contracts.favourite.FavouriteKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A film, cinema or location as favourites show it: its name, and whether it left the catalogue. */
@Entity
@Table(name = "favourite_item", schema = "read_model")
class FavouriteItemRow {

    @Id
    @Column(name = "item_key", length = 100)
    String key;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", nullable = false, length = 16)
    FavouriteKind kind;

    @Column(name = "item_id", nullable = false, length = 64)
    String itemId;

    @Column(name = "name", nullable = false, length = 200)
    String name;

    @Column(name = "retired", nullable = false)
    boolean retired;

    protected FavouriteItemRow() {}

    FavouriteItemRow(FavouriteKind kind, String itemId) {
        this.key = key(kind, itemId);
        this.kind = kind;
        this.itemId = itemId;
    }

    static String key(FavouriteKind kind, String itemId) {
        return kind + "/" + itemId;
    }
}
