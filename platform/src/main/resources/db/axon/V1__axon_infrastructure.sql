-- Axon's own tables: event store, snapshots, tracking tokens, sagas, dead letters.
-- Both apps list this location with their own history table, so every statement is idempotent:
-- whichever app starts first creates them, the other finds them.
-- Blobs are bytea (never OID large objects); the global index sequence steps by 1 (see orm.xml).

create sequence if not exists domain_event_entry_seq start with 1 increment by 1;
create sequence if not exists association_value_entry_seq start with 1 increment by 50;

create table if not exists domain_event_entry (
    global_index         bigint       not null primary key,
    event_identifier     varchar(255) not null unique,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    -- The guard against two writers appending the same event number to one aggregate.
    constraint uk_domain_event_aggregate_sequence unique (aggregate_identifier, sequence_number)
);

create table if not exists snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    primary key (sequence_number, aggregate_identifier, type)
);

create table if not exists token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255) not null,
    owner          varchar(255),
    primary key (segment, processor_name)
);

create table if not exists saga_entry (
    saga_id         varchar(255) not null primary key,
    saga_type       varchar(255),
    revision        varchar(255),
    serialized_saga bytea
);

create table if not exists association_value_entry (
    id                bigint       not null primary key,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255)
);
create index if not exists idx_association_value_lookup
    on association_value_entry (saga_type, association_key, association_value);
create index if not exists idx_association_value_saga on association_value_entry (saga_id, saga_type);

create table if not exists dead_letter_entry (
    dead_letter_id       varchar(255)             not null primary key,
    processing_group     varchar(255)             not null,
    sequence_identifier  varchar(255)             not null,
    sequence_index       bigint                   not null,
    message_type         varchar(255)             not null,
    event_identifier     varchar(255)             not null,
    time_stamp           varchar(255)             not null,
    payload_type         varchar(255)             not null,
    payload_revision     varchar(255),
    payload              bytea                    not null,
    meta_data            bytea,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          timestamp with time zone not null,
    last_touched         timestamp with time zone,
    processing_started   timestamp with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    constraint uk_dead_letter_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index if not exists idx_dead_letter_group on dead_letter_entry (processing_group);
create index if not exists idx_dead_letter_sequence on dead_letter_entry (processing_group, sequence_identifier);
