-- Seat maps (query-seat-maps), the seats taken in listings (query-catalogue-listings) and each
-- customer's bookings (query-customer-bookings). Every projection owns its tables.

-- One seat map per screening. version is the global position of the last event folded into it.
create table read_model.seat_map (
    screening_id varchar(64)   not null primary key,
    status       varchar(16)   not null,
    prices_json  varchar(2000) not null,
    version      bigint        not null
);

-- Every cell of the screening's layout as it was scheduled, gaps included, in layout order.
-- Gaps have no seat label, type or state. holder_booking_id is kept only to release a hold
-- safely; it is never part of a seat map.
create table read_model.seat_map_cell (
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
create index idx_seat_map_cell_seat on read_model.seat_map_cell (screening_id, seat_label);

-- The seats of a screening held (later: sold) by some booking; free seats in listings are the
-- screening's total less these, recounted after every change.
create table read_model.listing_taken_seat (
    screening_id varchar(64) not null,
    seat_label   varchar(32) not null,
    booking_id   varchar(64) not null,
    primary key (screening_id, seat_label)
);

-- The catalogue facts a booking is shown with, copied from catalogue events by the bookings
-- projection itself (it never reads the listing tables).
create table read_model.booking_film (
    film_id varchar(64)  not null primary key,
    title   varchar(200) not null
);

create table read_model.booking_cinema (
    cinema_id varchar(64)  not null primary key,
    name      varchar(100) not null,
    time_zone varchar(64)  not null
);

create table read_model.booking_screening (
    screening_id varchar(64)              not null primary key,
    film_id      varchar(64)              not null,
    cinema_id    varchar(64)              not null,
    starts_at    timestamp with time zone not null
);

create table read_model.customer_booking (
    booking_id           varchar(64)              not null primary key,
    customer_id          varchar(64)              not null,
    screening_id         varchar(64)              not null,
    total_amount_minor   bigint                   not null,
    total_currency       varchar(8)               not null,
    status               varchar(20)              not null,
    expires_at           timestamp with time zone,
    placed_at            timestamp with time zone not null
);
create index idx_customer_booking_customer on read_model.customer_booking (customer_id, placed_at);

create table read_model.customer_booking_seat (
    booking_id   varchar(64) not null,
    seat_index   integer     not null,
    seat_label   varchar(32) not null,
    seat_type    varchar(16) not null,
    amount_minor bigint      not null,
    currency     varchar(8)  not null,
    primary key (booking_id, seat_index)
);
