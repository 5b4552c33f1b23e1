package dev.cinema.contracts.analytics;

import java.util.List;

/** Sales of a period, one row per group and currency. */
public record SalesReport(String from, String to, String groupBy, List<SalesRow> rows) {}
