-- One REFUND entry per refund, not per payment: a payment refunded in two steps showed only the
-- last step. The history is a read model, so it is rebuilt rather than patched: the table is
-- recreated with the refund's event id in its key, and the processor's token is dropped so that
-- it folds every payment event again from the start.
drop table read_model.payment_history_entry;

create table read_model.payment_history_entry (
    payment_id    varchar(64)              not null,
    kind          varchar(8)               not null,
    entry_id      varchar(64)              not null,
    booking_id    varchar(64)              not null,
    customer_id   varchar(64)              not null,
    amount_minor  bigint                   not null,
    currency      varchar(8)               not null,
    status        varchar(16)              not null,
    psp_reference varchar(200),
    reason        varchar(1000),
    occurred_at   timestamp with time zone not null,
    primary key (payment_id, kind, entry_id)
);
create index idx_payment_history_customer on read_model.payment_history_entry (customer_id, occurred_at);
create index idx_payment_history_booking on read_model.payment_history_entry (booking_id, occurred_at);

delete from token_entry where processor_name = 'query-payment-history';
