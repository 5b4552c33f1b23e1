package dev.cinema.query.audit;

import dev.cinema.contracts.listing.PageInfo;
import java.util.List;

/** A page of a stream's events, in sequence order. */
record HistoryPage(String aggregateId, List<HistoryEntry> items, PageInfo page) {}
