package vn.cho40.payroll;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.rollout.MarketFigures;

/**
 * The programme's KPI "the board pays salaries by transfer", for the rollout module: a board pays by transfer in a
 * month when it approved that month's payroll and at least one of its lines is confirmed paid by bank transfer.
 */
@Component
public class PayrollFigures implements MarketFigures {

    private final JdbcClient db;

    PayrollFigures(JdbcClient db) {
        this.db = db;
    }

    /** Whether the market's board paid the month's salaries by transfer. */
    public boolean paysSalariesByTransfer(UUID marketId, YearMonth month) {
        return db.sql("""
                SELECT EXISTS (SELECT 1 FROM payroll_run r JOIN payroll_line l ON l.run_id = r.id
                               WHERE r.market_id = ? AND r.period = ? AND l.payment_status = 'PAID')""")
                .params(marketId, month.atDay(1)).query(Boolean.class).single();
    }

    /** The markets whose boards paid salaries by transfer in the month. */
    public List<UUID> marketsPayingByTransfer(YearMonth month) {
        return List.copyOf(perMarket(null, month).keySet());
    }

    @Override
    public String key() {
        return PAYROLL_BY_TRANSFER;
    }

    /** 1 for each board of the province (every province when null) that paid the month's salaries by transfer. */
    @Override
    public Map<UUID, Long> perMarket(String provinceCode, YearMonth month) {
        Map<UUID, Long> paid = new HashMap<>();
        db.sql("""
                SELECT DISTINCT r.market_id FROM payroll_run r JOIN payroll_line l ON l.run_id = r.id
                JOIN market m ON m.id = r.market_id
                WHERE (? = '' OR m.province_code = ?) AND r.period = ? AND l.payment_status = 'PAID'""")
                .params(provinceCode == null ? "" : provinceCode, provinceCode == null ? "" : provinceCode,
                        month.atDay(1))
                .query((rs, n) -> paid.put(rs.getObject(1, UUID.class), 1L)).list();
        return paid;
    }
}
