package dev.cinema.query.analytics;

/** Written only by {@link OccupancyProjection}. */
interface OccupancyItemRows extends ItemRows<OccupancyItemRow> {}
