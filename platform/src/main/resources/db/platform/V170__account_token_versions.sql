-- Token revocation (issue 12): each account's current token version, the sequence number of the
-- account's latest role or password change. A token whose "ver" claim is lower was issued before
-- that change and is refused by both apps. Platform infrastructure like Axon's tables, not a
-- read model: written by the command side in the same transaction as the account's event (its
-- subscribing account lookup), read by both apps on every authenticated request (by primary key).
-- Both apps list this location with their own history table, so the statement is idempotent.
-- A pure fold of the account events (max sequence number of RoleGranted, RoleRevoked and
-- PasswordChanged per account): it could be recomputed from the store, never needs a replay.
create table if not exists account_token_version (
    account_id varchar(255)             not null primary key,
    version    bigint                   not null,
    changed_at timestamp with time zone not null
);
