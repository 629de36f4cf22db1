-- Red team of the issue 17 event log (第三十条): a superuser in
-- session_replication_role = replica slipping an event past
-- bjxm.verify_events().  Everything runs in one transaction that is rolled
-- back.  Found and fixed:
--  (1) an event with event_id 0 read as "nothing broken" (first_broken 0
--      was the walk's sentinel): appended to the end of the last lane with
--      any hash and the head left alone, verify_events() passed, and
--      export_events() (after 0) left it out, so bjxm-verify passed too;
--      now a CHECK refuses ids <= 0 and verify_events reports one;
--  (2) within a lane ids rise with lane_seq (the lane lock is taken before
--      the id): an event appended with a lower id (placed in the past of
--      the order of record) is reported as such;
--  (3) a lane head's last_event_id (events_since's horizon) edited was not
--      noticed by verify_events (bjxm-verify did check it).
SET client_min_messages = warning;
\set VERBOSITY terse
BEGIN;
-- a gap id below a real event of lane 0 (register_party has no unit)
SELECT nextval('bjxm.event_ids') AS gap \gset
SELECT bjxm.register_party('RED17-V', '红队测试服务单位', 'vendor', '12520500MX0000017D') > 0 AS registered;
SELECT first_broken IS NULL AS verifies FROM bjxm.verify_events();
SET LOCAL session_replication_role = replica;
SELECT lane AS l, last_seq AS s, last_hash AS h FROM bjxm.event_lanes WHERE last_seq > 0 ORDER BY lane DESC LIMIT 1 \gset

-- (1) id 0: refused by the CHECK, even in replica mode
SAVEPOINT s;
INSERT INTO bjxm.events (event_id, project_id, unit_id, action, actor, actor_is_superuser, at, effective_date,
                         rulebook, prev_hash, hash, lane, lane_seq)
VALUES (0, NULL, NULL, 'record_disbursement', 'postgres', true, now(), current_date, 'bjxm',
        :'h', '\x00'::bytea, :l, :s + 1);
ROLLBACK TO s;
-- with the CHECK dropped (deliberate DDL): reported, not read as "nothing broken"
SAVEPOINT s;
ALTER TABLE bjxm.events DROP CONSTRAINT events_event_id_positive;
INSERT INTO bjxm.events (event_id, project_id, unit_id, action, actor, actor_is_superuser, at, effective_date,
                         rulebook, prev_hash, hash, lane, lane_seq)
VALUES (0, NULL, NULL, 'record_disbursement', 'postgres', true, now(), current_date, 'bjxm',
        :'h', '\x00'::bytea, :l, :s + 1);
SELECT first_broken, detail LIKE '%has event_id 0: ids start at 1%' AS names_id_0 FROM bjxm.verify_events();
ROLLBACK TO s;

-- (2) the gap id appended to lane 0 after the register_party event above it
SELECT last_seq AS s0, last_hash AS h0 FROM bjxm.event_lanes WHERE lane = 0 \gset
SAVEPOINT s;
INSERT INTO bjxm.events (event_id, project_id, unit_id, action, actor, actor_is_superuser, at, effective_date,
                         rulebook, prev_hash, hash, lane, lane_seq)
VALUES (:gap, NULL, NULL, 'register_party', 'postgres', true, now(), current_date, 'bjxm',
        :'h0', '\x00'::bytea, 0, :s0 + 1);
UPDATE bjxm.event_lanes SET last_seq = :s0 + 1 WHERE lane = 0;
SELECT first_broken = :gap AS at_the_gap_id, detail LIKE '%within a lane ids rise with lane_seq%' AS says_why
  FROM bjxm.verify_events();
ROLLBACK TO s;

-- (3) a head's last_event_id moved
SAVEPOINT s;
UPDATE bjxm.event_lanes SET last_event_id = last_event_id + 1000 WHERE lane = 0;
SELECT first_broken IS NOT NULL AS broken, detail LIKE '%names last event_id%the head was altered%' AS says_why
  FROM bjxm.verify_events();
ROLLBACK TO s;
SELECT first_broken IS NULL AS verifies FROM bjxm.verify_events();
ROLLBACK;

-- (4) a reader inside a transaction that recorded events is not shown its
-- own uncommitted events (a rollback would have shown it events that never
-- were); after the commit, every one.
BEGIN;
SELECT bjxm.register_party('R17-OWN', '自身事务机构', 'reviewer') > 0 AS recorded;
SELECT count(*) FILTER (WHERE details->>'code' = 'R17-OWN') AS own_shown FROM bjxm.events_since(0, 10000);
ROLLBACK;
SELECT count(*) FILTER (WHERE details->>'code' = 'R17-OWN') AS after_rollback FROM bjxm.events_since(0, 10000);
BEGIN;
SELECT bjxm.register_party('R17-OWN2', '自身事务机构二', 'reviewer') > 0 AS recorded;
SELECT count(*) FILTER (WHERE details->>'code' = 'R17-OWN2') AS own_shown FROM bjxm.events_since(0, 10000);
COMMIT;
SELECT count(*) FILTER (WHERE details->>'code' = 'R17-OWN2') AS after_commit FROM bjxm.events_since(0, 10000);
