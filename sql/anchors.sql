-- Anchors and the export for the offline verifier (issue 17 item 4,
-- 第三十条): bjxm.chain_anchor(), chain_anchor_text(), export_events(),
-- verify_events(anchors).  Duties and argument errors here; the tampering
-- cases (edit, full re-link, removed tail) in test/scripts/anchors.sh,
-- which also runs tools/bjxm-verify on the export.
\set SHOW_CONTEXT never
-- The shared log so far: every lane head anchored, every anchor verifies.
SELECT count(*) = (SELECT count(*) FROM bjxm.event_lanes WHERE last_seq > 0) AS one_per_lane,
       bool_and(length(hash) = 64) AS hex_hashes
  FROM bjxm.chain_anchor();
SELECT first_broken IS NULL AS intact, checked = (SELECT count(*) FROM bjxm.events) AS all_checked
  FROM bjxm.verify_events(bjxm.chain_anchor_text());
-- One export line per event and one per lane head, in the documented form.
SELECT count(*) FILTER (WHERE l LIKE E'bjxm-export-v1\t%') = (SELECT count(*) FROM bjxm.events) AS event_lines,
       count(*) FILTER (WHERE l LIKE E'bjxm-head-v1\t%') = (SELECT count(*) FROM bjxm.event_lanes WHERE last_seq > 0) AS head_lines,
       bool_and(l NOT LIKE E'%\n%') AS one_line_each
  FROM bjxm.export_events() l;
SELECT count(*) = (SELECT count(*) FROM bjxm.events WHERE event_id > 5) AS after_5
  FROM bjxm.export_events(5) l WHERE l LIKE E'bjxm-export-v1\t%';
-- The anchor text: a line per lane, the horizon line, then the SM3 sum line.
SELECT split_part(l, E'\t', 1) AS tag, count(*) AS lines
  FROM regexp_split_to_table(bjxm.chain_anchor_text(), E'\n') l
  WHERE l NOT LIKE E'bjxm-anchor-v1\t%' GROUP BY 1 ORDER BY 1;
-- The horizon: one value on every row, the same in the text; with no
-- writer in flight, the last event id + 1.
SELECT count(DISTINCT horizon) = 1 AS one_horizon,
       min(horizon) = (SELECT max(event_id) + 1 FROM bjxm.events) AS last_id_plus_1,
       min(horizon)::text = (SELECT split_part(l, E'\t', 2) FROM regexp_split_to_table(bjxm.chain_anchor_text(), E'\n') l
                               WHERE l LIKE E'bjxm-anchor-horizon-v1\t%') AS text_agrees
  FROM bjxm.chain_anchor();

-- Duties: the auditor's or bigdata's, as for verify_events.
SET ROLE dx_unit_a;
SELECT * FROM bjxm.chain_anchor();
\echo :SQLSTATE
SELECT bjxm.chain_anchor_text();
\echo :SQLSTATE
SELECT bjxm.export_events();
\echo :SQLSTATE
SELECT * FROM bjxm.verify_events('x');
\echo :SQLSTATE
SET ROLE dx_auditor;
SELECT count(*) > 0 AS auditor_anchors FROM bjxm.chain_anchor();
SELECT count(*) > 0 AS auditor_exports FROM bjxm.export_events();
SELECT first_broken IS NULL AS auditor_verifies FROM bjxm.verify_events(bjxm.chain_anchor_text());
RESET ROLE;

-- Argument errors.
SELECT bjxm.export_events(NULL);
\echo :SQLSTATE
SELECT * FROM bjxm.verify_events(NULL);
\echo :SQLSTATE
SELECT * FROM bjxm.verify_events('');
\echo :SQLSTATE
SELECT * FROM bjxm.verify_events('not anchors');
\echo :SQLSTATE
-- an altered digit fails the sum line: refused, not trusted
\set VERBOSITY terse
SELECT * FROM bjxm.verify_events(regexp_replace(bjxm.chain_anchor_text(), E'\t0\t', E'\t9999\t'));
\set VERBOSITY default
\echo :SQLSTATE
-- the horizon line is under the sum: a raised horizon is refused
\set VERBOSITY terse
SELECT * FROM bjxm.verify_events(regexp_replace(bjxm.chain_anchor_text(), E'(bjxm-anchor-horizon-v1\t)([0-9]+)', E'\\1\\29'));
\set VERBOSITY default
\echo :SQLSTATE
-- the text cut before its sum line
SELECT * FROM bjxm.verify_events(split_part(bjxm.chain_anchor_text(), E'\n', 1) || E'\n');
\echo :SQLSTATE
