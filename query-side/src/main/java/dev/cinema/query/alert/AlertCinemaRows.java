package dev.cinema.query.alert;

import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link AlertProjection}. */
interface AlertCinemaRows extends JpaRepository<AlertCinemaRow, String> {}
