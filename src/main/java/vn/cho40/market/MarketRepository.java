package vn.cho40.market;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cho40.shared.SearchText;

@Repository
class MarketRepository {

    private static final String LISTING = """
            SELECT m.code, m.name, m.commune_code, c.unit_type || ' ' || c.name AS commune_name,
                   m.province_code, p.unit_type || ' ' || p.name AS province_name,
                   d.unit_type || ' ' || d.name AS district_name, m.status, m.market_class, m.free_wifi,
                   m.address, (SELECT count(*) FROM stall s WHERE s.market_id = m.id) AS stall_count
            FROM market m
            JOIN admin_unit c ON c.regime = '2025' AND c.code = m.commune_code
            JOIN admin_unit p ON p.regime = '2025' AND p.code = m.province_code
            LEFT JOIN admin_unit d ON d.regime = 'pre2025' AND d.code = m.pre2025_district_code
            """;

    private final JdbcClient db;
    private final vn.cho40.privacy.FieldCipher cipher;

    MarketRepository(JdbcClient db, vn.cho40.privacy.FieldCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** The keyed hash payments find the board's collection account by (like traders' account numbers). */
    private byte[] collectionHash(Market m) {
        return m.collectionAccountNo() == null ? null : cipher.index("account_number", m.collectionAccountNo());
    }

    /** Fills the hash of collection accounts saved before it existed; returns how many. */
    int hashCollectionAccounts() {
        List<Market> unhashed = db.sql(
                "SELECT * FROM market WHERE collection_account_no IS NOT NULL AND collection_account_hash IS NULL")
                .query(MarketRepository::map).list();
        for (Market m : unhashed) {
            db.sql("UPDATE market SET collection_account_hash = ? WHERE id = ?").params(collectionHash(m), m.id())
                    .update();
        }
        return unhashed.size();
    }

    /** The markets whose collection account has one of these number hashes: the market's id and bank BIN. */
    List<CollectionAccount> collectionAccountsAt(java.util.Collection<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return db.sql("""
                SELECT collection_account_hash, id, collection_bank_bin FROM market
                WHERE collection_account_hash = ANY(?::bytea[]) AND collection_bank_bin IS NOT NULL""")
                .param(hashes.toArray(byte[][]::new))
                .query((rs, n) -> new CollectionAccount(rs.getBytes(1), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
    }

    void insert(Market m, String searchKey) {
        db.sql("""
                INSERT INTO market (id, code, name, province_code, commune_code, pre2025_district_code,
                    pre2025_commune_code, address, market_class, operator_type, operator_name, collection_bank_bin,
                    collection_account_no, collection_account_name, status, planned_on, onboarding_on, live_on,
                    free_wifi, search_key, created_at, updated_at, collection_account_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.code(), m.name(), m.provinceCode(), m.communeCode(), m.pre2025DistrictCode(),
                        m.pre2025CommuneCode(), m.address(), m.marketClass(), m.operatorType().name(),
                        m.operatorName(), m.collectionBankBin(), m.collectionAccountNo(), m.collectionAccountName(),
                        m.status().name(), m.plannedOn(), m.onboardingOn(), m.liveOn(), m.freeWifi(), searchKey,
                        Timestamp.from(m.createdAt()), Timestamp.from(m.updatedAt()), collectionHash(m))
                .update();
    }

    void update(Market m, String searchKey) {
        db.sql("""
                UPDATE market SET name = ?, province_code = ?, commune_code = ?, pre2025_district_code = ?,
                    pre2025_commune_code = ?, address = ?, market_class = ?, operator_type = ?, operator_name = ?,
                    collection_bank_bin = ?, collection_account_no = ?, collection_account_name = ?, status = ?,
                    planned_on = ?, onboarding_on = ?, live_on = ?, free_wifi = ?, search_key = ?, updated_at = ?,
                    collection_account_hash = ?
                WHERE id = ?""")
                .params(m.name(), m.provinceCode(), m.communeCode(), m.pre2025DistrictCode(),
                        m.pre2025CommuneCode(), m.address(), m.marketClass(), m.operatorType().name(),
                        m.operatorName(), m.collectionBankBin(), m.collectionAccountNo(), m.collectionAccountName(),
                        m.status().name(), m.plannedOn(), m.onboardingOn(), m.liveOn(), m.freeWifi(), searchKey,
                        Timestamp.from(m.updatedAt()), collectionHash(m), m.id())
                .update();
    }

    void recordStatusChange(UUID id, UUID marketId, MarketStatus from, MarketStatus to, LocalDate effectiveOn,
                            java.time.Instant at, String by) {
        db.sql("""
                INSERT INTO market_status_change (id, market_id, from_status, to_status, effective_on,
                    recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, marketId, from == null ? null : from.name(), to.name(), effectiveOn, Timestamp.from(at), by)
                .update();
    }

    Optional<Market> findByCode(String code) {
        return db.sql("SELECT * FROM market WHERE code = ?").param(code).query(MarketRepository::map).optional();
    }

    Optional<Market> findById(UUID id) {
        return db.sql("SELECT * FROM market WHERE id = ?").param(id).query(MarketRepository::map).optional();
    }

    /** Locks the market row: status changes and edits of one market happen one at a time. */
    Optional<Market> lockByCode(String code) {
        return db.sql("SELECT * FROM market WHERE code = ? FOR UPDATE").param(code).query(MarketRepository::map)
                .optional();
    }

    Optional<MarketListing> listing(String code) {
        return db.sql(LISTING + " WHERE m.code = ?").param(code).query(MarketRepository::mapListing).optional();
    }

    /**
     * Markets whose name, commune, province or code has every query word as a word prefix. A market whose
     * own name contains the whole phrase ranks first, so "cho du" puts Chợ Đu before Chợ Đức Xuân.
     */
    List<MarketListing> search(List<String> words, String provinceCode, int limit) {
        StringBuilder sql = new StringBuilder(LISTING).append(" WHERE true");
        List<Object> params = new ArrayList<>();
        for (String word : words) {
            sql.append(" AND (' ' || m.search_key) LIKE ?");
            params.add("% " + word + "%");
        }
        if (provinceCode != null) {
            sql.append(" AND m.province_code = ?");
            params.add(provinceCode);
        }
        String phrase = String.join(" ", words);
        sql.append(" ORDER BY (' ' || m.search_key || ' ') LIKE ? DESC, m.search_key LIKE ? DESC, m.search_key")
                .append(" LIMIT ?");
        params.add("% " + phrase + " %");
        params.add(phrase + "%");
        params.add(limit);
        return db.sql(sql.toString()).params(params).query(MarketRepository::mapListing).list();
    }

    List<MarketListing> inScope(vn.cho40.identity.Scope.SqlFilter filter) {
        return db.sql(LISTING + " WHERE " + filter.condition() + " ORDER BY m.province_code, m.search_key")
                .params(filter.params()).query(MarketRepository::mapListing).list();
    }

    List<StatusChange> statusHistory(UUID marketId) {
        return db.sql("""
                SELECT from_status, to_status, effective_on, recorded_at, recorded_by FROM market_status_change
                WHERE market_id = ? ORDER BY recorded_at, effective_on""")
                .param(marketId)
                .query((rs, n) -> new StatusChange(
                        rs.getString("from_status") == null ? null : MarketStatus.valueOf(rs.getString("from_status")),
                        MarketStatus.valueOf(rs.getString("to_status")), rs.getObject("effective_on", LocalDate.class),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
                .list();
    }

    static String searchKey(String name, String communeName, String provinceName, String code) {
        return SearchText.fold(name + " " + communeName + " " + provinceName + " " + code.replace('-', ' '));
    }

    private static Market map(ResultSet rs, int row) throws SQLException {
        return new Market(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("province_code"), rs.getString("commune_code"), rs.getString("pre2025_district_code"),
                rs.getString("pre2025_commune_code"), rs.getString("address"), rs.getInt("market_class"),
                OperatorType.valueOf(rs.getString("operator_type")), rs.getString("operator_name"),
                rs.getString("collection_bank_bin"), rs.getString("collection_account_no"),
                rs.getString("collection_account_name"), MarketStatus.valueOf(rs.getString("status")),
                rs.getObject("planned_on", LocalDate.class), rs.getObject("onboarding_on", LocalDate.class),
                rs.getObject("live_on", LocalDate.class), rs.getBoolean("free_wifi"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static MarketListing mapListing(ResultSet rs, int row) throws SQLException {
        return new MarketListing(rs.getString("code"), rs.getString("name"), rs.getString("commune_code"),
                rs.getString("commune_name"), rs.getString("province_code"), rs.getString("province_name"),
                rs.getString("district_name"), MarketStatus.valueOf(rs.getString("status")),
                rs.getInt("market_class"), rs.getBoolean("free_wifi"), rs.getString("address"),
                rs.getInt("stall_count"));
    }
}
