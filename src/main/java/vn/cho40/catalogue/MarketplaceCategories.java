package vn.cho40.catalogue;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.market.Market;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/**
 * The Shopee category id a board uses for each OCOP group: Shopee's mass-upload sheet takes a numeric category id
 * from Shopee's own tree, which the board reads in its seller centre; the platform never guesses one. A group
 * without an id is exported with its OCOP name and the board is told which groups still need one.
 */
@Service
class MarketplaceCategories {

    static final String SHOPEE = "SHOPEE";

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    MarketplaceCategories(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** OCOP group code → Shopee category id, for one market. */
    Map<String, String> shopee(Market market) {
        Map<String, String> ids = new LinkedHashMap<>();
        db.sql("SELECT ocop_group, category_id FROM marketplace_category WHERE market_id = ? AND marketplace = ?")
                .params(market.id(), SHOPEE).query((rs, n) -> ids.put(rs.getString(1), rs.getString(2))).list();
        return ids;
    }

    /** Saves every group's id at once (empty removes it); any id that is not a number refuses the whole form. */
    @Transactional
    void saveShopee(Market market, Map<String, String> idsByGroup, String by) {
        List<Violation> problems = new ArrayList<>();
        Map<String, String> clean = new LinkedHashMap<>();
        for (OcopGroups.Group g : OcopGroups.all()) {
            String id = idsByGroup.getOrDefault(g.code(), "").strip();
            if (!id.isEmpty() && !id.matches("[0-9]{1,12}")) {
                problems.add(Violation.of(g.code(), "catalogue.category.invalid", id, g.nameVi()));
            }
            clean.put(g.code(), id);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        db.sql("DELETE FROM marketplace_category WHERE market_id = ? AND marketplace = ?").params(market.id(), SHOPEE)
                .update();
        Timestamp now = Timestamp.from(clock.instant());
        clean.forEach((group, id) -> {
            if (!id.isEmpty()) {
                db.sql("""
                        INSERT INTO marketplace_category (market_id, province_code, marketplace, ocop_group, category_id,
                            updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(market.id(), market.provinceCode(), SHOPEE, group, id, by, now).update();
            }
        });
        audit.record("PRODUCT_CATEGORIES", "market", market.id(), market.id(), market.provinceCode(),
                "Shopee: " + clean.values().stream().filter(s -> !s.isEmpty()).count() + " nhóm");
    }
}
