// A bjxm client in Java (JDBC: pgjdbc, Debian's libpostgresql-jdbc-java).
//
// It logs in as the application's NOINHERIT login, acts for a person with
// SET ROLE on every step, walks one project through several gates, shows how
// a refusal is caught by SQLSTATE (BJ011, BJ031) with its Chinese message,
// prints the bjxm_events notifications it receives, and finally catches up
// with bjxm.events_since.  See clients/README.md.
//
//   java -cp .:/usr/share/java/postgresql.jar BjxmApp JDBC_URL UNIT
//
// Roles (the fixture in test/scripts/clients.sh): cl_unit, cl_bigdata,
// cl_reviewer, cl_gov, cl_finance; party CL-R is the reviewer.
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.*;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

public class BjxmApp {
    // Chinese text on stdout whatever the locale.
    static final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    static final Pattern EVENT_ID = Pattern.compile("\"event_id\"\\s*:\\s*(\\d+)");
    static Connection conn;        // does the work; autocommit, so every call commits (and notifies) at once
    static PGConnection listener;  // a second connection that LISTENs
    static final List<Long> notified = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String url = args[0], unit = args[1];
        conn = DriverManager.getConnection(url);
        Connection listenConn = DriverManager.getConnection(url);
        try (Statement s = listenConn.createStatement()) { s.execute("LISTEN bjxm_events"); }
        listener = listenConn.unwrap(PGConnection.class);

        // Where the catch-up will start: the last event the oversight role can see.
        long lastSeen = ((Number) step("cl_bigdata", "SELECT coalesce(max(event_id), 0) FROM bjxm.events")).longValue();
        int year = (Integer) step("cl_unit", "SELECT extract(year FROM bjxm.today())::int + 1");  // 第六条: next year

        // 用户单位: create the project, add a line item, fill in the demand plan, declare.
        long p = (Long) step("cl_unit", "SELECT bjxm.create_project(?::bjxm.uscc, ?, 'business_system', '{development}', ?, 600000)",
                             unit, "社会救助信息平台(Java)", year);
        step("cl_unit", "SELECT bjxm.add_line_item(?, 'software_development', '救助对象管理系统开发', 560000)", p);
        showNotifications();

        // 第十一条: office computers are not IT-project money.  BJ011, nothing recorded.
        refused("BJ011", "cl_unit", "SELECT bjxm.add_line_item(?, 'software_development', ?, 300000)",
                p, "业务系统开发(含办公电脑采购)");

        String plan = """
            {"goals": "统一全市社会救助", "service_content": "平台开发与运维", "functions": "救助申请、审核",
             "data_resources": "救助对象库", "network": "电子政务外网", "security": "等保三级",
             "cost_estimate": "60万元", "crypto_plan": {"assessed_by": "expert", "passed": true, "ref": "MP-2"}}""";
        step("cl_unit", "SELECT bjxm.set_demand_plan(?, ?::jsonb)", p, plan);
        step("cl_unit", "SELECT bjxm.declare(?)", p);
        // 大数据部门 and the entrusted 评审机构: review and admit to the library.
        step("cl_bigdata", "SELECT bjxm.preliminary_review(?, true, '符合规划')", p);
        step("cl_bigdata", "SELECT bjxm.entrust_review(?, 'CL-R')", p);
        step("cl_reviewer", "SELECT bjxm.record_review(?, true, 'PS-JAVA-1')", p);
        step("cl_bigdata", "SELECT bjxm.admit_to_library(?)", p);
        showNotifications();

        // 第三十一条: an order whose rectification fails verification stops new money
        // for the unit at once (an overdue one does too, after its deadline).
        long order = (Long) step("cl_bigdata",
            "SELECT bjxm.open_rectification(?::bjxm.uscc, 6, '安全保障不到位', ?, bjxm.today() + 30)", unit, p);
        step("cl_unit", "SELECT bjxm.report_rectification(?, '已加固')", order);
        step("cl_bigdata", "SELECT bjxm.close_rectification(?, false)", order);
        showNotifications();
        refused("BJ031", "cl_bigdata", "SELECT bjxm.propose_for_plan(?)", p);

        // Rectified and verified: the hold ends and the project goes on.
        step("cl_unit", "SELECT bjxm.report_rectification(?, '已加固并通过复测')", order);
        step("cl_bigdata", "SELECT bjxm.close_rectification(?, true)", order);
        step("cl_bigdata", "SELECT bjxm.propose_for_plan(?)", p);
        step("cl_gov", "SELECT bjxm.approve_annual_plan(?)", year);
        step("cl_unit", "SELECT bjxm.set_performance_targets(?, ?::jsonb)", p, "{\"覆盖乡镇\": 270}");
        step("cl_finance", "SELECT bjxm.arrange_budget(?, 550000)", p);
        showNotifications();
        out.println("project " + p + ": "
                    + step("cl_unit", "SELECT state_label FROM bjxm.project_library WHERE project_id = ?", p));

        // Catch up, as after a reconnect: everything since lastSeen, read through
        // row-level security.  It must be exactly what was notified.
        List<Long> caughtUp = new ArrayList<>();
        try (Statement s = conn.createStatement()) { s.execute("SET ROLE cl_bigdata"); }
        try (PreparedStatement ps = conn.prepareStatement(
                 "SELECT event_id, action, from_state, to_state, actor, note FROM bjxm.events_since(?)")) {
            ps.setLong(1, lastSeen);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    caughtUp.add(rs.getLong(1));
                    lines.add(String.format("  %d %s %s -> %s by %s: %s", rs.getLong(1), rs.getString(2),
                        orDash(rs.getString(3)), orDash(rs.getString(4)), rs.getString(5),
                        rs.getString(6) == null ? "" : rs.getString(6)));
                }
            }
            out.println("events_since(" + lastSeen + "): " + caughtUp.size() + " events");
            lines.forEach(out::println);
        }
        if (!caughtUp.equals(notified))
            fail("notified " + notified + ", but events_since has " + caughtUp);
        listenConn.close();
        conn.close();
        out.println("java: ok");
    }

    /** SET ROLE to the person, then call bjxm; returns the first column. */
    static Object step(String role, String sql, Object... args) throws SQLException {
        try (Statement s = conn.createStatement()) { s.execute("SET ROLE \"" + role + "\""); }
        String shown = sql;
        for (Object a : args)
            shown = shown.replaceFirst("\\?", Matcher.quoteReplacement(a instanceof String ? "'" + a + "'" : a.toString()));
        out.println("[" + role + "] " + shown);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning())
                    out.println("  notice: " + w.getMessage());  // e.g. a rectification not yet overdue
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    /** The call must fail with SQLSTATE expected; print code and message. */
    static void refused(String expected, String role, String sql, Object... args) {
        try {
            step(role, sql, args);
        } catch (SQLException e) {
            ServerErrorMessage m = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
            out.println(e.getSQLState() + " " + (m != null ? m.getMessage() : e.getMessage()));
            if (m != null && m.getDetail() != null) out.println("  detail: " + m.getDetail());
            if (!expected.equals(e.getSQLState())) fail("expected " + expected + ", got " + e.getSQLState());
            return;
        }
        fail("expected " + expected + ", but the call succeeded");
    }

    /** Print what arrived for the calls just committed (wait up to 5 s for the first). */
    static void showNotifications() throws SQLException {
        int timeoutMillis = 5000;
        PGNotification[] batch;
        while ((batch = listener.getNotifications(timeoutMillis)) != null && batch.length > 0) {
            for (PGNotification n : batch) {
                out.println("notification: " + n.getParameter());  // {"event_id", "project_id", "action", "from", "to"}
                Matcher id = EVENT_ID.matcher(n.getParameter());
                if (id.find()) notified.add(Long.parseLong(id.group(1)));
            }
            timeoutMillis = 300;
        }
    }

    static String orDash(String s) { return s == null ? "-" : s; }

    static void fail(String why) {
        System.err.println("java: " + why);
        System.exit(1);
    }
}
