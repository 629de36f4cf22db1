#!/usr/bin/python3
"""A bjxm client in Python (psycopg 3, Debian's python3-psycopg).

It logs in as the application's NOINHERIT login, acts for a person with
SET ROLE on every step, walks one project through several gates, shows how
a refusal is caught by SQLSTATE (BJ011, BJ031) with its Chinese message,
prints the bjxm_events notifications it receives, and finally catches up
with bjxm.events_since.  See clients/README.md.

    bjxm_app.py DSN UNIT     e.g. "host=/tmp/h15 port=5432 dbname=bjxm user=app" 11520500PY0000001M

Roles (the fixture in test/scripts/clients.sh): cl_unit, cl_bigdata,
cl_reviewer, cl_gov, cl_finance; party CL-R is the reviewer.
"""
import json
import queue
import sys
import threading

import psycopg
from psycopg import sql as pgsql

sys.stdout.reconfigure(encoding="utf-8", line_buffering=True)
DSN, UNIT = sys.argv[1], sys.argv[2]

# One connection does the work.  autocommit: every call is its own
# transaction, so its NOTIFY is sent when the call returns, and a refused
# call leaves the session usable.
conn = psycopg.connect(DSN, autocommit=True)
conn.add_notice_handler(lambda d: print("  notice:", d.message_primary))

# A second connection listens.  psycopg 3.1's notifies() blocks, so it runs
# in a thread that hands every payload to the main thread through a queue;
# a NOTIFY on a private channel tells it to stop.
listener = psycopg.connect(DSN, autocommit=True)
listener.execute("LISTEN bjxm_events")
listener.execute("LISTEN bjxm_app_stop")
inbox = queue.Queue()


def listen():
    for n in listener.notifies():
        if n.channel == "bjxm_app_stop":
            break
        inbox.put(n.payload)


listening = threading.Thread(target=listen, daemon=True)
listening.start()
notified = []  # event ids, in the order received


def show_notifications():
    """Print what arrived for the calls just committed (wait up to 5 s for the first)."""
    timeout = 5.0
    while True:
        try:
            payload = inbox.get(timeout=timeout)
        except queue.Empty:
            break
        print("notification:", payload)  # {"event_id", "project_id", "action", "from", "to"}
        notified.append(json.loads(payload)["event_id"])
        timeout = 0.3


def step(role, sql, *args):
    """SET ROLE to the person, then call bjxm; returns the first column."""
    conn.execute(pgsql.SQL("SET ROLE {}").format(pgsql.Identifier(role)))
    print(f"[{role}]", sql % tuple(f"'{a}'" if isinstance(a, str) else a for a in args))
    row = conn.execute(sql, args).fetchone()
    return row[0] if row else None


def refused(expected, role, sql, *args):
    """The call must fail with SQLSTATE `expected`; print code and message."""
    try:
        step(role, sql, *args)
    except psycopg.Error as e:
        print(f"{e.sqlstate} {e.diag.message_primary}")
        if e.diag.message_detail:
            print("  detail:", e.diag.message_detail)
        if e.sqlstate != expected:
            sys.exit(f"python: expected {expected}, got {e.sqlstate}")
        return
    sys.exit(f"python: expected {expected}, but the call succeeded")


# Where the catch-up will start: the last event the oversight role can see.
last_seen = step("cl_bigdata", "SELECT coalesce(max(event_id), 0) FROM bjxm.events")
year = step("cl_unit", "SELECT extract(year FROM bjxm.today())::int + 1")  # 第六条: next year

# 用户单位: create the project, add a line item, fill in the demand plan, declare.
p = step("cl_unit", "SELECT bjxm.create_project(%s, %s, 'business_system', '{development}', %s, 800000)",
         UNIT, "智慧校园平台(Python)", year)
step("cl_unit", "SELECT bjxm.add_line_item(%s, 'software_development', '平台软件开发', 760000)", p)
show_notifications()

# 第十一条: office computers are not IT-project money.  BJ011, nothing recorded.
refused("BJ011", "cl_unit", "SELECT bjxm.add_line_item(%s, 'software_development', %s, 300000)",
        p, "业务系统开发(含办公电脑采购)")

plan = {"goals": "统一全市教育资源", "service_content": "平台开发与运维", "functions": "资源检索",
        "data_resources": "课程库", "network": "电子政务外网", "security": "等保三级",
        "cost_estimate": "80万元", "crypto_plan": {"assessed_by": "expert", "passed": True, "ref": "MP-1"}}
step("cl_unit", "SELECT bjxm.set_demand_plan(%s, %s)", p, json.dumps(plan, ensure_ascii=False))
step("cl_unit", "SELECT bjxm.declare(%s)", p)
# 大数据部门 and the entrusted 评审机构: review and admit to the library.
step("cl_bigdata", "SELECT bjxm.preliminary_review(%s, true, '符合规划')", p)
step("cl_bigdata", "SELECT bjxm.entrust_review(%s, 'CL-R')", p)
step("cl_reviewer", "SELECT bjxm.record_review(%s, true, 'PS-PY-1')", p)
step("cl_bigdata", "SELECT bjxm.admit_to_library(%s)", p)
show_notifications()

# 第三十一条: an order whose rectification fails verification stops new money
# for the unit at once (an overdue one does too, after its deadline).
order = step("cl_bigdata", "SELECT bjxm.open_rectification(%s, 6, '安全保障不到位', %s, bjxm.today() + 30)",
             UNIT, p)
step("cl_unit", "SELECT bjxm.report_rectification(%s, '已加固')", order)
step("cl_bigdata", "SELECT bjxm.close_rectification(%s, false)", order)
show_notifications()
refused("BJ031", "cl_bigdata", "SELECT bjxm.propose_for_plan(%s)", p)

# Rectified and verified: the hold ends and the project goes on.
step("cl_unit", "SELECT bjxm.report_rectification(%s, '已加固并通过复测')", order)
step("cl_bigdata", "SELECT bjxm.close_rectification(%s, true)", order)
step("cl_bigdata", "SELECT bjxm.propose_for_plan(%s)", p)
step("cl_gov", "SELECT bjxm.approve_annual_plan(%s)", year)
step("cl_unit", "SELECT bjxm.set_performance_targets(%s, %s)", p, '{"覆盖学校": 300}')
step("cl_finance", "SELECT bjxm.arrange_budget(%s, 750000)", p)
show_notifications()
state = step("cl_unit", "SELECT state_label FROM bjxm.project_library WHERE project_id = %s", p)
print(f"project {p}: {state}")

# Catch up, as after a reconnect: everything since last_seen, read through
# row-level security.  It must be exactly what was notified.
conn.execute("SET ROLE cl_bigdata")
rows = conn.execute("SELECT event_id, action, from_state, to_state, actor, note"
                    " FROM bjxm.events_since(%s)", (last_seen,)).fetchall()
print(f"events_since({last_seen}): {len(rows)} events")
for event_id, action, from_state, to_state, actor, note in rows:
    print(f"  {event_id} {action} {from_state or '-'} -> {to_state or '-'} by {actor}: {note or ''}")
conn.execute("RESET ROLE")
conn.execute("NOTIFY bjxm_app_stop")
listening.join(timeout=5)
listener.close()
conn.close()
if [r[0] for r in rows] != notified:
    sys.exit(f"python: notified {notified}, but events_since has {[r[0] for r in rows]}")
print("python: ok")
