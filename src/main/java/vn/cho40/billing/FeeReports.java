package vn.cho40.billing;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a month's bills became: billed, waived, collected by transfer, in cash and from credit, still outstanding, and
 * the share collected without cash (by amount and by number of payments), per market of an area or per stall of a
 * market. Read in one query per report from the bills and their payments, whenever those payments came.
 */
@Service
public class FeeReports {

    /** One row: a market (code, name) or a stall (code, trader). Amounts in đồng. */
    public record Row(String code, String label, int bills, long billedVnd, long waivedVnd, long transferVnd,
                      long cashVnd, long creditVnd, long outstandingVnd, int transfers, int cashPayments,
                      UUID firstBill) {

        public long collectedVnd() {
            return transferVnd + cashVnd + creditVnd;
        }

        /** Transfers over transfers and cash, in per mille (null when nothing was paid either way). */
        public Integer cashlessShareByAmount() {
            long paid = transferVnd + cashVnd;
            return paid == 0 ? null : (int) Math.round(transferVnd * 1000.0 / paid);
        }

        /** The share by amount as people read it: "87,5 %", or a dash when nothing was paid. */
        public String cashlessShareText() {
            return percentText(cashlessShareByAmount());
        }

        /** Transfers over all payments by number, as people read it. */
        public String cashlessShareByCountText() {
            return percentText(cashlessShareByCount());
        }

        private static String percentText(Integer perMille) {
            return perMille == null ? "—" : (perMille / 10) + "," + (perMille % 10) + " %";
        }

        public Integer cashlessShareByCount() {
            int n = transfers + cashPayments;
            return n == 0 ? null : (int) Math.round(transfers * 1000.0 / n);
        }

        Row plus(Row o) {
            return new Row(code, label, bills + o.bills, billedVnd + o.billedVnd, waivedVnd + o.waivedVnd,
                    transferVnd + o.transferVnd, cashVnd + o.cashVnd, creditVnd + o.creditVnd,
                    outstandingVnd + o.outstandingVnd, transfers + o.transfers, cashPayments + o.cashPayments,
                    firstBill);
        }
    }

    private final JdbcClient db;

    FeeReports(JdbcClient db) {
        this.db = db;
    }

    /** One row per market among these, for the month's bills, by name as the area's other lists are. */
    public List<Row> perMarket(Collection<UUID> marketIds, YearMonth month) {
        return query("m.code", "min(m.name)", "b.market_id = ANY(?)", marketIds.toArray(UUID[]::new), "min(m.search_key), 1",
                month);
    }

    /** One row per stall of a market, in the order the market's rows are walked (A-2 before A-10). */
    public List<Row> perStall(UUID marketId, YearMonth month) {
        return query("s.code", "min(t.full_name)", "b.market_id = ?", marketId, Bills.STALL_ORDER, month);
    }

    public static Row total(List<Row> rows) {
        return rows.stream().reduce(new Row("", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, null), Row::plus);
    }

    private List<Row> query(String key, String label, String filter, Object filterValue, String order,
                            YearMonth month) {
        return db.sql("SELECT " + key + ", " + label + """
                , count(*), sum(b.total_vnd), sum(b.waived_vnd), coalesce(sum(p.transfer_vnd), 0),
                  coalesce(sum(p.cash_vnd), 0), coalesce(sum(p.credit_vnd), 0),
                  sum(greatest(0, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd)) FILTER (WHERE b.status IN ('OPEN', 'PARTLY_PAID')),
                  coalesce(sum(p.transfers), 0), coalesce(sum(p.cashes), 0), (array_agg(b.id ORDER BY b.number))[1]
                FROM bill b JOIN market m ON m.id = b.market_id JOIN stall s ON s.id = b.stall_id
                JOIN trader t ON t.id = b.trader_id
                LEFT JOIN LATERAL (
                    SELECT sum(amount_vnd) FILTER (WHERE method = 'TRANSFER') AS transfer_vnd,
                           sum(amount_vnd) FILTER (WHERE method = 'CASH') AS cash_vnd,
                           sum(amount_vnd) FILTER (WHERE method = 'CREDIT') AS credit_vnd,
                           count(*) FILTER (WHERE method = 'TRANSFER') AS transfers,
                           count(*) FILTER (WHERE method = 'CASH') AS cashes
                    FROM bill_payment x WHERE x.bill_id = b.id) p ON true
                WHERE b.period_start = ? AND\s""" + filter + " GROUP BY 1 ORDER BY " + order)
                .params(month.atDay(1), filterValue)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getInt(10), rs.getInt(11), rs.getObject(12, UUID.class)))
                .list();
    }
}
