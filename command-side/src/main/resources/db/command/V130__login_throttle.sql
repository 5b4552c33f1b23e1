-- Login throttling: attempts per account (e-mail) and per client address in the current window,
-- and until when each is locked. In the database rather than in memory so that every command-side
-- process counts the same attempts. Written by the login endpoint only; never queried elsewhere.
create table login_throttle (
    throttle_key   varchar(300)             not null primary key,
    attempts       integer                  not null,
    window_ends_at timestamp with time zone not null,
    locked_until   timestamp with time zone,
    -- when the row means nothing any more (its window and its lock are both over): purged then
    forget_after   timestamp with time zone not null
);
create index idx_login_throttle_forget on login_throttle (forget_after);
