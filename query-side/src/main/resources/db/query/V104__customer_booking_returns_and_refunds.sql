-- "My bookings" showed a booking CONFIRMED, with every seat, after its seats were returned and
-- refunded, and never said that its screening was cancelled. The read model now keeps the seats
-- returned (at the prices they were bought at), every refund of the booking's payments (one row
-- per PaymentRefundedEvent, keyed by the event's identifier, so that a second delivery writes the
-- same row instead of adding to a total), the screening's cancellation, and the sequence number
-- of the last booking event folded (an older or repeated event is skipped).
--
-- It is a read model, so it is rebuilt rather than patched: its rows are dropped and the
-- processor's token removed, so that it folds every event again from the first one.
delete from read_model.customer_booking_seat;
delete from read_model.customer_booking;
delete from read_model.booking_screening;
delete from read_model.booking_cinema;
delete from read_model.booking_film;

alter table read_model.customer_booking add column version bigint not null;
alter table read_model.booking_screening add column cancelled boolean not null;

create table read_model.customer_booking_returned_seat (
    booking_id   varchar(64) not null,
    seat_index   integer     not null,
    seat_label   varchar(32) not null,
    seat_type    varchar(16) not null,
    amount_minor bigint      not null,
    currency     varchar(8)  not null,
    primary key (booking_id, seat_index)
);

create table read_model.customer_booking_refund (
    event_id     varchar(255) not null primary key,
    booking_id   varchar(64)  not null,
    amount_minor bigint       not null,
    currency     varchar(8)   not null
);
create index idx_customer_booking_refund_booking on read_model.customer_booking_refund (booking_id);

delete from token_entry where processor_name = 'query-customer-bookings';
