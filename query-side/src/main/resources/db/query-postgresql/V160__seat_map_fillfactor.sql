-- Seats change state many times (held, sold, released, held again) and a replay rewrites them in
-- large batches. With full pages every such update writes a new row version on another page and
-- new entries in both of the table's indexes; with room left on each page PostgreSQL keeps the
-- new version on the same page and the indexes untouched (a HOT update: neither state nor holder
-- is indexed). Measured in docs/performance.md. Both slots' tables; applies to pages written from
-- now on (a rebuild rewrites them all).
alter table read_model.seat_map_cell set (fillfactor = 70);
alter table read_model.seat_map set (fillfactor = 70);
alter table read_model_b.seat_map_cell set (fillfactor = 70);
alter table read_model_b.seat_map set (fillfactor = 70);
