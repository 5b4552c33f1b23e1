-- The alert policy's own index of bookings (command-alert-policy): whose booking it is, for which
-- screening, its seats and state, as of the last booking event the policy handled. Written in the
-- policy's own transactions, with its token; never read by queries.
create table alert_booking (
    booking_id   varchar(64)  not null primary key,
    customer_id  varchar(64)  not null,
    screening_id varchar(64)  not null,
    seats        varchar(400) not null,
    status       varchar(24)  not null,
    version      bigint       not null
);
create index idx_alert_booking_screening on alert_booking (screening_id, status);
