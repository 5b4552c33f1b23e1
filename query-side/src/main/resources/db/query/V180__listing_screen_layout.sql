-- The listings keep each screen's seat layout (the staff's layout editor and GET /api/screens/{id}
-- read it), as JSON in the shape the catalogue commands take it. Both slots (V140). Screens folded
-- before this migration have no layout (null) until the listings are rebuilt: an analyst's rebuild
-- (POST /api/ops/projections/listings/rebuilds) replays their events into the other slot without
-- downtime. Up to 30 rows of 50 cells (the command side's limit) fit with room to spare.
alter table read_model.listing_screen add column layout_json varchar(262144);
alter table read_model_b.listing_screen add column layout_json varchar(262144);
