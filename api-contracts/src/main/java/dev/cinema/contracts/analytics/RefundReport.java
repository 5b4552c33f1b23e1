package dev.cinema.contracts.analytics;

import java.util.List;

/** Refunds of a period, one row per group and currency. */
public record RefundReport(String from, String to, String groupBy, List<RefundRow> rows) {}
