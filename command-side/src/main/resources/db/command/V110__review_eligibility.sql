-- Who may review a film: a customer with a confirmed booking for a screening of it that has
-- started. The booking index learns each booking's customer, the screen slots each screening's
-- film; both are written by subscribing handlers in the booking's or screening's own transaction.
-- Rows written before this migration have neither: their bookings do not make their customers
-- reviewers (see docs/architecture.md, "Reviews").
alter table booking_index add column customer_id varchar(64);
create index idx_booking_index_customer on booking_index (customer_id);
alter table screen_slot add column film_id varchar(64);
