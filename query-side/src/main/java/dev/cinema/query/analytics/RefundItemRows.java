package dev.cinema.query.analytics;

/** Written only by {@link RefundProjection}. */
interface RefundItemRows extends ItemRows<RefundItemRow> {}
