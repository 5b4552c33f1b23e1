-- Customers' alerts (query-alerts): one row per AlertRaisedEvent, read once its AlertReadEvent is
-- folded, and the catalogue facts alert texts are written from, copied from catalogue events by
-- this projection itself (it never reads another projection's tables). Texts are written when
-- read, in the cinema's zone, so only facts are stored.
create table read_model.alert (
    alert_id     varchar(64)              not null primary key,
    customer_id  varchar(64)              not null,
    alert_type   varchar(32)              not null,
    occurred_at  timestamp with time zone not null,
    read_at      timestamp with time zone,
    booking_id   varchar(64),
    screening_id varchar(64),
    film_id      varchar(64),
    payment_id   varchar(64),
    refund_id    varchar(128),
    amount_minor bigint,
    currency     varchar(8),
    seats        varchar(400)             not null,
    expires_at   timestamp with time zone,
    starts_at    timestamp with time zone,
    retry_at     timestamp with time zone,
    reason       varchar(200)
);
create index idx_alert_customer on read_model.alert (customer_id, occurred_at);

create table read_model.alert_film (
    film_id varchar(64)  not null primary key,
    title   varchar(200) not null
);

create table read_model.alert_cinema (
    cinema_id varchar(64)  not null primary key,
    name      varchar(100) not null,
    time_zone varchar(64)  not null
);

create table read_model.alert_screening (
    screening_id        varchar(64)              not null primary key,
    film_id             varchar(64)              not null,
    cinema_id           varchar(64)              not null,
    starts_at           timestamp with time zone not null,
    cancellation_reason varchar(500)
);
