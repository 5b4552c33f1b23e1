package dev.cinema.contracts.payment;

import dev.cinema.contracts.listing.PageInfo;
import java.util.List;

/** A page of a payment history, newest first, with totals over the whole history (not only the page). */
public record PaymentHistoryPage(List<PaymentHistoryEntry> items, PageInfo page, List<PaymentTotals> totals) {}
