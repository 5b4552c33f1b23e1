package dev.cinema.query.analytics;

import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link SalesProjection}. */
interface SalesScreeningRows extends JpaRepository<SalesScreeningRow, String> {}
