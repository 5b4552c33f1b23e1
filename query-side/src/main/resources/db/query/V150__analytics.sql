-- Analytics for analysts: three projections, each with its own tables (it never reads another
-- projection's), one row per fact keyed by what it is about, so that a second delivery rewrites
-- the row instead of adding to a total; reports group and sum the rows when asked.
--   query-analytics-sales      one row per booking (a sale once paid: sold_at, sale_day), with
--                              copies of the catalogue items it names and of screenings' film
--                              and cinema
--   query-analytics-occupancy  one row per screening (capacity, seats sold now, cancelled), the
--                              seats sold (to recount from), and catalogue copies
--   query-analytics-refunds    one row per refund in its latest state, which screening each
--                              booking is for, screenings' film and cinema, catalogue copies
-- Days are local days in the cinema's zone, found as the fact is folded.
--
-- Every table exists twice, in read_model and read_model_b, with the same definition: the two
-- slots a projection is rebuilt in without downtime (one answers while the other is rebuilt).
-- The second schema is created here too, so that this script also runs on its own.
create schema if not exists read_model_b;

-- Slot A

create table read_model.analytics_sales_item (
    kind        varchar(16)  not null,
    item_id     varchar(64)  not null,
    name        varchar(200) not null,
    location_id varchar(64),
    time_zone   varchar(64),
    version     bigint       not null,
    primary key (kind, item_id)
);

create table read_model.analytics_sales_screening (
    screening_id varchar(64) not null primary key,
    film_id      varchar(64) not null,
    cinema_id    varchar(64) not null
);

create table read_model.analytics_sale (
    booking_id   varchar(64)              not null primary key,
    screening_id varchar(64)              not null,
    film_id      varchar(64),
    cinema_id    varchar(64),
    location_id  varchar(64),
    seats        integer                  not null,
    amount_minor bigint                   not null,
    currency     varchar(8)               not null,
    sold_at      timestamp with time zone,
    sale_day     date,
    version      bigint                   not null
);
create index idx_analytics_sale_day on read_model.analytics_sale (sale_day);
create index idx_analytics_sale_at on read_model.analytics_sale (sold_at);
create index idx_analytics_sale_cinema on read_model.analytics_sale (cinema_id);

create table read_model.analytics_occupancy_item (
    kind        varchar(16)  not null,
    item_id     varchar(64)  not null,
    name        varchar(200) not null,
    location_id varchar(64),
    time_zone   varchar(64),
    version     bigint       not null,
    primary key (kind, item_id)
);

create table read_model.analytics_occupancy_screening (
    screening_id varchar(64)              not null primary key,
    film_id      varchar(64)              not null,
    cinema_id    varchar(64)              not null,
    location_id  varchar(64),
    starts_at    timestamp with time zone not null,
    start_day    date                     not null,
    capacity     integer                  not null,
    seats_sold   integer                  not null,
    cancelled    boolean                  not null,
    version      bigint                   not null
);
create index idx_analytics_occupancy_day on read_model.analytics_occupancy_screening (start_day);
create index idx_analytics_occupancy_start on read_model.analytics_occupancy_screening (starts_at);
create index idx_analytics_occupancy_cinema on read_model.analytics_occupancy_screening (cinema_id);

create table read_model.analytics_occupancy_seat (
    screening_id varchar(64) not null,
    seat         varchar(32) not null,
    booking_id   varchar(64) not null,
    primary key (screening_id, seat)
);

create table read_model.analytics_refunds_item (
    kind        varchar(16)  not null,
    item_id     varchar(64)  not null,
    name        varchar(200) not null,
    location_id varchar(64),
    time_zone   varchar(64),
    version     bigint       not null,
    primary key (kind, item_id)
);

create table read_model.analytics_refunds_screening (
    screening_id varchar(64) not null primary key,
    film_id      varchar(64) not null,
    cinema_id    varchar(64) not null
);

create table read_model.analytics_refunds_booking (
    booking_id   varchar(64) not null primary key,
    screening_id varchar(64) not null
);

create table read_model.analytics_refund (
    refund_id    varchar(128)             not null primary key,
    booking_id   varchar(64)              not null,
    film_id      varchar(64),
    cinema_id    varchar(64),
    location_id  varchar(64),
    status       varchar(16)              not null,
    seats        integer                  not null,
    amount_minor bigint                   not null,
    currency     varchar(8)               not null,
    refund_at    timestamp with time zone not null,
    refund_day   date                     not null,
    version      bigint                   not null
);
create index idx_analytics_refund_day on read_model.analytics_refund (refund_day);
create index idx_analytics_refund_at on read_model.analytics_refund (refund_at);
create index idx_analytics_refund_cinema on read_model.analytics_refund (cinema_id);

-- Slot B: the same tables

create table read_model_b.analytics_sales_item (
    kind        varchar(16)  not null,
    item_id     varchar(64)  not null,
    name        varchar(200) not null,
    location_id varchar(64),
    time_zone   varchar(64),
    version     bigint       not null,
    primary key (kind, item_id)
);

create table read_model_b.analytics_sales_screening (
    screening_id varchar(64) not null primary key,
    film_id      varchar(64) not null,
    cinema_id    varchar(64) not null
);

create table read_model_b.analytics_sale (
    booking_id   varchar(64)              not null primary key,
    screening_id varchar(64)              not null,
    film_id      varchar(64),
    cinema_id    varchar(64),
    location_id  varchar(64),
    seats        integer                  not null,
    amount_minor bigint                   not null,
    currency     varchar(8)               not null,
    sold_at      timestamp with time zone,
    sale_day     date,
    version      bigint                   not null
);
create index idx_analytics_sale_day on read_model_b.analytics_sale (sale_day);
create index idx_analytics_sale_at on read_model_b.analytics_sale (sold_at);
create index idx_analytics_sale_cinema on read_model_b.analytics_sale (cinema_id);

create table read_model_b.analytics_occupancy_item (
    kind        varchar(16)  not null,
    item_id     varchar(64)  not null,
    name        varchar(200) not null,
    location_id varchar(64),
    time_zone   varchar(64),
    version     bigint       not null,
    primary key (kind, item_id)
);

create table read_model_b.analytics_occupancy_screening (
    screening_id varchar(64)              not null primary key,
    film_id      varchar(64)              not null,
    cinema_id    varchar(64)              not null,
    location_id  varchar(64),
    starts_at    timestamp with time zone not null,
    start_day    date                     not null,
    capacity     integer                  not null,
    seats_sold   integer                  not null,
    cancelled    boolean                  not null,
    version      bigint                   not null
);
create index idx_analytics_occupancy_day on read_model_b.analytics_occupancy_screening (start_day);
create index idx_analytics_occupancy_start on read_model_b.analytics_occupancy_screening (starts_at);
create index idx_analytics_occupancy_cinema on read_model_b.analytics_occupancy_screening (cinema_id);

create table read_model_b.analytics_occupancy_seat (
    screening_id varchar(64) not null,
    seat         varchar(32) not null,
    booking_id   varchar(64) not null,
    primary key (screening_id, seat)
);

create table read_model_b.analytics_refunds_item (
    kind        varchar(16)  not null,
    item_id     varchar(64)  not null,
    name        varchar(200) not null,
    location_id varchar(64),
    time_zone   varchar(64),
    version     bigint       not null,
    primary key (kind, item_id)
);

create table read_model_b.analytics_refunds_screening (
    screening_id varchar(64) not null primary key,
    film_id      varchar(64) not null,
    cinema_id    varchar(64) not null
);

create table read_model_b.analytics_refunds_booking (
    booking_id   varchar(64) not null primary key,
    screening_id varchar(64) not null
);

create table read_model_b.analytics_refund (
    refund_id    varchar(128)             not null primary key,
    booking_id   varchar(64)              not null,
    film_id      varchar(64),
    cinema_id    varchar(64),
    location_id  varchar(64),
    status       varchar(16)              not null,
    seats        integer                  not null,
    amount_minor bigint                   not null,
    currency     varchar(8)               not null,
    refund_at    timestamp with time zone not null,
    refund_day   date                     not null,
    version      bigint                   not null
);
create index idx_analytics_refund_day on read_model_b.analytics_refund (refund_day);
create index idx_analytics_refund_at on read_model_b.analytics_refund (refund_at);
create index idx_analytics_refund_cinema on read_model_b.analytics_refund (cinema_id);
