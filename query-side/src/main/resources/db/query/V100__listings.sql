-- Read models live in their own schema, written only by projections and rebuildable from events.
create schema if not exists read_model;

create table read_model.listing_location (
    location_id varchar(64)  not null primary key,
    name        varchar(100) not null,
    retired     boolean      not null default false
);

create table read_model.listing_cinema (
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
create index idx_listing_cinema_location on read_model.listing_cinema (location_id);

create table read_model.listing_screen (
    screen_id  varchar(64) not null primary key,
    cinema_id  varchar(64) not null,
    name       varchar(60) not null,
    format     varchar(16) not null,
    seat_count integer     not null,
    retired    boolean     not null default false
);
create index idx_listing_screen_cinema on read_model.listing_screen (cinema_id);

create table read_model.listing_film (
    film_id         varchar(64)   not null primary key,
    title           varchar(200)  not null,
    runtime_minutes integer       not null,
    age_rating      varchar(8)    not null,
    genres          varchar(200)  not null,
    release_date    date          not null,
    synopsis        varchar(4000),
    retired         boolean       not null default false
);

create table read_model.listing_screening (
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
create index idx_listing_screening_start on read_model.listing_screening (starts_at);
create index idx_listing_screening_cinema_day on read_model.listing_screening (cinema_id, local_date);
create index idx_listing_screening_film on read_model.listing_screening (film_id, starts_at);
create index idx_listing_screening_location_day on read_model.listing_screening (location_id, local_date);
