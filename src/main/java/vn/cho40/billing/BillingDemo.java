package vn.cho40.billing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.payment.InboundPayment;
import vn.cho40.payment.PaymentIngest;
import vn.cho40.payment.Verdict;
import vn.cho40.privacy.FieldCipher;

/**
 * The demo's fees: the shipped rate book for each demo province, a collection account for each board, every
 * market's bills for the last three months, and payments for them through the real path (signed-webhook equivalents
 * handed to the ingest, matched and settled by the matcher; one in ten at the board's cash desk, each day's cash
 * closed with its count): the oldest month almost all paid, the last one about half, the rest overdue. Runs after the meters' demo (their readings price electricity); does nothing twice.
 */
@Component
@Order(35)
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class BillingDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BillingDemo.class);
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Agribank: the bank most rural market boards hold their account with. */
    private static final String DEMO_BIN = "970405";

    private final JdbcClient db;
    private final Markets markets;
    private final FeeRates rates;
    private final BillingRuns runs;
    private final Bills bills;
    private final PaymentIngest ingest;
    private final CashDesk desk;
    private final vn.cho40.identity.StaffUsers staffUsers;
    private final FieldCipher cipher;
    private final Clock clock;

    BillingDemo(JdbcClient db, Markets markets, FeeRates rates, BillingRuns runs, Bills bills, PaymentIngest ingest,
                CashDesk desk, vn.cho40.identity.StaffUsers staffUsers, FieldCipher cipher, Clock clock) {
        this.desk = desk;
        this.staffUsers = staffUsers;
        this.db = db;
        this.markets = markets;
        this.rates = rates;
        this.runs = runs;
        this.bills = bills;
        this.ingest = ingest;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Two boards of the demo issue e-invoices already (the others have not set up, as in the programme's early
     * months): their seller details, a tax code with a valid check digit, and this year's series.
     */
    private void sellerSetting(Market m, int index) {
        String taxCode = null;
        for (int n = 0; taxCode == null; n++) {
            taxCode = vn.cho40.einvoice.TaxCode.withCheckDigit(String.format("46%07d", 10_000 + index * 37 + n)).orElse(null);
        }
        String letters = m.code().substring(m.code().indexOf('-') + 1).replaceAll("[^A-Z]", "") + "XX";
        // The receipt series too (no charge is set to a receipt: the board chooses on its register).
        String year = String.format("%02d", LocalDate.now(clock.withZone(VN)).getYear() % 100);
        db.sql("""
                INSERT INTO einvoice_setting (market_id, seller_name, seller_tax_code, seller_address, form, series,
                                              receipt_form, receipt_series, updated_at, updated_by)
                VALUES (?, ?, ?, ?, 1, ?, '01BLP0-001', ?, now(), 'demo') ON CONFLICT (market_id) DO NOTHING""")
                .params(m.id(), "Ban quản lý " + m.name(), taxCode, m.address() == null ? m.name() : m.address(),
                        "C" + year + "T" + letters.substring(0, 2), letters.substring(0, 2) + "-" + year + "E")
                .update();
    }

    /** A bill the demo has paid in cash, and when. */
    private record CashPaid(Bills.View bill, java.time.Instant at) {
    }

    /**
     * The cash of a month's bills taken at the board's desk through the real path (receipts, ledger, e-invoices),
     * each day closed at the end of the market with its count; now and then the count is short and says why.
     */
    private void cashDesk(Market m, List<CashPaid> paid) {
        if (paid.isEmpty()) {
            return;
        }
        String cashier = cashierOf(m);
        var days = new java.util.TreeSet<LocalDate>();
        for (CashPaid p : paid.stream().sorted(java.util.Comparator.comparing(CashPaid::at)).toList()) {
            desk.payAt(m, p.bill().id(), p.bill().totalVnd(), p.bill().traderName(), cashier, p.at());
            days.add(LocalDate.ofInstant(p.at(), VN));
        }
        for (LocalDate day : days) {
            long expected = desk.session(m, cashier, day).orElseThrow().expectedVnd();
            boolean short5k = day.getDayOfMonth() % 9 == 4 && expected > 5_000;
            desk.closeDay(m, cashier, day, short5k ? expected - 5_000 : expected,
                    short5k ? "Thiếu 5.000 đ: trả lại tiền thừa nhầm cho một khách" : null,
                    day.atTime(17, 30).atZone(VN).toInstant());
        }
    }

    /** The market's cashier, else its manager; a market with neither has its desk kept under a cashier's name. */
    private String cashierOf(Market m) {
        List<vn.cho40.identity.StaffUser> staff = staffUsers.list(
                vn.cho40.identity.Scope.of(vn.cho40.identity.Scope.Kind.MARKET, m.code()));
        return staff.stream().filter(u -> u.role() == vn.cho40.identity.Role.MARKET_CASHIER).findFirst()
                .or(() -> staff.stream().filter(u -> u.role() == vn.cho40.identity.Role.MARKET_MANAGER).findFirst())
                .map(vn.cho40.identity.StaffUser::username)
                .orElse("thungan." + m.code().substring(m.code().indexOf('-') + 1).toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        // Once: markets added to a demo later (by hand, or the benchmarks' thousands) get no invented bills.
        if (db.sql("SELECT EXISTS (SELECT 1 FROM billing_run)").query(Boolean.class).single()) {
            return;
        }
        List<String> codes = db.sql("""
                SELECT code FROM market m WHERE EXISTS (SELECT 1 FROM stall s WHERE s.market_id = m.id)
                AND NOT EXISTS (SELECT 1 FROM billing_run r WHERE r.market_id = m.id) ORDER BY code""")
                .query(String.class).list();
        if (codes.isEmpty()) {
            return;
        }
        YearMonth now = YearMonth.from(LocalDate.now(clock.withZone(VN)));
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        int issued = 0;
        int index = 0;
        for (String code : codes) {
            index++;
            Market m = markets.get(code);
            rates.seedDemo(m.provinceCode());
            if (m.collectionAccountNo() == null) {
                String account = String.format("1900%08d", 205_000 + index);
                db.sql("""
                        UPDATE market SET collection_bank_bin = ?, collection_account_no = ?, collection_account_name = ?,
                            collection_account_hash = ? WHERE id = ?""")
                        .params(DEMO_BIN, account, "BQL " + m.name().toUpperCase(java.util.Locale.ROOT),
                                cipher.index("account_number", account), m.id())
                        .update();
                m = markets.get(code);
            }
            // The demo's traders were imported today; their leases are older than the bills: from the first billed
            // month, a few from its 11th so that those first bills show proration.
            LocalDate since = now.minusMonths(3).atDay(1);
            db.sql("""
                    UPDATE lease l SET starts_on = CASE WHEN s.rn % 25 = 0 THEN ? ELSE ? END
                    FROM (SELECT id, row_number() OVER (ORDER BY stall_id) AS rn FROM lease
                          WHERE market_id = ? AND ends_on IS NULL AND starts_on > ?) s
                    WHERE l.id = s.id""").params(since.plusDays(10), since, m.id(), since).update();
            if (code.equals("TN-DAITU") || code.equals("DB-BUNGLAO")) {
                sellerSetting(m, index);
            }
            for (int back = 3; back >= 1; back--) {
                YearMonth period = now.minusMonths(back);
                try {
                    BillingRuns.Issued run = runs.issue(m, period, "demo", period.plusMonths(1).atDay(1));
                    issued += run.bills();
                } catch (RuntimeException e) {
                    log.info("Bản demo không lập hóa đơn {} {} (demo did not bill): {}", code, period, e.getMessage());
                    continue;
                }
                // Oldest month: 9 in 10 paid; middle: 7 in 10; last: half. The one in 20 that pays short stays partly paid.
                int paidShare = back == 3 ? 9 : back == 2 ? 7 : 5;
                List<InboundPayment> payments = new ArrayList<>();
                List<CashPaid> cash = new ArrayList<>();
                int i = 0;
                for (Bills.View b : bills.ofMarket(m.id(), period, "")) {
                    i++;
                    // The first stall's last bill stays unpaid: the demo trader (stall A-1) has a bill to pay.
                    if (i % 10 >= paidShare || (i == 1 && back == 1)) {
                        continue;
                    }
                    long amount = i % 20 == 7 ? b.totalVnd() / 2 : b.totalVnd();
                    var booked = b.dueOn().minusDays(1 + i % 5).atTime(9 + i % 8, (i * 7) % 60).atZone(VN).toInstant();
                    if (booked.isAfter(clock.instant())) {
                        // Last month's bills fall due after today: paid so far, between their issue and now.
                        var issuedAt = period.plusMonths(1).atDay(1).atTime(7, 0).atZone(VN).toInstant();
                        long span = Math.max(1, java.time.Duration.between(issuedAt, clock.instant()).toMinutes());
                        booked = issuedAt.plus(java.time.Duration.ofMinutes((i * 7919L) % span));
                    }
                    // One in ten pays at the board's cash desk, in the morning market, on a day gone by (today's
                    // desk is the cashier's own to open).
                    LocalDate today = LocalDate.now(clock.withZone(VN));
                    LocalDate cashDay = b.dueOn().minusDays(1 + (i / 10) % 9);
                    if (!cashDay.isBefore(today)) {
                        // Not yet due: some morning since the bill was issued.
                        LocalDate issuedOn = period.plusMonths(1).atDay(1);
                        cashDay = issuedOn.plusDays((i / 10) % Math.max(1, today.toEpochDay() - issuedOn.toEpochDay()));
                    }
                    if (i % 10 == 0 && cashDay.isBefore(today)) {
                        cash.add(new CashPaid(b, cashDay.atTime(6 + i % 4, (i * 13) % 60).atZone(VN).toInstant()));
                        continue;
                    }
                    payments.add(new InboundPayment(InboundPayment.Provider.SEPAY, "demo-fee-" + b.number(),
                            "DEMOFEE" + b.number().replace("-", ""), amount, InboundPayment.Direction.CREDIT, booked,
                            m.collectionAccountNo(), null, b.paymentCode() + " tien cho quay " + b.stallCode(),
                            b.traderName(), null, null, null, null, m.collectionBankBin()));
                }
                cashDesk(m, cash);
                if (!payments.isEmpty()) {
                    sent.add(ingest.record(InboundPayment.Provider.SEPAY, new Verdict.Accepted(payments),
                            ("demo fees " + code + " " + period).getBytes(StandardCharsets.UTF_8), "demo", null,
                            m.provinceCode()));
                }
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        log.info("Đã lập {} hóa đơn phí mẫu cho {} chợ trong {} ms; các khoản trả đang được ghi nhận (demo bills)",
                issued, codes.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
