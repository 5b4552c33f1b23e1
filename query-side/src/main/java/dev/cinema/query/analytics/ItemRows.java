package dev.cinema.query.analytics;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** The catalogue copies of one analytics projection. */
@NoRepositoryBean
interface ItemRows<T extends ItemRow> extends JpaRepository<T, ItemKey> {

    List<T> findByKeyKindAndKeyIdIn(ItemKind kind, Collection<String> ids);
}
