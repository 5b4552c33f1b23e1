-- Payment history (query-payment-history): one PAYMENT entry per payment, updated as the provider
-- answers, and one REFUND entry per refund. Keyed by payment and kind, so that folding an event
-- again overwrites the entry it made. Totals are summed from these rows when asked, never kept.
create table read_model.payment_history_entry (
    payment_id    varchar(64)              not null,
    kind          varchar(8)               not null,
    booking_id    varchar(64)              not null,
    customer_id   varchar(64)              not null,
    amount_minor  bigint                   not null,
    currency      varchar(8)               not null,
    status        varchar(16)              not null,
    psp_reference varchar(200),
    reason        varchar(1000),
    occurred_at   timestamp with time zone not null,
    primary key (payment_id, kind)
);
create index idx_payment_history_customer on read_model.payment_history_entry (customer_id, occurred_at);
create index idx_payment_history_booking on read_model.payment_history_entry (booking_id, occurred_at);
