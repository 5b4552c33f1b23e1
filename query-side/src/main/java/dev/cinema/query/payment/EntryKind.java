package dev.cinema.query.payment;

/** What an entry of a payment history stands for; a payment has at most one entry of each kind. */
enum EntryKind {
    PAYMENT,
    REFUND
}
