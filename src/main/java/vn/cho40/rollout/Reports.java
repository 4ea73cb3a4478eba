package vn.cho40.rollout;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.cho40.identity.CurrentUser;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Money;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/**
 * Builds the monthly (six-monthly, yearly) report of the user's area from the frozen month figures, only for months
 * that have ended: a report of a running month would change under the reader's eyes.
 */
@Service
class Reports {

    /** What the official fills in: the period, the number, the department, the notes. */
    record Request(String kind, String month, String number, String agency, String notes, String regime) {
    }

    private final RolloutViews views;
    private final KpiFigures figures;
    private final KpiSnapshots snapshots;
    private final Reported reported;
    private final MessageSource messages;
    private final Clock clock;

    Reports(RolloutViews views, KpiFigures figures, KpiSnapshots snapshots, Reported reported,
            MessageSource messages, Clock clock) {
        this.views = views;
        this.figures = figures;
        this.snapshots = snapshots;
        this.reported = reported;
        this.messages = messages;
        this.clock = clock;
    }

    MonthlyReport build(CurrentUser user, String level, String code, Request request, Locale locale) {
        RolloutViews.Unit unit = views.resolve(user, level, code);
        MonthlyReport.Kind kind;
        try {
            kind = MonthlyReport.Kind.valueOf(request.kind() == null || request.kind().isBlank() ? "MONTH"
                    : request.kind().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("kind", "rollout.report.kindInvalid"));
        }
        YearMonth month;
        try {
            month = YearMonth.parse(request.month() == null ? "" : request.month().strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("month", "rollout.reported.month"));
        }
        MonthlyReport.Period period = MonthlyReport.Period.of(kind, month);
        if (!figures.closed(period.last())) {
            // A half year or a year ends with its last month: say that month, not the one asked for.
            throw new InvalidInputException(Violation.of("month", kind == MonthlyReport.Kind.MONTH
                    ? "rollout.report.notClosed" : "rollout.report.periodNotClosed",
                    vn.cho40.shared.VnFormats.month(period.last())));
        }
        if (period.first().isBefore(RolloutPages.PROGRAMME_START)) {
            throw new InvalidInputException(Violation.of("month", "rollout.report.beforeProgramme"));
        }
        boolean districts = "pre2025".equals(request.regime());
        YearMonth last = period.last();
        List<MarketMonth> lastMonth = views.markets(unit, last);
        UnitMonth total = views.total(unit, last, lastMonth);
        long count = 0;
        long value = 0;
        java.util.Map<String, long[]> unitSums = new java.util.HashMap<>();
        for (YearMonth m : period.months()) {
            List<MarketMonth> markets = m.equals(last) ? lastMonth : views.markets(unit, m);
            for (UnitMonth u : views.children(unit, m, markets, districts)) {
                long[] s = unitSums.computeIfAbsent(u.code(), k -> new long[2]);
                s[0] += u.paymentsCount();
                s[1] += u.paymentsValue();
            }
            for (MarketMonth mm : markets) {
                count += mm.paymentsCount();
                value += mm.paymentsValue();
            }
        }
        List<MonthlyReport.TargetLine> targets = new ArrayList<>();
        if (unit.national() || unit.level() == Level.PROVINCE) {
            for (RolloutViews.TargetRow r : views.targets(user.scope(), unit.provinceCode(), period.last().atEndOfMonth())) {
                Plans.Target t = r.target();
                String actual = r.progress().status() == TargetProgress.Status.NOT_RECORDED ? "—"
                        : t.percent() ? percent(r.progress().value()) : VnFormats.groupThousands((long) r.progress().value());
                targets.add(new MonthlyReport.TargetLine(r.plan().number(),
                        msg("rollout.indicator." + t.indicator(), locale)
                                + (t.scope().equals("PRIORITY") ? " · " + msg("rollout.target.priority", locale, String.valueOf(t.priorityYear())) : ""),
                        t.value() + (t.percent() ? " %" : ""), VnFormats.date(t.deadline()), actual,
                        msg("rollout.status." + r.progress().status(), locale)));
            }
        }
        List<MonthlyReport.Line> summary = new ArrayList<>();
        summary.add(line("rollout.indicator.MARKETS_LIVE", total.marketsLive() + "/" + total.markets(), locale));
        summary.add(line("rollout.indicator.TRADERS_WITH_QR", VnFormats.groupThousands(total.tradersWithQr()) + "/"
                + VnFormats.groupThousands(total.traders()) + " (" + percent(total.qrShare()) + ")", locale));
        summary.add(line("rollout.indicator.TRADERS_ACTIVE", VnFormats.groupThousands(total.tradersActive()) + " ("
                + percent(total.activeShare()) + ")", locale));
        summary.add(new MonthlyReport.Line(msg("rollout.indicator.PAYMENTS_COUNT", locale),
                VnFormats.groupThousands(count), count));
        summary.add(new MonthlyReport.Line(msg("rollout.indicator.PAYMENTS_VALUE", locale), Money.vnd(value).format(),
                value));
        for (Indicator i : List.of(Indicator.FEES_CASHLESS, Indicator.EINVOICES, Indicator.PAYROLL_TRANSFER,
                Indicator.PRODUCTS_ONLINE)) {
            Integer with = total.marketsWith().get(i.figureKey());
            String shown = with == null ? msg("rollout.notRecorded", locale) : with + "/" + total.markets();
            if (i == Indicator.FEES_CASHLESS && total.feesCashlessShare() != null) {
                shown += " · " + msg("rollout.feesShare", locale, percent(total.feesCashlessShare()).replace(" %", ""));
            }
            summary.add(line("rollout.indicator." + i, shown, locale));
        }
        List<MonthlyReport.UnitLine> units = new ArrayList<>();
        for (UnitMonth u : views.children(unit, last, lastMonth, districts)) {
            long[] s = unitSums.getOrDefault(u.code(), new long[2]);
            units.add(new MonthlyReport.UnitLine(u.name(), u.marketsLive() + "/" + u.markets(), u.traders(),
                    u.tradersWithQr(), percent(u.qrShare()), u.tradersActive(), s[0], s[1]));
        }
        List<MonthlyReport.Line> people = new ArrayList<>();
        if (unit.provinceCode() != null) {
            for (YearMonth m : period.months()) {
                for (Reported.Figure f : reported.of(unit.provinceCode(), m)) {
                    people.add(new MonthlyReport.Line(f.label() + " (" + m.getMonthValue() + "/" + m.getYear() + ")",
                            VnFormats.groupThousands(f.value()) + " " + f.unit() + " · "
                                    + msg("rollout.reported.by", locale, f.source(), f.enteredBy())));
                }
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(VnFormats.VIETNAM));
        String periodText = switch (kind) {
            case MONTH -> msg("rollout.report.period.MONTH", locale, VnFormats.month(last));
            case HALF -> msg("rollout.report.period.HALF", locale, last.getMonthValue() <= 6 ? "I" : "II", String.valueOf(last.getYear()));
            case YEAR -> msg("rollout.report.period.YEAR", locale, String.valueOf(last.getYear()));
        };
        String frozen = snapshots.latestStored(unit.provinceCode(), last).stream()
                .map(KpiSnapshots.Stored::frozenAt).max(java.util.Comparator.naturalOrder())
                .map(at -> msg("rollout.report.frozen", locale, VnFormats.dateTime(at)))
                .orElse(msg("rollout.report.notFrozen", locale));
        String provinceName = unit.national() ? "" : views.unitName(Level.PROVINCE, unit.provinceCode());
        String number = clean(request.number());
        String agency = clean(request.agency());
        // A commune's report is the commune People's Committee's own: no province line above it, its own place.
        boolean commune = unit.level() == Level.COMMUNE;
        String defaultAgency = commune ? msg("rollout.report.agency.commune", locale, unit.name())
                : msg("rollout.report.agency.default", locale);
        return new MonthlyReport(commune ? "" : provinceName, agency == null ? defaultAgency : agency,
                number == null ? "" : number, today,
                (commune ? unit.name() : provinceName).replaceFirst("^(Tỉnh|Thành phố|Xã|Phường|Đặc khu) ", ""),
                period, msg("rollout.report.subject", locale, periodText) + (unit.national() || unit.level() == Level.PROVINCE
                        ? "" : " · " + unit.name()), targets, summary,
                msg("rollout.level." + RolloutViews.childLevel(unit, districts), locale), units, people,
                clean(request.notes()), frozen);
    }

    private MonthlyReport.Line line(String key, String value, Locale locale) {
        return new MonthlyReport.Line(msg(key, locale), value);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f", share).replace('.', ',') + " %";
    }

    private static String clean(String s) {
        String c = SearchText.clean(s);
        return c == null || c.isBlank() ? null : c.strip();
    }
}
