package vn.cho40.adminunit;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.adminunit.AdminUnit.Level;
import vn.cho40.adminunit.AdminUnit.Regime;
import vn.cho40.shared.SearchText;

/** Read access to administrative units for the other modules and the API. */
@Service
public class AdminUnits {

    private static final int MAX_RESULTS = 50;
    private final JdbcClient db;

    AdminUnits(JdbcClient db) {
        this.db = db;
    }

    public Optional<AdminUnit> find(Regime regime, String code) {
        return db.sql("SELECT * FROM admin_unit WHERE regime = ? AND code = ?")
                .params(regime.dbValue(), code)
                .query(AdminUnits::map)
                .optional();
    }

    public List<AdminUnit> provinces(Regime regime) {
        return db.sql("SELECT * FROM admin_unit WHERE regime = ? AND level = 'province' ORDER BY search_key")
                .param(regime.dbValue())
                .query(AdminUnits::map)
                .list();
    }

    public List<AdminUnit> children(Regime regime, String parentCode) {
        return db.sql("SELECT * FROM admin_unit WHERE regime = ? AND parent_code = ? ORDER BY search_key")
                .params(regime.dbValue(), parentCode)
                .query(AdminUnits::map)
                .list();
    }

    /** Communes of a regime whose folded name starts with the folded query ("dai tu" finds "Đại Từ"). */
    public List<AdminUnit> search(Regime regime, Level level, String query) {
        String folded = SearchText.fold(query);
        return db.sql("""
                        SELECT * FROM admin_unit
                        WHERE regime = ? AND level = ? AND (search_key LIKE ? OR search_key LIKE ?)
                        ORDER BY (search_key = ?) DESC, search_key LIMIT ?""")
                .params(regime.dbValue(), level.name().toLowerCase(), folded + "%", "% " + folded + "%", folded,
                        MAX_RESULTS)
                .query(AdminUnits::map)
                .list();
    }

    /** The 2025 communes an old commune went into (several when it was split). */
    public List<AdminUnitMapping> successors(String oldCommuneCode) {
        return db.sql("SELECT * FROM admin_unit_mapping WHERE old_commune_code = ? ORDER BY new_commune_code")
                .param(oldCommuneCode)
                .query((rs, n) -> new AdminUnitMapping(rs.getString("old_commune_code"),
                        rs.getString("new_commune_code"), rs.getString("old_district_code"),
                        rs.getString("relation"), rs.getString("note_vi")))
                .list();
    }

    public long count(Regime regime, Level level) {
        return db.sql("SELECT count(*) FROM admin_unit WHERE regime = ? AND level = ?")
                .params(regime.dbValue(), level.name().toLowerCase())
                .query(Long.class)
                .single();
    }

    private static AdminUnit map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AdminUnit(Regime.fromDb(rs.getString("regime")), rs.getString("code"), rs.getString("name"),
                Level.valueOf(rs.getString("level").toUpperCase()), rs.getString("parent_code"),
                rs.getString("unit_type"));
    }
}
