package vn.cho40.rollout;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;

/**
 * The dashboards: a province's (or the country's, a commune's, a district's, a market's) figures for a month, its
 * plans' targets, the units below it to drill into, and the charts, which draw themselves from a compact JSON.
 */
@Controller
class RolloutPages {

    /** Charts start with the programme: the first Chợ 4.0 market went live in April 2022. */
    static final YearMonth PROGRAMME_START = YearMonth.of(2022, 1);

    private final RolloutViews views;
    private final KpiFigures figures;
    private final KpiSeries series;
    private final Reported reported;
    private final Access access;
    private final List<UnitSeries> unitSeries;

    RolloutPages(RolloutViews views, KpiFigures figures, KpiSeries series, Reported reported, Access access,
                 List<UnitSeries> unitSeries) {
        this.unitSeries = List.copyOf(unitSeries);
        this.views = views;
        this.figures = figures;
        this.series = series;
        this.reported = reported;
        this.access = access;
    }

    @GetMapping("/rollout")
    String dashboard(@RequestParam(required = false) String level, @RequestParam(required = false) String code,
                     @RequestParam(required = false) String month, @RequestParam(required = false) String regime,
                     Model model) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_READ);
        RolloutViews.Unit unit = views.resolve(user, level, code);
        YearMonth m = month(month);
        boolean districts = "pre2025".equals(regime);
        List<MarketMonth> markets = views.markets(unit, m);
        model.addAttribute("unit", unit);
        model.addAttribute("month", m);
        model.addAttribute("monthValue", m.toString());
        if (month != null && !month.isBlank() && !m.toString().equals(month.strip())) {
            // Asked for a month that is not one, or one outside the programme: say which month is shown instead.
            model.addAttribute("monthRefused", month.strip());
        }
        model.addAttribute("current", m.equals(figures.currentMonth()));
        // Reports are of finished months: from the running month the button opens the last finished one.
        model.addAttribute("reportMonth", (m.isBefore(figures.currentMonth()) ? m : figures.currentMonth().minusMonths(1))
                .toString());
        model.addAttribute("regime", districts ? "pre2025" : "2025");
        model.addAttribute("total", views.total(unit, m, markets));
        model.addAttribute("recorded", figures.recordedKeys());
        model.addAttribute("threshold", figures.activeThreshold(unit.provinceCode()));
        model.addAttribute("childLevel", RolloutViews.childLevel(unit, districts));
        if (!unit.national() && unit.level() == Level.MARKET) {
            model.addAttribute("stalls", views.stalls(unit, m));
        } else {
            model.addAttribute("children", views.children(unit, m, markets, districts));
        }
        boolean showTargets = unit.national() || unit.level() == Level.PROVINCE;
        model.addAttribute("targets", showTargets ? views.targets(user.scope(), unit.provinceCode()) : List.of());
        model.addAttribute("reported", showTargets && unit.provinceCode() != null
                ? reported.of(unit.provinceCode(), m) : List.of());
        model.addAttribute("canPlan", user.may(Permission.ROLLOUT_PLAN));
        model.addAttribute("breadcrumbs", breadcrumbs(user, unit));
        return "rollout/dashboard";
    }

    /** The charts' data: months with their figures, and the units below ranked by the month's payments. */
    @GetMapping(value = "/rollout/series.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> seriesJson(@RequestParam(required = false) String level,
                                                   @RequestParam(required = false) String code,
                                                   @RequestParam(required = false) String month,
                                                   @RequestParam(required = false) String regime) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_READ);
        RolloutViews.Unit unit = views.resolve(user, level, code);
        YearMonth m = month(month);
        List<KpiSeries.Point> points = series.of(unit.provinceCode(), unit.national() ? Level.PROVINCE : unit.level(),
                unit.national() ? null : unit.code(), PROGRAMME_START);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("months", points.stream().map(p -> p.month().toString()).toList());
        body.put("marketsLive", points.stream().map(KpiSeries.Point::marketsLive).toList());
        body.put("traders", points.stream().map(KpiSeries.Point::traders).toList());
        body.put("withQr", points.stream().map(KpiSeries.Point::tradersWithQr).toList());
        body.put("active", points.stream().map(KpiSeries.Point::tradersActive).toList());
        body.put("count", points.stream().map(KpiSeries.Point::paymentsCount).toList());
        // Millions of đồng keep the numbers short; the chart says so.
        body.put("valueMillions", points.stream().map(p -> Math.round(p.paymentsValue() / 1_000_000.0)).toList());
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<Double> qr = new ArrayList<>();
        if (unit.national() || unit.level() != Level.MARKET) {
            List<UnitMonth> children = new ArrayList<>(views.children(unit, m, views.markets(unit, m),
                    "pre2025".equals(regime)));
            children.sort((a, b) -> Long.compare(b.paymentsValue(), a.paymentsValue()));
            for (UnitMonth c : children) {
                labels.add(c.name());
                values.add(Math.round(c.paymentsValue() / 1_000_000.0));
                qr.add(c.qrShare());
            }
        }
        body.put("rankLabels", labels);
        body.put("rankValueMillions", values);
        body.put("rankQrShare", qr);
        body.put("units", unitSeries(unit, points));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
    }

    /**
     * The other modules' series kept per 2025 unit (the teams' results), aligned with the months of the charts; none
     * below a commune, nor by pre-2025 district, which those modules do not record.
     */
    private Map<String, List<Long>> unitSeries(RolloutViews.Unit unit, List<KpiSeries.Point> points) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        if (points.isEmpty() || (!unit.national() && unit.level() != Level.PROVINCE && unit.level() != Level.COMMUNE)) {
            return out;
        }
        String province = unit.national() ? null : unit.provinceCode();
        String commune = !unit.national() && unit.level() == Level.COMMUNE ? unit.code() : null;
        for (UnitSeries s : unitSeries) {
            s.monthly(province, commune, points.getFirst().month(), points.getLast().month()).forEach((name, byMonth) ->
                    out.put(name, points.stream().map(p -> byMonth.getOrDefault(p.month(), 0L)).toList()));
        }
        return out;
    }

    private YearMonth month(String text) {
        YearMonth current = figures.currentMonth();
        if (text == null || text.isBlank()) {
            return current;
        }
        try {
            YearMonth m = YearMonth.parse(text.strip());
            return m.isAfter(current) || m.isBefore(PROGRAMME_START) ? current : m;
        } catch (DateTimeParseException e) {
            return current;
        }
    }

    /** The way up from the unit to the user's own area, each step a link. */
    private List<RolloutViews.Unit> breadcrumbs(CurrentUser user, RolloutViews.Unit unit) {
        List<RolloutViews.Unit> up = new ArrayList<>();
        RolloutViews.Unit home = views.resolve(user, null, null);
        if (home.equals(unit)) {
            return up;
        }
        up.add(home);
        if (!unit.national() && unit.level() == Level.MARKET && (home.national() || home.level() == Level.PROVINCE)) {
            views.communeOfMarket(unit.code()).map(c -> views.resolve(user, "COMMUNE", c)).ifPresent(up::add);
        }
        return up;
    }
}
