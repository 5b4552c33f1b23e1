package dev.cinema.query.analytics;

/** Written only by {@link SalesProjection}. */
interface SalesItemRows extends ItemRows<SalesItemRow> {}
