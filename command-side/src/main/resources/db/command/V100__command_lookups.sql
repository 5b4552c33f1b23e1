-- Command-side lookups: state that rules spanning aggregates need (unique e-mail, screen
-- overlaps, existence of referenced catalogue items). Written in the same transaction as the
-- events that change them; never read by the query side.

create table account_credential (
    account_id    varchar(255)             not null primary key,
    email         varchar(255)             not null,
    password_hash varchar(255)             not null,
    roles         varchar(255)             not null,
    registered_at timestamp with time zone not null,
    constraint uk_account_credential_email unique (email)
);

create table catalogue_lookup (
    item_id         varchar(64)     not null primary key,
    kind            varchar(16)     not null,
    parent_id       varchar(64),
    retired         boolean         not null default false,
    runtime_minutes integer,
    time_zone       varchar(64),
    layout_json     varchar(262144)
);

create table screen_slot (
    screening_id   varchar(64)              not null primary key,
    screen_id      varchar(64)              not null,
    starts_at      timestamp with time zone not null,
    ends_at        timestamp with time zone not null,
    occupied_until timestamp with time zone not null,
    cancelled      boolean                  not null default false
);
create index idx_screen_slot_screen on screen_slot (screen_id, starts_at);

-- db-scheduler's table: persistent deadlines (seat-hold expiry) survive restarts.
create table scheduled_tasks (
    task_name            varchar(255)             not null,
    task_instance        varchar(255)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index idx_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index idx_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index idx_scheduled_tasks_priority_execution on scheduled_tasks (priority desc, execution_time asc);
