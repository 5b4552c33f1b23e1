-- Idempotency keys of payment requests: which payment a customer's key stands for.
create table payment_request (
    payment_id      varchar(64)              not null primary key,
    customer_id     varchar(64)              not null,
    idempotency_key varchar(100)             not null,
    fingerprint     varchar(64)              not null,
    created_at      timestamp with time zone not null,
    constraint uk_payment_request_key unique (customer_id, idempotency_key)
);
