package dev.cinema.contracts.payment;

import dev.cinema.contracts.listing.Paging;

/** A customer's payment history. */
public record FindCustomerPaymentsQuery(String customerId, Paging paging) {}
