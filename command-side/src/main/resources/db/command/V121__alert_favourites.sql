-- The alert policy's own index of favourites (command-alert-policy): which customer made which
-- film, cinema or location a favourite, as of the last favourites event the policy handled. Read
-- when a screening is scheduled, to tell the customers whose favourite film it is at a favourite
-- cinema or in a favourite location. Written in the policy's own transactions; never queried.
create table alert_favourite (
    favourite_key varchar(160) not null primary key,
    customer_id   varchar(64)  not null,
    kind          varchar(16)  not null,
    item_id       varchar(64)  not null
);
create index idx_alert_favourite_item on alert_favourite (kind, item_id);
