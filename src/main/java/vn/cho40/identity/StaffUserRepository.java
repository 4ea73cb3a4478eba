package vn.cho40.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffUserRepository {

    private final JdbcClient db;

    StaffUserRepository(JdbcClient db) {
        this.db = db;
    }

    record Row(StaffUser user, String passwordHash) {
    }

    Optional<Row> find(String username) {
        return db.sql("SELECT * FROM staff_user WHERE username = ?").param(username)
                .query((rs, n) -> new Row(map(rs), rs.getString("password_hash"))).optional();
    }

    List<StaffUser> list(Scope.SqlFilter provinceFilter) {
        return db.sql("SELECT * FROM staff_user u WHERE " + provinceFilter.condition() + " ORDER BY username")
                .params(provinceFilter.params()).query((rs, n) -> map(rs)).list();
    }

    void insert(StaffUser u, String passwordHash, Instant at) {
        db.sql("""
                INSERT INTO staff_user (id, username, full_name, password_hash, role, scope_kind, scope_code,
                    province_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(u.id(), u.username(), u.fullName(), passwordHash, u.role().name(), u.scopeKind().name(),
                        u.scopeCode(), u.provinceCode(), Timestamp.from(at))
                .update();
    }

    void setPassword(String username, String passwordHash) {
        db.sql("UPDATE staff_user SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE username = ?")
                .params(passwordHash, username).update();
    }

    private static StaffUser map(ResultSet rs, int... ignored) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new StaffUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("full_name"),
                Role.valueOf(rs.getString("role")), Scope.Kind.valueOf(rs.getString("scope_kind")),
                rs.getString("scope_code"), rs.getString("province_code"), rs.getBoolean("active"),
                locked == null ? null : locked.toInstant());
    }
}
