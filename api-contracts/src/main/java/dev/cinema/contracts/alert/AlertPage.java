package dev.cinema.contracts.alert;

import dev.cinema.contracts.listing.PageInfo;
import java.util.List;

/** A page of a customer's alerts, newest first, and how many of all their alerts are unread. */
public record AlertPage(List<AlertView> items, PageInfo page, long unreadCount) {}
