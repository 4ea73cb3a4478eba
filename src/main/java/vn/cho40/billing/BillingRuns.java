package vn.cho40.billing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.ledger.Accounts;
import vn.cho40.ledger.Ledger;
import vn.cho40.market.Market;
import vn.cho40.metering.MeterKind;
import vn.cho40.metering.MeterUsage;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/**
 * A market's billing run for a month: the preview (every bill and line, totals per charge, the stalls that cannot be
 * billed and why) and the issue, which writes the run, its bills and lines, their numbers, codes and receivables
 * in one transaction: all the bills or none, and a month already issued is refused.
 */
@Service
public class BillingRuns {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One line of a bill to be. */
    public record DraftLine(Charge charge, String description, UUID rateId, String unit, long quantityMilli,
                            long unitPriceVnd, long amountVnd, Integer vatBp, Long readingFrom, Long readingTo,
                            int daysBilled, int daysInPeriod) {

        private static final java.time.format.DateTimeFormatter DAY =
                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

        /** The line of one rate when another prices the rest of the period: its dates go on its description. */
        DraftLine during(LocalDate from, LocalDate to) {
            return new DraftLine(charge, description + " (" + DAY.format(from) + " – " + DAY.format(to) + ")", rateId,
                    unit, quantityMilli, unitPriceVnd, amountVnd, vatBp, readingFrom, readingTo, daysBilled,
                    daysInPeriod);
        }
    }

    /** A bill to be: the stall, the trader holding it, the lease, its lines and total. */
    public record DraftBill(UUID stallId, String stallCode, UUID traderId, String traderName, UUID leaseId,
                            List<DraftLine> lines) {
        public long totalVnd() {
            return lines.stream().mapToLong(DraftLine::amountVnd).sum();
        }
    }

    /** Why a stall, or one charge of it, cannot be billed; its message key says it with what to do. */
    public enum Why {
        NO_LEASE("billing.unbillable.noLease"), NO_RATE("billing.unbillable.noRate"),
        NO_READING("billing.unbillable.noReading");

        private final String key;

        Why(String key) {
            this.key = key;
        }
    }

    /** A stall that cannot be billed (or one of its charges, {@code arg}: the charge's name), and why. */
    public record Unbillable(String stallCode, Why why, String arg) {
        public String reasonKey() {
            return why.key;
        }
    }

    /**
     * A run's preview: {@code period} the month it starts in (a month's run: its month), {@code billing} what it
     * covers, {@code overlaps} whether a run of another kind (a month inside this quarter, say) was issued already.
     */
    public record Preview(String marketCode, YearMonth period, LocalDate dueOn, boolean alreadyIssued,
                          List<DraftBill> bills, List<Unbillable> unbillable, Map<Charge, Long> totals,
                          BillingPeriod billing, boolean overlaps) {
        public long totalVnd() {
            return totals.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Charges of leased stalls left off their bills (no rate, no reading); a vacant stall is not a gap. */
        public long gaps() {
            return unbillable.stream().filter(u -> !u.arg().isEmpty()).count();
        }
    }

    /**
     * What the person issuing has confirmed after the preview: a period that is not the running or the previous one,
     * and bills that leave charges off. The API and the demo issue as told ({@link #AS_TOLD}).
     */
    public record Consent(boolean period, boolean gaps) {
        public static final Consent AS_TOLD = new Consent(true, true);
    }

    /** Serializable: the page shows it after its redirect, carried in the session (stored in the database). */
    public record Issued(UUID runId, int bills, long totalVnd) implements java.io.Serializable {
    }

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final FeeRates rates;
    private final MeterUsage meters;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;

    private final vn.cho40.payment.FreshPaymentCodes freshCodes;
    private final vn.cho40.outbox.Outbox outbox;

    BillingRuns(JdbcClient db, JdbcTemplate jdbc, FeeRates rates, MeterUsage meters, Ledger ledger, AuditLog audit,
                Clock clock, vn.cho40.payment.FreshPaymentCodes freshCodes, vn.cho40.outbox.Outbox outbox) {
        this.outbox = outbox;
        this.freshCodes = freshCodes;
        this.db = db;
        this.jdbc = jdbc;
        this.rates = rates;
        this.meters = meters;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    public Preview preview(Market market, YearMonth period) {
        return preview(market, BillingPeriod.month(period));
    }

    public Preview preview(Market market, BillingPeriod period) {
        return preview(market, period, LocalDate.now(clock.withZone(VN)));
    }

    private Preview preview(Market market, BillingPeriod billing, LocalDate issuedOn) {
        LocalDate first = billing.first();
        LocalDate last = billing.last();
        YearMonth period = YearMonth.from(first);
        boolean day = billing.kind() == BillingPeriod.Kind.DAY;
        boolean issued = db.sql("""
                SELECT EXISTS (SELECT 1 FROM billing_run WHERE market_id = ? AND period_kind = ?
                  AND period_start = ?)""").params(market.id(), billing.kind().name(), first).query(Boolean.class).single();
        // A quarter and a month inside it would bill the same days twice; day tickets are other charges.
        boolean overlaps = !day && db.sql("""
                SELECT EXISTS (SELECT 1 FROM billing_run WHERE market_id = ? AND period_kind <> ? AND period_kind <> 'DAY'
                  AND period_start <= ? AND period_end >= ?)""").params(market.id(), billing.kind().name(), last, first)
                .query(Boolean.class).single();
        List<FeeRate> book = rates.ofProvince(market.provinceCode());
        Map<UUID, MeterUsage.StallUsage> power = meters.inPeriod(market.id(), MeterKind.ELECTRICITY, first, last);
        Map<UUID, MeterUsage.StallUsage> water = meters.inPeriod(market.id(), MeterKind.WATER, first, last);
        // A stall's sub-meters bill what they measure: a water meter read on the walk is charged like electricity.
        Map<MeterKind, Set<UUID>> metered = new EnumMap<>(MeterKind.class);
        for (MeterKind k : MeterKind.values()) {
            metered.put(k, new HashSet<>());
        }
        db.sql("""
                SELECT DISTINCT kind, stall_id FROM meter WHERE market_id = ? AND installed_on <= ?
                  AND (removed_on IS NULL OR removed_on >= ?)""").params(market.id(), last, first)
                .query((rs, n) -> metered.get(MeterKind.valueOf(rs.getString(1))).add(rs.getObject(2, UUID.class)))
                .list();
        record Held(UUID stallId, String stallCode, BigDecimal area, String position, Boolean covered, String seller,
                    String[] charges, UUID leaseId, UUID traderId, String traderName, LocalDate starts, LocalDate ends) {
        }
        List<Held> held = db.sql("""
                SELECT s.id, s.code, s.area_m2, p.position_class, p.covered, p.seller, p.charges, l.id, l.trader_id,
                       t.full_name, l.starts_on, l.ends_on
                FROM stall s
                LEFT JOIN stall_fee_profile p ON p.stall_id = s.id
                LEFT JOIN lease l ON l.stall_id = s.id AND l.starts_on <= ? AND (l.ends_on IS NULL OR l.ends_on >= ?)
                LEFT JOIN trader t ON t.id = l.trader_id
                WHERE s.market_id = ? ORDER BY\s""" + Bills.STALL_ORDER + ", l.starts_on")
                .params(last, first, market.id())
                .query((rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3),
                        rs.getString(4), (Boolean) rs.getObject(5), rs.getString(6),
                        rs.getArray(7) == null ? null : (String[]) rs.getArray(7).getArray(),
                        rs.getObject(8, UUID.class), rs.getObject(9, UUID.class), rs.getString(10),
                        rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class)))
                .list();
        List<DraftBill> bills = new ArrayList<>();
        List<Unbillable> unbillable = new ArrayList<>();
        Map<Charge, Long> totals = new EnumMap<>(Charge.class);
        int daysInPeriod = LineMath.days(first, last);
        for (Held h : held) {
            boolean nonFixed = "NON_FIXED".equals(h.seller());
            if (day && !nonFixed) {
                continue; // day tickets are for non-fixed sellers only
            }
            if (h.leaseId() == null) {
                if (!day) {
                    unbillable.add(new Unbillable(h.stallCode(), Why.NO_LEASE, ""));
                }
                continue;
            }
            Set<Charge> charges = new java.util.LinkedHashSet<>();
            if (h.charges() != null) {
                Arrays.stream(h.charges()).map(Charge::valueOf).forEach(charges::add);
            } else {
                charges.add(Charge.RENT);
                charges.add(Charge.CLEANING);
            }
            if (metered.get(MeterKind.ELECTRICITY).contains(h.stallId()) && !day) {
                charges.add(Charge.ELECTRICITY);
            }
            if (metered.get(MeterKind.WATER).contains(h.stallId()) && !day) {
                charges.add(Charge.WATER);
            }
            StallFacts facts = new StallFacts(h.stallId(), h.stallCode(), market.id(), market.provinceCode(),
                    market.marketClass(), h.area(), h.position(), h.covered() == null || h.covered(),
                    h.seller() == null ? "FIXED" : h.seller(), charges);
            List<DraftLine> lines = new ArrayList<>();
            for (Charge c : charges) {
                List<RateBook.Span> spans = RateBook.spans(book, facts, c, first, last);
                MeterUsage.StallUsage usage = c == Charge.ELECTRICITY ? power.get(h.stallId())
                        : c == Charge.WATER ? water.get(h.stallId()) : null;
                // A metered quantity is shared between the rates in force by the days each priced (as EVN does).
                int pricedDays = spans.stream().filter(sp -> sp.rate() != null)
                        .mapToInt(sp -> LineMath.daysHeld(sp.from(), sp.to(), h.starts(), h.ends())).sum();
                long meteredLeft = usage == null ? 0 : usage.quantity() * 1000;
                int daysLeft = pricedDays;
                boolean unpriced = false;
                for (RateBook.Span span : spans) {
                    int inSpan = LineMath.daysHeld(span.from(), span.to(), h.starts(), h.ends());
                    if (inSpan == 0) {
                        continue;
                    }
                    if (span.rate() == null) {
                        unpriced = true;
                        continue;
                    }
                    FeeRate rate = span.rate();
                    // A non-fixed seller's per-session and per-day charges are paid by day tickets, and only those are.
                    boolean perDay = rate.unit().equals("SESSION") || rate.unit().equals("M2_DAY");
                    if (day != (nonFixed && perDay)) {
                        continue;
                    }
                    Long share = null;
                    if (usage != null) {
                        share = daysLeft == inSpan ? meteredLeft : meteredLeft * inSpan / daysLeft;
                        meteredLeft -= share;
                        daysLeft -= inSpan;
                    }
                    DraftLine line = line(rate, facts, inSpan, daysInPeriod, Math.max(1, billing.months()), usage, share);
                    if (line == null) {
                        unbillable.add(new Unbillable(h.stallCode(), Why.NO_READING, c.name()));
                        break;
                    }
                    if (spans.size() > 1) {
                        line = line.during(span.from(), span.to());
                    }
                    if (line.amountVnd() > 0) {
                        lines.add(line);
                        totals.merge(c, line.amountVnd(), Long::sum);
                    }
                }
                if (unpriced && !day) {
                    unbillable.add(new Unbillable(h.stallCode(), Why.NO_RATE, c.name()));
                }
            }
            if (!lines.isEmpty()) {
                bills.add(new DraftBill(h.stallId(), h.stallCode(), h.traderId(), h.traderName(), h.leaseId(), lines));
            }
        }
        return new Preview(market.code(), period, dueOn(market.id(), billing, issuedOn), issued, bills, unbillable, totals,
                billing, overlaps);
    }

    /** The line a rate makes for a stall over one month; null when a metered charge has no closing reading. */
    static DraftLine line(FeeRate r, StallFacts s, int daysHeld, int daysInPeriod, MeterUsage.StallUsage usage) {
        return line(r, s, daysHeld, daysInPeriod, 1, usage, null);
    }

    /** The same over a period of {@code months} months: a monthly price counts once per month of it. */
    static DraftLine line(FeeRate r, StallFacts s, int daysHeld, int daysInPeriod, int months,
                          MeterUsage.StallUsage usage) {
        return line(r, s, daysHeld, daysInPeriod, months, usage, null);
    }

    /** {@code meteredMilli}: the part of a metered quantity this rate prices (null: all of it). */
    static DraftLine line(FeeRate r, StallFacts s, int daysHeld, int daysInPeriod, int months,
                          MeterUsage.StallUsage usage, Long meteredMilli) {
        long qty;
        long amount;
        Long from = null;
        Long to = null;
        int billed = daysHeld;
        int period = daysInPeriod;
        switch (r.unit()) {
            case "M2_MONTH" -> {
                qty = LineMath.milli(s.areaM2());
                amount = LineMath.amount(r.priceVnd() * months, qty, daysHeld, daysInPeriod);
            }
            case "M2_DAY" -> {
                qty = LineMath.milli(s.areaM2());
                amount = LineMath.amount(r.priceVnd(), qty, daysHeld, 1);
                period = 1;
            }
            case "STALL_MONTH", "SESSION" -> {
                qty = 1000;
                amount = LineMath.amount(r.priceVnd() * months, qty, daysHeld, daysInPeriod);
            }
            case "KWH", "M3" -> {
                if (usage == null) {
                    return null;
                }
                qty = meteredMilli == null ? usage.quantity() * 1000 : meteredMilli;
                amount = LineMath.amount(r.priceVnd(), qty, 1, 1);
                from = usage.parts().getFirst().fromReading();
                to = usage.parts().getLast().toReading();
                billed = 1;
                period = 1;
            }
            default -> throw new IllegalStateException("unknown unit " + r.unit());
        }
        if (!r.vatIncluded() && r.vatBp() != null) {
            amount += LineMath.vat(amount, r.vatBp());
        }
        return new DraftLine(r.charge(), r.label(), r.id(), r.unit(), qty, r.priceVnd(), amount, r.vatBp(), from, to,
                billed, period);
    }

    /**
     * The board's due day of the month after the period, and never less than a week after the bill is issued; a day
     * ticket is due the day it is issued.
     */
    private LocalDate dueOn(UUID marketId, BillingPeriod period, LocalDate issuedOn) {
        if (period.kind() == BillingPeriod.Kind.DAY) {
            return issuedOn.isAfter(period.first()) ? issuedOn : period.first();
        }
        int dueDay = db.sql("SELECT due_day FROM billing_setting WHERE market_id = ?").param(marketId)
                .query(Integer.class).optional().orElse(10);
        LocalDate due = YearMonth.from(period.last()).plusMonths(1).atDay(dueDay);
        return due.isBefore(issuedOn.plusDays(7)) ? issuedOn.plusDays(7) : due;
    }

    /**
     * Issues the month's bills: all or none. Refused when the month was issued already, when the market has no
     * collection account to pay into, or when nothing can be billed.
     */
    @Transactional
    public Issued issue(Market market, YearMonth period, String by) {
        return issue(market, BillingPeriod.month(period), by, LocalDate.now(clock.withZone(VN)), Consent.AS_TOLD);
    }

    @Transactional
    public Issued issue(Market market, BillingPeriod period, String by) {
        return issue(market, period, by, LocalDate.now(clock.withZone(VN)), Consent.AS_TOLD);
    }

    /** As the board's page issues: refused unless an unusual period or charges left off were confirmed. */
    @Transactional
    public Issued issue(Market market, BillingPeriod period, String by, Consent consent) {
        return issue(market, period, by, LocalDate.now(clock.withZone(VN)), consent);
    }

    /** As {@link #issue(Market, YearMonth, String)}, dated as issued on a given day (the demo's past months). */
    @Transactional
    Issued issue(Market market, YearMonth period, String by, LocalDate today) {
        return issue(market, BillingPeriod.month(period), by, today, Consent.AS_TOLD);
    }

    private Issued issue(Market market, BillingPeriod billing, String by, LocalDate today, Consent consent) {
        if (market.collectionAccountNo() == null || market.collectionBankBin() == null) {
            throw new InvalidInputException(Violation.of("market", "billing.run.noCollectionAccount", market.name()));
        }
        // One run per market at a time: a second click waits here, then finds the month issued.
        db.sql("SELECT id FROM market WHERE id = ? FOR UPDATE").param(market.id()).query(UUID.class).single();
        Preview p = preview(market, billing, today);
        YearMonth period = p.period();
        if (p.alreadyIssued()) {
            throw new InvalidInputException(Violation.of("period", "billing.run.alreadyIssued", billing.label()));
        }
        if (p.overlaps()) {
            throw new InvalidInputException(Violation.of("period", "billing.run.overlap", billing.label()));
        }
        if (p.bills().isEmpty()) {
            throw new InvalidInputException(Violation.of("period", "billing.run.nothing", billing.label()));
        }
        BillingPeriod.Timing timing = billing.timing(today);
        if (timing != BillingPeriod.Timing.USUAL && !consent.period()) {
            throw new InvalidInputException(Violation.of("confirmPeriod", "billing.run.confirm" + timing, billing.label()));
        }
        if (p.gaps() > 0 && !consent.gaps()) {
            throw new InvalidInputException(Violation.of("confirmGaps", "billing.run.confirmGaps", p.gaps()));
        }
        Timestamp now = Timestamp.from(clock.instant());
        UUID runId = Ids.newId(clock);
        jdbc.update("""
                INSERT INTO billing_run (id, market_id, period_kind, period_start, period_end, bill_count, total_vnd,
                                         issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                runId, market.id(), billing.kind().name(), billing.first(), billing.last(), p.bills().size(), p.totalVnd(),
                now, by);
        int year = period.getYear();
        int lastNumber = db.sql("""
                INSERT INTO bill_number_sequence (market_id, year, last) VALUES (?, ?, ?)
                ON CONFLICT (market_id, year) DO UPDATE SET last = bill_number_sequence.last + EXCLUDED.last
                RETURNING last""").params(market.id(), year, p.bills().size()).query(Integer.class).single();
        int number = lastNumber - p.bills().size();
        List<Object[]> bills = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Ledger.Posting> postings = new ArrayList<>();
        Map<UUID, UUID> billOfTrader = new LinkedHashMap<>();
        java.util.Iterator<String> codes = freshCodes.generate(p.bills().size()).iterator();
        for (DraftBill b : p.bills()) {
            UUID id = Ids.newId(clock);
            number++;
            bills.add(new Object[] {id, market.id(), runId, billNumber(market.code(), year, number), b.stallId(),
                    b.traderId(), b.leaseId(), billing.first(), billing.last(), today, p.dueOn(), b.totalVnd(),
                    codes.next(), now, by});
            int n = 0;
            List<Ledger.Line> entries = new ArrayList<>();
            entries.add(new Ledger.Line(Accounts.receivable(b.traderId()), b.totalVnd()));
            for (DraftLine l : b.lines()) {
                lines.add(new Object[] {id, ++n, market.id(), l.charge().name(), l.description(), l.rateId(), l.unit(),
                        l.quantityMilli(), l.unitPriceVnd(), l.amountVnd(), l.vatBp(), l.readingFrom(), l.readingTo(),
                        l.daysBilled(), l.daysInPeriod()});
                entries.add(new Ledger.Line(Accounts.revenue(l.charge().name()), -l.amountVnd()));
            }
            postings.add(new Ledger.Posting(market.id(), null, "bill:" + id, null,
                    "Hóa đơn " + b.stallCode() + " " + billing, entries));
            billOfTrader.putIfAbsent(b.traderId(), id);
        }
        jdbc.batchUpdate("""
                INSERT INTO bill (id, market_id, run_id, number, kind, stall_id, trader_id, lease_id, period_start,
                                  period_end, issued_on, due_on, total_vnd, status, payment_code, created_at, created_by)
                VALUES (?, ?, ?, ?, 'BILL', ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""", bills);
        jdbc.batchUpdate("""
                INSERT INTO bill_line (bill_id, line, market_id, charge, description, rate_id, unit, quantity_milli,
                                       unit_price_vnd, amount_vnd, vat_bp, reading_from, reading_to, days_billed,
                                       days_in_period)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
        ledger.postAll(postings);
        applyCredits(market, bills, now);
        audit.record("BILLING_RUN", "billing_run", runId, market.id(), market.provinceCode(),
                billing.label() + " · " + p.bills().size() + " hóa đơn · " + vn.cho40.shared.Money.vnd(p.totalVnd()).format());
        return new Issued(runId, p.bills().size(), p.totalVnd());
    }

    /**
     * A trader who paid more than a bill asked holds a credit with the board (credit:TRADER, a balance owed to them):
     * the new bills use it first, as CREDIT payments, oldest bill first.
     */
    private void applyCredits(Market market, List<Object[]> bills, Timestamp now) {
        Map<UUID, Long> credit = new java.util.HashMap<>();
        ledger.creditBalances(market.id(), Accounts.CREDIT).forEach((account, held) ->
                credit.put(UUID.fromString(account.substring(Accounts.CREDIT.length())), held));
        if (credit.isEmpty()) {
            return;
        }
        List<Ledger.Posting> postings = new ArrayList<>();
        for (Object[] b : bills) {
            UUID bill = (UUID) b[0];
            UUID trader = (UUID) b[5];
            long total = (Long) b[11];
            long left = credit.getOrDefault(trader, 0L);
            long used = Math.min(left, total);
            if (used <= 0) {
                continue;
            }
            credit.put(trader, left - used);
            jdbc.update("""
                    INSERT INTO bill_payment (id, market_id, bill_id, method, amount_vnd, paid_at, recorded_by)
                    VALUES (?, ?, ?, 'CREDIT', ?, ?, 'system')""", Ids.newId(clock), market.id(), bill, used, now);
            outbox.addBillPayments(market.id(), now.toInstant(), 1, used);
            jdbc.update("UPDATE bill SET paid_vnd = paid_vnd + ?, status = CASE WHEN paid_vnd + ? >= total_vnd THEN "
                    + "'PAID' ELSE 'PARTLY_PAID' END WHERE id = ?", used, used, bill);
            postings.add(new Ledger.Posting(market.id(), null, "bill-credit:" + bill, null, "Trừ tiền trả thừa",
                    List.of(new Ledger.Line(Accounts.credit(trader), used),
                            new Ledger.Line(Accounts.receivable(trader), -used))));
        }
        ledger.postAll(postings);
    }

    static String billNumber(String marketCode, int year, int n) {
        return marketCode + "-" + year + "-" + String.format("%06d", n);
    }
}
