package dev.cinema.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A catalogue item by kind and id: ids of different kinds are never compared. */
@Embeddable
class ItemKey implements Serializable {

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", length = 16)
    ItemKind kind;

    @Column(name = "item_id", length = 64)
    String id;

    protected ItemKey() {}

    ItemKey(ItemKind kind, String id) {
        this.kind = kind;
        this.id = id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ItemKey key && kind == key.kind && Objects.equals(id, key.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id);
    }
}
