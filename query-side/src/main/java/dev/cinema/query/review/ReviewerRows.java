package dev.cinema.query.review;

import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link ReviewProjection}. */
interface ReviewerRows extends JpaRepository<ReviewerRow, String> {}
