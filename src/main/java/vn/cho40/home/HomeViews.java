package vn.cho40.home;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.audit.AuditEntry;
import vn.cho40.audit.AuditLog;
import vn.cho40.billing.FeeSummaries;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Menu;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;
import vn.cho40.identity.Scope;
import vn.cho40.market.Market;
import vn.cho40.market.MarketFigures;
import vn.cho40.market.MarketStatus;
import vn.cho40.market.Markets;
import vn.cho40.payment.PaymentExceptions;
import vn.cho40.payment.PaymentFigures;
import vn.cho40.payment.PaymentWarnings;
import vn.cho40.shared.VnFormats;
import vn.cho40.trader.TraderFigures;
import vn.cho40.vietqr.SignFigures;

/** What each role's start page shows, from count and sum queries of the modules that own the data. */
@Service
class HomeViews {

    /**
     * How long a market may go without a finished inspection round before its home says one is due. The programme's
     * documents set no cadence; a month keeps look-alike stickers from staying up for long.
     */
    static final Duration INSPECTION_INTERVAL = Duration.ofDays(30);
    static final int QUEUE_PREVIEW = 5;

    /** A province, a commune or the country at a glance. */
    record Area(String placeName, Map<MarketStatus, Long> markets, long marketTotal, long traders, long tradersWithQr,
                PaymentFigures.Totals payments) {
    }

    /** A market's day (or the markets of a wider scope, for a board member given one). */
    record MarketDay(Market market, PaymentFigures.Totals payments, long vacantStalls, long withoutSign,
                     SignFigures.InspectionState inspections, boolean inspectionDue, long exceptions, long warnings,
                     List<PaymentExceptions.Item> queue, FeeSummaries.Summary fees) {

        /** After how many days without a finished round an inspection is due. */
        public long inspectionIntervalDays() {
            return INSPECTION_INTERVAL.toDays();
        }
    }

    /** The tech member's month: the traders they onboarded. */
    record Tech(YearMonth month, long count, List<TraderFigures.Onboarded> onboarded) {
    }

    /** The auditor's latest entries and the pages they may read. */
    record Auditor(List<AuditEntry> latest, List<MenuEntry> pages) {
    }

    private final MarketFigures marketFigures;
    private final TraderFigures traderFigures;
    private final SignFigures signFigures;
    private final PaymentFigures paymentFigures;
    private final vn.cho40.rollout.MonthCredits monthCredits;
    private final PaymentExceptions exceptions;
    private final PaymentWarnings warnings;
    private final Markets markets;
    private final AdminUnits units;
    private final AuditLog audit;
    private final Menu menu;
    private final Clock clock;
    private final FeeSummaries fees;

    HomeViews(MarketFigures marketFigures, TraderFigures traderFigures, SignFigures signFigures,
              PaymentFigures paymentFigures, PaymentExceptions exceptions, PaymentWarnings warnings, Markets markets,
              AdminUnits units, AuditLog audit, Menu menu, Clock clock, FeeSummaries fees,
              vn.cho40.rollout.MonthCredits monthCredits) {
        this.monthCredits = monthCredits;
        this.fees = fees;
        this.marketFigures = marketFigures;
        this.traderFigures = traderFigures;
        this.signFigures = signFigures;
        this.paymentFigures = paymentFigures;
        this.exceptions = exceptions;
        this.warnings = warnings;
        this.markets = markets;
        this.units = units;
        this.audit = audit;
        this.menu = menu;
        this.clock = clock;
    }

    Area area(CurrentUser user) {
        Scope scope = user.scope();
        Map<MarketStatus, Long> byStatus = marketFigures.byStatus(scope);
        String place = scope.kind() == Scope.Kind.NATIONAL ? null
                : units.find(AdminUnit.Regime.CURRENT, scope.code()).map(AdminUnit::name).orElse(scope.code());
        return new Area(place, byStatus, byStatus.values().stream().mapToLong(Long::longValue).sum(),
                traderFigures.traders(scope), signFigures.tradersWithQr(scope), payments(scope));
    }

    MarketDay marketDay(CurrentUser user) {
        Scope scope = user.scope();
        Market market = scope.kind() == Scope.Kind.MARKET ? markets.find(scope.code()).orElse(null) : null;
        SignFigures.InspectionState inspections = signFigures.inspections(scope);
        Instant last = inspections.lastFinishedAt();
        boolean due = last == null || last.isBefore(clock.instant().minus(INSPECTION_INTERVAL));
        return new MarketDay(market, payments(scope), traderFigures.vacantStalls(scope),
                signFigures.leasedWithoutSign(scope), inspections, due, exceptions.count(scope),
                warnings.count(scope), exceptions.open(scope, QUEUE_PREVIEW),
                user.may(Permission.BILL_READ) ? fees.of(scope, today()) : null);
    }

    Tech tech(CurrentUser user) {
        LocalDate today = today();
        Instant monthStart = startOf(today.withDayOfMonth(1));
        return new Tech(YearMonth.from(today), traderFigures.completedCount(user.username(), monthStart),
                traderFigures.completedBy(user.username(), monthStart, 100));
    }

    Auditor auditor(CurrentUser user) {
        List<MenuEntry> pages = menu.shownTo(user).stream()
                .filter(e -> e.permission() != null).toList();
        return new Auditor(audit.latest(user.scope(), null, 10), pages);
    }

    /**
     * Today from the payments themselves; the month as the rollout's indicators count it (with the history reported
     * before cho40), so a province's home and its dashboard give one figure. Never below today's.
     */
    private PaymentFigures.Totals payments(Scope scope) {
        LocalDate today = today();
        PaymentFigures.Totals live = paymentFigures.credited(scope, startOf(today), startOf(today.withDayOfMonth(1)));
        vn.cho40.rollout.MonthCredits.Month month = monthCredits.of(scope, YearMonth.from(today));
        return month.count() < live.todayCount() ? live : new PaymentFigures.Totals(live.todayCount(), live.todayVnd(),
                month.count(), month.vnd());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VnFormats.VIETNAM);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(VnFormats.VIETNAM).toInstant();
    }
}
