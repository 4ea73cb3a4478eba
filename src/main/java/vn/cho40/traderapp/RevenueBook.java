package vn.cho40.traderapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.ledger.Accounts;
import vn.cho40.ledger.Ledger;
import vn.cho40.payment.Payments;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Money;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/**
 * A trader's takings and revenue book: transfers matched to them (from the payments module) and the cash sales
 * they write down, per Vietnamese day. The book of a month is what a household business declares its revenue
 * from since presumptive tax ended on 1 January 2026.
 */
@Service
public class RevenueBook {

    /** Cash sales may be written for today and back to the first day of the previous month. */
    private static final int MAX_NOTE = 120;

    /** The cash sale a trader may write at most: a billion, or the ceiling of any transfer when it is lower. */
    private static final long MAX_CASH_VND = 1_000_000_000L;

    private final JdbcClient db;
    private final Payments payments;
    private final Ledger ledger;
    private final Clock clock;
    private final long maxAmountVnd;

    RevenueBook(JdbcClient db, Payments payments, Ledger ledger, Clock clock,
                @org.springframework.beans.factory.annotation.Value("${cho40.payments.max-amount-vnd}")
                long maxAmountVnd) {
        this.maxAmountVnd = maxAmountVnd;
        this.db = db;
        this.payments = payments;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Sums over a period: transfers (count, đồng), cash (count, đồng), what was paid back to buyers (cancelled
     * orders' refunds: count, đồng), and the revenue: takings less refunds.
     */
    public record Sums(int transfers, long transferVnd, int cashSales, long cashVnd, int refunds, long refundVnd) {
        static final Sums ZERO = new Sums(0, 0, 0, 0);

        public Sums(int transfers, long transferVnd, int cashSales, long cashVnd) {
            this(transfers, transferVnd, cashSales, cashVnd, 0, 0);
        }

        public long totalVnd() {
            return Money.saturatedSum(transferVnd, cashVnd) - refundVnd;
        }

        Sums plus(Sums o) {
            return new Sums(transfers + o.transfers, Money.saturatedSum(transferVnd, o.transferVnd),
                    cashSales + o.cashSales, Money.saturatedSum(cashVnd, o.cashVnd), refunds + o.refunds,
                    Money.saturatedSum(refundVnd, o.refundVnd));
        }
    }

    /** One day of the book. */
    public record Day(LocalDate day, Sums sums) {
    }

    public record Takings(LocalDate today, Sums day, Sums week, Sums month) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VnFormats.VIETNAM));
    }

    /** Today, this week (from Monday) and this month, in Vietnam time. */
    public Takings takings(UUID traderId) {
        LocalDate today = today();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = today.withDayOfMonth(1);
        LocalDate from = monday.isBefore(first) ? monday : first;
        Map<LocalDate, Sums> days = days(traderId, from, today);
        return new Takings(today, sum(days, today, today), sum(days, monday, today), sum(days, first, today));
    }

    /** Every day of a month that has takings, in order. */
    public List<Day> month(UUID traderId, YearMonth month) {
        List<Day> out = new ArrayList<>();
        days(traderId, month.atDay(1), month.atEndOfMonth()).forEach((d, s) -> out.add(new Day(d, s)));
        return out;
    }

    public static Sums total(List<Day> days) {
        return days.stream().map(Day::sums).reduce(Sums.ZERO, Sums::plus);
    }

    private Map<LocalDate, Sums> days(UUID traderId, LocalDate from, LocalDate to) {
        Map<LocalDate, Sums> days = new TreeMap<>();
        for (Payments.DayTotal t : payments.dailyCredits(traderId, from, to)) {
            days.merge(t.day(), new Sums(t.count(), t.amountVnd(), 0, 0), Sums::plus);
        }
        db.sql("""
                SELECT sold_on, count(*), LEAST(sum(amount_vnd), 9223372036854775807)::bigint FROM cash_sale
                WHERE trader_id = ? AND removed_at IS NULL AND sold_on BETWEEN ? AND ? GROUP BY 1""")
                .params(traderId, from, to)
                .query(rs -> {
                    days.merge(rs.getObject(1, LocalDate.class), new Sums(0, 0, rs.getInt(2), rs.getLong(3)),
                            Sums::plus);
                });
        for (Ledger.DayCredits r : ledger.dailyCredits(Accounts.refunds(traderId), from, to)) {
            days.merge(r.day(), new Sums(0, 0, 0, 0, r.count(), r.amountVnd()), Sums::plus);
        }
        return days;
    }

    private static Sums sum(Map<LocalDate, Sums> days, LocalDate from, LocalDate to) {
        return days.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                .map(Map.Entry::getValue).reduce(Sums.ZERO, Sums::plus);
    }

    /** A cash sale as the trader wrote it. */
    public record CashSale(UUID id, LocalDate soldOn, long amountVnd, String note) {
    }

    public List<CashSale> cashSales(UUID traderId, YearMonth month) {
        return db.sql("""
                SELECT id, sold_on, amount_vnd, note FROM cash_sale WHERE trader_id = ? AND removed_at IS NULL
                  AND sold_on BETWEEN ? AND ? ORDER BY sold_on DESC, created_at DESC""")
                .params(traderId, month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> new CashSale(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getLong(3), rs.getString(4)))
                .list();
    }

    /** Writes a cash sale down; every problem with the input is reported at once. */
    public CashSale addCash(UUID traderId, UUID marketId, String amountText, String dateText, String note) {
        List<Violation> problems = new ArrayList<>();
        var amount = Money.parse(amountText);
        if (amount.isEmpty() || amount.get().vnd() <= 0 || amount.get().vnd() > MAX_CASH_VND) {
            problems.add(amountText == null || amountText.isBlank() ? Violation.of("amount", "cash.amount.missing")
                    : Violation.of("amount", "cash.amount.invalid", amountText.strip()));
        } else if (amount.get().vnd() > maxAmountVnd) {
            problems.add(Violation.of("amount", "amount.aboveCeiling", amount.get().format(),
                    Money.vnd(maxAmountVnd).format()));
        }
        LocalDate today = today();
        LocalDate day = today;
        if (dateText != null && !dateText.isBlank()) {
            day = VnFormats.parseDate(dateText.strip()).orElse(null);
            if (day == null) {
                problems.add(Violation.of("date", "cash.date.invalid", dateText.strip()));
            }
        }
        if (day != null && (day.isAfter(today) || day.isBefore(today.minusMonths(1).withDayOfMonth(1)))) {
            problems.add(Violation.of("date", "cash.date.range", VnFormats.date(today.minusMonths(1).withDayOfMonth(1)),
                    VnFormats.date(today)));
        }
        String cleanNote = SearchText.clean(note);
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            problems.add(Violation.of("note", "cash.note.long", MAX_NOTE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO cash_sale (id, trader_id, market_id, sold_on, amount_vnd, note, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, traderId, marketId, day, amount.get().vnd(), cleanNote == null || cleanNote.isEmpty()
                        ? null : cleanNote, Timestamp.from(clock.instant())).update();
        return new CashSale(id, day, amount.get().vnd(), cleanNote);
    }

    /** Takes back a cash sale the trader wrote by mistake (kept as removed, never deleted). */
    public void removeCash(UUID traderId, UUID saleId) {
        int changed = db.sql("""
                UPDATE cash_sale SET removed_at = ? WHERE id = ? AND trader_id = ? AND removed_at IS NULL""")
                .params(Timestamp.from(clock.instant()), saleId, traderId).update();
        if (changed == 0) {
            throw new NotFoundException("cash.notFound", saleId);
        }
    }
}
