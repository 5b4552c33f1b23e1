-- Audit checkpoints: the heads of the chained event streams (Booking, Payment, Refund), signed
-- with a key kept outside the database, so that a stream cut short after a checkpoint is noticed
-- and a chain recomputed by someone holding the key cannot pass for the one that was signed.
-- Kept outside the event table (and outside read_model: a checkpoint is not rebuilt from events,
-- it vouches for them). Each checkpoint holds the heads that moved since the one before it, each
-- head row signed on its own; the checkpoint row is signed over its counts and the signature of
-- the checkpoint before it.
create table audit_checkpoint (
    checkpoint_no      bigint                   not null primary key,
    created_at         timestamp with time zone not null,
    created_by         varchar(64)              not null,
    store_position     bigint,
    streams            bigint                   not null,
    events             bigint                   not null,
    changed_streams    bigint                   not null,
    previous_signature varchar(64),
    signature          varchar(64)              not null
);

create table audit_checkpoint_head (
    checkpoint_no   bigint                   not null,
    aggregate_id    varchar(255)             not null,
    aggregate_type  varchar(255)             not null,
    sequence_number bigint                   not null,
    link            varchar(64)              not null,
    event_at        timestamp with time zone not null,
    signature       varchar(64)              not null,
    primary key (checkpoint_no, aggregate_id)
);
create index idx_audit_checkpoint_head_stream on audit_checkpoint_head (aggregate_id, checkpoint_no);
