-- bjxm 0.1.0 → 0.2.0: the event log becomes an SM3 hash chain (tamper
-- evidence, GB/T 32905-2016) and bjxm.verify_events() reports its first
-- broken link.  Events recorded before the upgrade are hashed in id order.
\echo Use "ALTER EXTENSION bjxm UPDATE" to load this file. \quit

ALTER TABLE bjxm.event_chain ADD COLUMN last_hash bytea;
COMMENT ON COLUMN bjxm.event_chain.last_hash IS '最后事件的 SM3 哈希 (SM3 hash of the last event)';
ALTER TABLE bjxm.events ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;
COMMENT ON COLUMN bjxm.events.prev_hash IS '上一事件的 SM3 哈希, 首个为全零 (SM3 hash of the previous event; zeros for the first)';
COMMENT ON COLUMN bjxm.events.hash IS 'SM3(上一哈希 ‖ 本事件规范化内容), 防篡改 (SM3 of the previous hash and this event: tamper evidence, GB/T 32905-2016)';

-- Hash what is there, once: the append-only trigger is off only inside
-- this script, which runs in one transaction.
CREATE FUNCTION bjxm._upgrade_chain() RETURNS bigint
    AS 'MODULE_PATHNAME', 'bjxm_upgrade_chain' LANGUAGE C VOLATILE;
ALTER TABLE bjxm.events DISABLE TRIGGER events_append_only;
SELECT bjxm._upgrade_chain();
ALTER TABLE bjxm.events ENABLE TRIGGER events_append_only;
DROP FUNCTION bjxm._upgrade_chain();
ALTER TABLE bjxm.events ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;

CREATE FUNCTION bjxm.verify_events(OUT checked bigint, OUT first_broken bigint, OUT detail text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'bjxm_verify_events' LANGUAGE C VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION bjxm.verify_events() IS '校验事件日志的 SM3 哈希链, 报告第一个断点; 审计机关或大数据部门 (verify the event log''s SM3 chain and report the first broken link; auditor or bigdata)';
REVOKE ALL ON FUNCTION bjxm.verify_events() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjxm.verify_events() TO PUBLIC;
