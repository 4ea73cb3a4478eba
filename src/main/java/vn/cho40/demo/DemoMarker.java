package vn.cho40.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.cho40.platform.DatabaseUrl;
import vn.cho40.platform.StartRefused;

/**
 * Keeps the demo and real servers apart: each database is marked DEMO or SERVE ({@code instance_mode}) at its
 * first start, and {@code serve} refuses a demo database (demo logins have a published password), {@code demo}
 * a real one. A database from before the mark is a demo when it holds the demo logins. Runs as a Flyway
 * callback right after the migration, before any service can use the database or the web server opens a port.
 * Active in every mode, unlike the rest of this module.
 */
@Component
class DemoMarker implements Callback {

    enum Mode { DEMO, SERVE }

    private final boolean demo;
    private final String where;

    DemoMarker(@Value("${cho40.demo.enabled:false}") boolean demo, @Value("${cho40.database-url:}") String databaseUrl,
               @Value("${cho40.data-dir}") String dataDir) {
        this.demo = demo;
        this.where = databaseUrl.isBlank() ? java.nio.file.Path.of(dataDir).toAbsolutePath().toString()
                : DatabaseUrl.parse(databaseUrl).jdbcUrl().replaceAll("\\?.*", "");
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    /** No: a mark found by looking (a database from before the mark) must stay written when the start is refused. */
    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return false;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Mode mode = markedOrMark(context.getConnection());
            if (!demo && mode == Mode.DEMO) {
                throw new StartRefused(
                        "Cơ sở dữ liệu tại " + where + " là của bản demo (./cho40 demo): tài khoản demo có mật khẩu "
                                + "in trong README, tiểu thương là người giả. ./cho40 serve không chạy trên đó.\n"
                                + "The database at " + where + " belongs to the demo (./cho40 demo): its demo logins "
                                + "have the password printed in the README and its traders are made up. "
                                + "./cho40 serve does not run on it.",
                        "Chạy ./cho40 serve với một thư mục dữ liệu mới (CHO40_DATA_DIR) hoặc một cơ sở dữ liệu "
                                + "PostgreSQL mới (DATABASE_URL). Bản demo có thư mục riêng, CHO40_DEMO_DIR (mặc định "
                                + "~/.cho40-demo); muốn giữ bản demo cũ trong ~/.cho40 thì: mv ~/.cho40 ~/.cho40-demo\n"
                                + "Run ./cho40 serve with a fresh data folder (CHO40_DATA_DIR) or a fresh PostgreSQL "
                                + "database (DATABASE_URL). The demo has a folder of its own, CHO40_DEMO_DIR (default "
                                + "~/.cho40-demo); to keep an old demo that lives in ~/.cho40: mv ~/.cho40 ~/.cho40-demo");
            }
            if (demo && mode == Mode.SERVE) {
                throw new StartRefused(
                        "Cơ sở dữ liệu tại " + where + " là của một máy chủ thật (./cho40 serve): bản demo không nạp "
                                + "tài khoản mật khẩu công khai và người giả vào đó.\n"
                                + "The database at " + where + " belongs to a real server (./cho40 serve): the demo "
                                + "does not load logins with a published password and made-up people into it.",
                        "Chạy ./cho40 demo với thư mục riêng của nó: bỏ CHO40_DEMO_DIR và CHO40_DEMO_DATABASE_URL, "
                                + "hoặc trỏ chúng tới một thư mục / cơ sở dữ liệu mới.\n"
                                + "Run ./cho40 demo on its own folder: unset CHO40_DEMO_DIR and CHO40_DEMO_DATABASE_URL, "
                                + "or point them at a fresh folder or database.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read or write instance_mode", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "cho40-instance-mode";
    }

    /** The mark, written first when missing: from what the database holds, else from how it is started. */
    private Mode markedOrMark(Connection db) throws SQLException {
        Mode marked = marked(db);
        if (marked != null) {
            return marked;
        }
        Mode inferred = holdsDemoLogins(db) ? Mode.DEMO : holdsMarkets(db) ? Mode.SERVE : demo ? Mode.DEMO : Mode.SERVE;
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO instance_mode (mode) VALUES (?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, inferred.name());
            insert.executeUpdate();
        }
        if (!db.getAutoCommit()) {
            db.commit();
        }
        return marked(db); // another process may have marked it first
    }

    private static Mode marked(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT mode FROM instance_mode");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? Mode.valueOf(rs.getString(1)) : null;
        }
    }

    /**
     * Demo loaders before the mark left these logins behind (with the published password, reset at every demo
     * start). Read with SQL, not through identity's services: none exists yet while Flyway runs.
     */
    private static boolean holdsDemoLogins(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM staff_user WHERE username = ANY (?))")) {
            select.setArray(1, db.createArrayOf("text", DemoProvince.LOGINS.stream().map(l -> l[0]).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean holdsMarkets(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT EXISTS (SELECT 1 FROM market)");
             ResultSet rs = select.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
