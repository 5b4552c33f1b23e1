package dev.cinema.query.analytics;

import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link RefundProjection}. */
interface RefundScreeningRows extends JpaRepository<RefundScreeningRow, String> {}
