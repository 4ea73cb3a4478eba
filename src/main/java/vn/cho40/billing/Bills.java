package vn.cho40.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.shared.ListPage;
import vn.cho40.vietqr.VietQr;
import vn.cho40.vietqr.VietQrPayload;

/**
 * Issued bills as the board, the trader and the API read them. Each open bill carries its dynamic VietQR: the
 * board's collection account, the amount still due, and the bill's code in the transfer text (the code is what the
 * payments module recognises).
 */
@Service
public class Bills {

    public record View(UUID id, UUID marketId, String number, String kind, String stallCode, UUID traderId,
                       String traderName, LocalDate periodStart, LocalDate dueOn, long totalVnd, long paidVnd,
                       long waivedVnd, String status, String paymentCode, String qrPayload, long creditedVnd,
                       UUID corrects, LocalDate periodEnd, LocalDate issuedOn) {
        public String period() {
            return YearMonth.from(periodStart).toString();
        }

        /** What the bill covers: a month, a quarter or a day of tickets. */
        public BillingPeriod billingPeriod() {
            return BillingPeriod.of(periodStart, periodEnd);
        }

        /** The message key of {@link #billingPeriod()} as a heading ("Quý {0}"), its argument {@link #periodText()}. */
        public String periodKey() {
            return "billing.periodOf." + billingPeriod().kind();
        }

        public String periodText() {
            return billingPeriod().shortLabel();
        }

        /** Issued in the week before {@code today} and still open: the trader app calls it new. */
        public boolean isNew(LocalDate today) {
            return open() && issuedOn != null && !issuedOn.isBefore(today.minusDays(7));
        }

        public long dueVnd() {
            return Math.max(0, totalVnd - paidVnd - waivedVnd - creditedVnd);
        }

        public boolean open() {
            return status.equals("OPEN") || status.equals("PARTLY_PAID");
        }

        public boolean overdue(LocalDate today) {
            return open() && dueOn.isBefore(today);
        }
    }

    public record Line(int line, String charge, String description, String unit, long quantityMilli,
                       long unitPriceVnd, long amountVnd, Integer vatBp, Long readingFrom, Long readingTo,
                       Integer daysBilled, Integer daysInPeriod) {
    }

    /** A payment against a bill; a cash one has its receipt (number and id, for the receipt's page). */
    public record Payment(UUID id, String method, long amountVnd, java.time.Instant paidAt, UUID paymentEventId,
                          String receiptNumber) {
    }

    /** SQL: stalls {@code s} in walking order, as people count them (A-2 before A-10). */
    static final String STALL_ORDER = "split_part(s.code, '-', 1), length(s.code), s.code";

    private final JdbcClient db;
    private final java.time.Clock clock;
    private final vn.cho40.ledger.Ledger ledger;

    Bills(JdbcClient db, java.time.Clock clock, vn.cho40.ledger.Ledger ledger) {
        this.ledger = ledger;
        this.db = db;
        this.clock = clock;
    }

    /** The columns {@link #map} reads, for the billing module's other queries of bills. */
    static final String SELECT_VIEW = """
            SELECT b.id, b.market_id, b.number, b.kind, s.code, b.trader_id, t.full_name, b.period_start, b.due_on,
                   b.total_vnd, b.paid_vnd, b.waived_vnd, b.status, b.payment_code, m.collection_bank_bin,
                   m.collection_account_no, b.credited_vnd, b.corrects, b.period_end, b.issued_on
            FROM bill b JOIN stall s ON s.id = b.stall_id JOIN trader t ON t.id = b.trader_id
            JOIN market m ON m.id = b.market_id""";

    /** The statuses a list may be filtered by: a bill's own, and OVERDUE (unpaid after its due date). */
    public static final List<String> STATUS_FILTERS = List.of("OPEN", "PARTLY_PAID", "PAID", "WAIVED", "CREDITED",
            "OVERDUE");

    public List<View> ofMarket(UUID marketId, YearMonth period, String status) {
        // A month's list holds the bills that start in it: its month's, a quarter's first month's, its day tickets.
        List<Object> params = new ArrayList<>(List.of(marketId, period.atDay(1), period.atEndOfMonth()));
        return db.sql(SELECT_VIEW + " WHERE b.market_id = ? AND b.period_start BETWEEN ? AND ?"
                        + statusWhere(status, params, today()) + " ORDER BY " + STALL_ORDER + ", b.number")
                .params(params).query(Bills::map).list();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(vn.cho40.shared.VnFormats.VIETNAM));
    }

    /** The filter's condition; a status that is none of {@link #STATUS_FILTERS} is refused, naming them. */
    private static String statusWhere(String status, List<Object> params, LocalDate today) {
        if (status == null || status.isBlank()) {
            return "";
        }
        String s = status.strip().toUpperCase(java.util.Locale.ROOT);
        if (!STATUS_FILTERS.contains(s)) {
            throw new vn.cho40.shared.InvalidInputException(vn.cho40.shared.Violation.of("status",
                    "billing.status.unknown", status.strip(), String.join(", ", STATUS_FILTERS)));
        }
        if (s.equals("OVERDUE")) {
            params.add(today);
            return " AND b.status IN ('OPEN', 'PARTLY_PAID') AND b.due_on < ?";
        }
        params.add(s);
        return " AND b.status = ?";
    }

    /** What a filtered month's list adds up to, all its pages together. */
    public record Sums(long count, long billedVnd, long collectedVnd, long outstandingVnd) {
    }

    /** One page of a month's bills in walking order, filtered by status and by a stall code or trader name. */
    public ListPage<View> page(UUID marketId, YearMonth period, String status, String query, int requested) {
        List<Object> params = new ArrayList<>();
        String where = monthWhere(marketId, period, status, query, params);
        long total = sums(marketId, period, status, query).count();
        int number = ListPage.clamp(requested, total, ListPage.SIZE);
        params.add(ListPage.SIZE);
        params.add(ListPage.offset(number, ListPage.SIZE));
        return new ListPage<>(db.sql(SELECT_VIEW + where + " ORDER BY " + STALL_ORDER + ", b.number LIMIT ? OFFSET ?")
                .params(params).query(Bills::map).list(), number, ListPage.SIZE, total);
    }

    public Sums sums(UUID marketId, YearMonth period, String status, String query) {
        List<Object> params = new ArrayList<>();
        String where = monthWhere(marketId, period, status, query, params);
        return db.sql("""
                SELECT count(*), coalesce(sum(b.total_vnd), 0), coalesce(sum(b.paid_vnd), 0),
                       coalesce(sum(greatest(0, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd)), 0)
                FROM bill b JOIN stall s ON s.id = b.stall_id JOIN trader t ON t.id = b.trader_id""" + where)
                .params(params).query((rs, n) -> new Sums(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    private String monthWhere(UUID marketId, YearMonth period, String status, String query, List<Object> params) {
        params.add(marketId);
        params.add(period.atDay(1));
        params.add(period.atEndOfMonth());
        String sql = " WHERE b.market_id = ? AND b.period_start BETWEEN ? AND ?" + statusWhere(status, params, today());
        return sql + StallSearch.where(query, "t.name_key", params);
    }

    /** A stall's unpaid bills, oldest due first (the cash desk). */
    public List<View> openOfStall(UUID marketId, String stallCode) {
        return db.sql(SELECT_VIEW + " WHERE b.market_id = ? AND s.code = ? AND b.status IN ('OPEN', 'PARTLY_PAID') "
                + "ORDER BY b.due_on, b.number").params(marketId, stallCode).query(Bills::map).list();
    }

    /** Whether the market has a stall of that code (the cash desk tells a typo from a stall that owes nothing). */
    public boolean stallExists(UUID marketId, String stallCode) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM stall WHERE market_id = ? AND code = ?)")
                .params(marketId, stallCode).query(Boolean.class).single();
    }

    /** Every unpaid bill of a market, oldest due first (arrears). */
    public List<View> openOfMarket(UUID marketId) {
        return db.sql(SELECT_VIEW + " WHERE b.market_id = ? AND b.status IN ('OPEN', 'PARTLY_PAID') ORDER BY b.due_on, "
                        + STALL_ORDER + ", b.number")
                .param(marketId).query(Bills::map).list();
    }

    public Optional<View> get(UUID id) {
        return db.sql(SELECT_VIEW + " WHERE b.id = ?").param(id).query(Bills::map).optional();
    }

    /** A trader's unpaid bills, oldest due first. */
    public List<View> openOfTrader(UUID traderId) {
        return db.sql(SELECT_VIEW + " WHERE b.trader_id = ? AND b.status IN ('OPEN', 'PARTLY_PAID') "
                + "ORDER BY b.due_on, b.number").param(traderId).query(Bills::map).list();
    }

    /** A trader's bills: open ones first (oldest due first), then the last paid ones. */
    public List<View> ofTrader(UUID traderId, int paidToo) {
        List<View> open = openOfTrader(traderId);
        List<View> paid = db.sql(SELECT_VIEW + " WHERE b.trader_id = ? AND b.status NOT IN ('OPEN', 'PARTLY_PAID') "
                + "ORDER BY b.period_start DESC, b.number DESC LIMIT ?").params(traderId, paidToo).query(Bills::map).list();
        List<View> all = new java.util.ArrayList<>(open);
        all.addAll(paid);
        return all;
    }

    public List<Line> lines(UUID billId) {
        return db.sql("""
                SELECT line, charge, description, unit, quantity_milli, unit_price_vnd, amount_vnd, vat_bp,
                       reading_from, reading_to, days_billed, days_in_period FROM bill_line WHERE bill_id = ?
                ORDER BY line""").param(billId)
                .query((rs, n) -> new Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), (Integer) rs.getObject(8),
                        (Long) rs.getObject(9), (Long) rs.getObject(10), (Integer) rs.getObject(11),
                        (Integer) rs.getObject(12)))
                .list();
    }

    public List<Payment> payments(UUID billId) {
        return db.sql("""
                SELECT id, method, amount_vnd, paid_at, payment_event_id, receipt_number FROM bill_payment
                WHERE bill_id = ? ORDER BY paid_at""").param(billId)
                .query((rs, n) -> new Payment(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class), rs.getString(6)))
                .list();
    }

    /** The trader's prepaid credit with the board of a market (what they paid beyond their bills). */
    public long creditOf(UUID traderId) {
        return -ledger.balance(vn.cho40.ledger.Accounts.credit(traderId));
    }

    static View map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long total = rs.getLong(10);
        long paid = rs.getLong(11);
        long waived = rs.getLong(12);
        String status = rs.getString(13);
        String code = rs.getString(14);
        String bin = rs.getString(15);
        String account = rs.getString(16);
        long credited = rs.getLong(17);
        long due = Math.max(0, total - paid - waived - credited);
        String qr = code == null || bin == null || account == null || due == 0 ? null
                : VietQr.encode(VietQrPayload.dynamicCode(bin, account, due, code, code));
        return new View(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class), total, paid, waived, status, code, qr, credited,
                rs.getObject(18, UUID.class), rs.getObject(19, LocalDate.class),
                rs.getObject(20, LocalDate.class));
    }
}
