-- Reviews of films (query-film-reviews) and customers' favourites (query-favourites). Each
-- projection owns its tables; version is the sequence number, in its aggregate's stream, of the
-- last event folded into a row: an event at or below it was folded already and is skipped.

-- One row per customer and film (the review aggregate), kept when the review is deleted (posted
-- false, its text dropped) so that a staff decision to hide it survives a rewrite.
create table read_model.film_review (
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
create index idx_film_review_film on read_model.film_review (film_id, posted, hidden, written_at);

-- The name each account registered with, as reviews show their author (never the e-mail).
create table read_model.film_reviewer (
    account_id   varchar(64)  not null primary key,
    display_name varchar(100) not null
);

-- One row per customer and favourite item, kept when removed (present false).
create table read_model.customer_favourite (
    favourite_key varchar(200)             not null primary key,
    customer_id   varchar(64)              not null,
    kind          varchar(16)              not null,
    item_id       varchar(64)              not null,
    present       boolean                  not null,
    added_at      timestamp with time zone not null,
    version       bigint                   not null
);
create index idx_customer_favourite_customer on read_model.customer_favourite (customer_id, kind);

-- The names of the films, cinemas and locations favourites are shown with, copied from catalogue
-- events by the favourites projection itself.
create table read_model.favourite_item (
    item_key varchar(100) not null primary key,
    kind     varchar(16)  not null,
    item_id  varchar(64)  not null,
    name     varchar(200) not null,
    retired  boolean      not null default false
);
