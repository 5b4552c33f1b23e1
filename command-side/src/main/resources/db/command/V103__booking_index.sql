-- Bookings per screening, for settling every booking of a cancelled screening.
create table booking_index (
    booking_id   varchar(64) not null primary key,
    screening_id varchar(64) not null,
    status       varchar(24) not null
);
create index idx_booking_index_screening on booking_index (screening_id, status);
