-- The cinema's rule against stranding single seats, needed when a screening's seats are held.
alter table catalogue_lookup add column prevent_stranded_seats boolean default true not null;
