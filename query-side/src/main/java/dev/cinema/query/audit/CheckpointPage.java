package dev.cinema.query.audit;

import dev.cinema.contracts.listing.PageInfo;
import java.util.List;

/** A page of checkpoints, newest first. */
record CheckpointPage(List<CheckpointView> items, PageInfo page) {}
