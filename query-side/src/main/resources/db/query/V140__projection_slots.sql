-- Blue/green slots for the read models (docs/architecture.md, "Rebuilding projections without
-- downtime"). Every read-model table has a twin in schema read_model_b: slot A is schema
-- read_model (the tables as they were), slot B is read_model_b. A projection's queries read the
-- slot named active in projection_slot; a rebuild empties and replays the other slot only.
-- The twins are made by replaying the read-model migrations V100-V120 against read_model_b (their
-- data and token statements left out: the B tables start empty, unbuilt). From here on, a
-- migration that changes a read-model table changes it in both schemas.
create schema if not exists read_model_b;

-- as in V100__listings.sql

create table read_model_b.listing_location (
    location_id varchar(64)  not null primary key,
    name        varchar(100) not null,
    retired     boolean      not null default false
);

create table read_model_b.listing_cinema (
    cinema_id   varchar(64)  not null primary key,
    location_id varchar(64)  not null,
    name        varchar(100) not null,
    street      varchar(200) not null,
    city        varchar(100) not null,
    postal_code varchar(20)  not null,
    country     varchar(2)   not null,
    time_zone   varchar(64)  not null,
    retired     boolean      not null default false
);
create index idx_listing_cinema_location on read_model_b.listing_cinema (location_id);

create table read_model_b.listing_screen (
    screen_id  varchar(64) not null primary key,
    cinema_id  varchar(64) not null,
    name       varchar(60) not null,
    format     varchar(16) not null,
    seat_count integer     not null,
    retired    boolean     not null default false
);
create index idx_listing_screen_cinema on read_model_b.listing_screen (cinema_id);

create table read_model_b.listing_film (
    film_id         varchar(64)   not null primary key,
    title           varchar(200)  not null,
    runtime_minutes integer       not null,
    age_rating      varchar(8)    not null,
    genres          varchar(200)  not null,
    release_date    date          not null,
    synopsis        varchar(4000),
    retired         boolean       not null default false
);

create table read_model_b.listing_screening (
    screening_id varchar(64)              not null primary key,
    film_id      varchar(64)              not null,
    film_title   varchar(200)             not null,
    cinema_id    varchar(64)              not null,
    cinema_name  varchar(100)             not null,
    location_id  varchar(64)              not null,
    screen_id    varchar(64)              not null,
    screen_name  varchar(60)              not null,
    format       varchar(16)              not null,
    starts_at    timestamp with time zone not null,
    ends_at      timestamp with time zone not null,
    time_zone    varchar(64)              not null,
    local_date   date                     not null,
    local_start  varchar(32)              not null,
    prices_json  varchar(2000)            not null,
    status       varchar(16)              not null,
    total_seats  integer                  not null,
    free_seats   integer                  not null
);
create index idx_listing_screening_start on read_model_b.listing_screening (starts_at);
create index idx_listing_screening_cinema_day on read_model_b.listing_screening (cinema_id, local_date);
create index idx_listing_screening_film on read_model_b.listing_screening (film_id, starts_at);
create index idx_listing_screening_location_day on read_model_b.listing_screening (location_id, local_date);

-- as in V101__seat_maps_and_bookings.sql

create table read_model_b.seat_map (
    screening_id varchar(64)   not null primary key,
    status       varchar(16)   not null,
    prices_json  varchar(2000) not null,
    version      bigint        not null
);

create table read_model_b.seat_map_cell (
    screening_id      varchar(64) not null,
    row_index         integer     not null,
    cell_index        integer     not null,
    row_label         varchar(16) not null,
    seat_number       varchar(16),
    seat_label        varchar(32),
    seat_type         varchar(16),
    state             varchar(8),
    holder_booking_id varchar(64),
    primary key (screening_id, row_index, cell_index)
);
create index idx_seat_map_cell_seat on read_model_b.seat_map_cell (screening_id, seat_label);

create table read_model_b.listing_taken_seat (
    screening_id varchar(64) not null,
    seat_label   varchar(32) not null,
    booking_id   varchar(64) not null,
    primary key (screening_id, seat_label)
);

create table read_model_b.booking_film (
    film_id varchar(64)  not null primary key,
    title   varchar(200) not null
);

create table read_model_b.booking_cinema (
    cinema_id varchar(64)  not null primary key,
    name      varchar(100) not null,
    time_zone varchar(64)  not null
);

create table read_model_b.booking_screening (
    screening_id varchar(64)              not null primary key,
    film_id      varchar(64)              not null,
    cinema_id    varchar(64)              not null,
    starts_at    timestamp with time zone not null
);

create table read_model_b.customer_booking (
    booking_id           varchar(64)              not null primary key,
    customer_id          varchar(64)              not null,
    screening_id         varchar(64)              not null,
    total_amount_minor   bigint                   not null,
    total_currency       varchar(8)               not null,
    status               varchar(20)              not null,
    expires_at           timestamp with time zone,
    placed_at            timestamp with time zone not null
);
create index idx_customer_booking_customer on read_model_b.customer_booking (customer_id, placed_at);

create table read_model_b.customer_booking_seat (
    booking_id   varchar(64) not null,
    seat_index   integer     not null,
    seat_label   varchar(32) not null,
    seat_type    varchar(16) not null,
    amount_minor bigint      not null,
    currency     varchar(8)  not null,
    primary key (booking_id, seat_index)
);

-- as in V102__payment_history.sql
create table read_model_b.payment_history_entry (
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
create index idx_payment_history_customer on read_model_b.payment_history_entry (customer_id, occurred_at);
create index idx_payment_history_booking on read_model_b.payment_history_entry (booking_id, occurred_at);

-- as in V103__payment_history_entry_per_refund.sql
drop table read_model_b.payment_history_entry;

create table read_model_b.payment_history_entry (
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
create index idx_payment_history_customer on read_model_b.payment_history_entry (customer_id, occurred_at);
create index idx_payment_history_booking on read_model_b.payment_history_entry (booking_id, occurred_at);


-- as in V104__customer_booking_returns_and_refunds.sql

alter table read_model_b.customer_booking add column version bigint not null;
alter table read_model_b.booking_screening add column cancelled boolean not null;

create table read_model_b.customer_booking_returned_seat (
    booking_id   varchar(64) not null,
    seat_index   integer     not null,
    seat_label   varchar(32) not null,
    seat_type    varchar(16) not null,
    amount_minor bigint      not null,
    currency     varchar(8)  not null,
    primary key (booking_id, seat_index)
);

create table read_model_b.customer_booking_refund (
    event_id     varchar(255) not null primary key,
    booking_id   varchar(64)  not null,
    amount_minor bigint       not null,
    currency     varchar(8)   not null
);
create index idx_customer_booking_refund_booking on read_model_b.customer_booking_refund (booking_id);


-- as in V110__reviews_and_favourites.sql

create table read_model_b.film_review (
    review_id   varchar(64)              not null primary key,
    film_id     varchar(64)              not null,
    customer_id varchar(64)              not null,
    rating      integer                  not null,
    review_text varchar(2000),
    written_at  timestamp with time zone not null,
    posted      boolean                  not null,
    hidden      boolean                  not null,
    version     bigint                   not null
);
create index idx_film_review_film on read_model_b.film_review (film_id, posted, hidden, written_at);

create table read_model_b.film_reviewer (
    account_id   varchar(64)  not null primary key,
    display_name varchar(100) not null
);

create table read_model_b.customer_favourite (
    favourite_key varchar(200)             not null primary key,
    customer_id   varchar(64)              not null,
    kind          varchar(16)              not null,
    item_id       varchar(64)              not null,
    present       boolean                  not null,
    added_at      timestamp with time zone not null,
    version       bigint                   not null
);
create index idx_customer_favourite_customer on read_model_b.customer_favourite (customer_id, kind);

create table read_model_b.favourite_item (
    item_key varchar(100) not null primary key,
    kind     varchar(16)  not null,
    item_id  varchar(64)  not null,
    name     varchar(200) not null,
    retired  boolean      not null default false
);

-- as in V120__alerts.sql
create table read_model_b.alert (
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
create index idx_alert_customer on read_model_b.alert (customer_id, occurred_at);

create table read_model_b.alert_film (
    film_id varchar(64)  not null primary key,
    title   varchar(200) not null
);

create table read_model_b.alert_cinema (
    cinema_id varchar(64)  not null primary key,
    name      varchar(100) not null,
    time_zone varchar(64)  not null
);

create table read_model_b.alert_screening (
    screening_id        varchar(64)              not null primary key,
    film_id             varchar(64)              not null,
    cinema_id           varchar(64)              not null,
    starts_at           timestamp with time zone not null,
    cancellation_reason varchar(500)
);

-- Which slot each rebuildable projection answers from, and what each slot holds:
-- LIVE (its processor follows the events), PAUSED (stopped for a consistent cut), RESETTING
-- (stopped to be emptied), EMPTY (never built). One row per projection, made when first needed.
create table projection_slot (
    projection             varchar(64)              not null primary key,
    active_slot            varchar(1)               not null,
    slot_a_state           varchar(16)              not null,
    slot_b_state           varchar(16)              not null,
    last_verified_checksum varchar(64),
    last_verified_at       timestamp with time zone,
    switched_at            timestamp with time zone,
    version                bigint                   not null
);

-- One row per rebuild, kept as its record; written by the node that started it, read by any.
create table projection_rebuild (
    rebuild_id        varchar(64)              not null primary key,
    projection        varchar(64)              not null,
    target_slot       varchar(1)               not null,
    phase             varchar(16)              not null,
    step              varchar(32)              not null,
    auto_switch       boolean                  not null,
    leader            varchar(100)             not null,
    started_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    head_at_start     bigint                   not null,
    head              bigint                   not null,
    rebuilt_position  bigint,
    active_position   bigint,
    events_per_second double precision         not null,
    percent           double precision         not null,
    seconds_left      bigint,
    cut               bigint,
    checksum_active   varchar(64),
    checksum_rebuilt  varchar(64),
    differing_buckets varchar(8000),
    error             varchar(2000)
);
create index idx_projection_rebuild_projection on projection_rebuild (projection, started_at);
