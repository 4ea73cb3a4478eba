package vn.cho40.rollout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/**
 * Open data: the programme's figures per unit and month, public and without login. Aggregates only: a row is a
 * province, a commune, a district or a market, never a person or a stall.
 */
@RestController
@Tag(name = "Dữ liệu mở (open data)")
class KpiOpenData {

    static final String LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/): ghi nguồn \"Chợ 4.0 "
            + "(cho40)\" khi sử dụng; attribute \"Chợ 4.0 (cho40)\" when reusing";
    private static final String DESCRIPTION = """
            Một dòng cho mỗi đơn vị và tháng (one row per unit and month): `level`, `code` (mã tỉnh/xã/huyện cũ, hoặc \
            mã chợ như `TN-DAITU`), `name`, `month`, `markets`, `markets_live`, `traders`, `traders_with_qr`, \
            `traders_active`, `payments_count`, `payments_value_vnd`. Tháng đã chốt đọc từ số liệu chốt; tháng đang \
            chạy tính đến hiện tại. Chỉ số liệu tổng hợp, không có dữ liệu cá nhân (aggregates only, never a person).

            Giấy phép (licence): """ + LICENCE;

    /** One unit's month, as published. */
    record Row(String level, String code, String name, String month, int markets, int marketsLive, int traders,
               int tradersWithQr, int tradersActive, long paymentsCount, long paymentsValueVnd) {
    }

    private final KpiSnapshots snapshots;
    private final KpiFigures figures;
    private final RolloutViews views;

    KpiOpenData(KpiSnapshots snapshots, KpiFigures figures, RolloutViews views) {
        this.snapshots = snapshots;
        this.figures = figures;
        this.views = views;
    }

    @GetMapping(path = "/api/v1/open-data/kpi", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "openDataKpi", summary = "Chỉ tiêu Chợ 4.0 theo đơn vị và tháng: the programme's "
            + "indicators per unit and month", description = DESCRIPTION)
    ResponseEntity<Map<String, Object>> json(
            @Parameter(description = "province | commune | district | market") @RequestParam(defaultValue = "province") String level,
            @Parameter(description = "Mã tỉnh 2025 (2025 province code), e.g. 19") @RequestParam(defaultValue = "") String province,
            @Parameter(description = "YYYY-MM") @RequestParam(defaultValue = "") String month) {
        List<Row> rows = rows(level, province, month);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(Map.of("licence", LICENCE, "source", "Chợ 4.0 (cho40)", "rows", rows));
    }

    @GetMapping(path = "/api/v1/open-data/kpi.csv", produces = "text/csv")
    @Operation(operationId = "openDataKpiCsv", summary = "Như trên, dạng CSV UTF-8 có dòng tiêu đề: the same as CSV "
            + "with a header row", description = DESCRIPTION)
    ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "province") String level,
                               @RequestParam(defaultValue = "") String province,
                               @RequestParam(defaultValue = "") String month) {
        List<Row> rows = rows(level, province, month);
        StringBuilder out = new StringBuilder(64 + rows.size() * 96);
        out.append("level,code,name,month,markets,markets_live,traders,traders_with_qr,traders_active,"
                + "payments_count,payments_value_vnd\n");
        for (Row r : rows) {
            out.append(r.level()).append(',').append(r.code()).append(',').append(quote(r.name())).append(',')
                    .append(r.month()).append(',').append(r.markets()).append(',').append(r.marketsLive()).append(',')
                    .append(r.traders()).append(',').append(r.tradersWithQr()).append(',').append(r.tradersActive())
                    .append(',').append(r.paymentsCount()).append(',').append(r.paymentsValueVnd()).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .header("Content-Disposition", "attachment; filename=\"cho40-kpi.csv\"")
                .header("Link", "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    List<Row> rows(String levelText, String province, String monthText) {
        Level level;
        try {
            level = Level.parse(levelText);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("level", "rollout.openData.level"));
        }
        YearMonth month;
        try {
            month = monthText.isBlank() ? figures.currentMonth() : YearMonth.parse(monthText.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("month", "rollout.reported.month"));
        }
        if (month.isAfter(figures.currentMonth())) {
            throw new InvalidInputException(Violation.of("month", "rollout.openData.future"));
        }
        String p = province.strip();
        if (!p.isEmpty() && !p.matches("[0-9]{2}")) {
            throw new InvalidInputException(Violation.of("province", "rollout.openData.province"));
        }
        List<MarketMonth> markets = views.monthOf(p.isEmpty() ? null : p, month);
        List<Row> rows = new ArrayList<>();
        for (UnitMonth u : UnitMonth.rollUp(level, month, markets, code -> views.unitName(level, code))) {
            rows.add(new Row(level.name().toLowerCase(java.util.Locale.ROOT), u.code(), u.name(), month.toString(),
                    u.markets(), u.marketsLive(), u.traders(), u.tradersWithQr(), u.tradersActive(), u.paymentsCount(),
                    u.paymentsValue()));
        }
        return rows;
    }

    private static String quote(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
