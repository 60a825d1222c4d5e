-- Rate limits: one row per caller and kind of request ('requests:<user>', 'writes:<user>'), shared
-- by every portal instance on this database. The generic cell rate algorithm (web.RateLimits) keeps
-- a single number per row, the theoretical arrival time in epoch milliseconds, and decides a write
-- in one statement; once that time has passed the caller has a full budget again, the row says no
-- more than a missing row would, and a job deletes it. Every spend updates its row, so pages keep
-- room for the new version next to the old one (HOT updates, no index on tat_ms).
create table rate_limit (
    id          text   primary key,
    tat_ms      bigint not null
) with (fillfactor = 70);

-- Bucket4j's serialized state, replaced by the table above; callers start with a full budget.
drop table rate_limit_bucket;
