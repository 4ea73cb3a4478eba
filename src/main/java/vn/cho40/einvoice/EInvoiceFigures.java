package vn.cho40.einvoice;

import java.sql.Date;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.rollout.MarketFigures;

/** What the rollout reads of e-invoices: the invoices and receipts each market issued in the month. */
@Component
class EInvoiceFigures implements MarketFigures {

    private final JdbcClient db;

    EInvoiceFigures(JdbcClient db) {
        this.db = db;
    }

    @Override
    public String key() {
        return EINVOICES_ISSUED;
    }

    @Override
    public Map<UUID, Long> perMarket(String provinceCode, YearMonth month) {
        Map<UUID, Long> counts = new HashMap<>();
        db.sql("""
                SELECT d.market_id, count(*) FROM e_document d JOIN market m ON m.id = d.market_id
                WHERE (? = '' OR m.province_code = ?) AND d.issued_on >= ? AND d.issued_on < ? GROUP BY d.market_id""")
                .params(provinceCode == null ? "" : provinceCode, provinceCode == null ? "" : provinceCode,
                        Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)))
                .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        return counts;
    }
}
