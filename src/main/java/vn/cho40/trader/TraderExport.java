package vn.cho40.trader;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.Scope;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.Presence;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.XlsxTable;
import vn.cho40.shared.XlsxTable.Column;
import vn.cho40.shared.XlsxTable.Kind;

/**
 * The trader list as an Excel file: the page's filters and checks, every matching trader. Personal numbers stay
 * masked (last four) as on screen, and no birth date or tax code goes out: a file is forwarded and kept where
 * nobody audits who reads it. Each export is written to the audit log with its filters and row count.
 */
@Controller
class TraderExport {

    static final List<Column> COLUMNS = List.of(new Column("Họ và tên", Kind.TEXT, 26),
            new Column("Loại giấy tờ", Kind.TEXT, 8), new Column("Số giấy tờ (4 số cuối)", Kind.TEXT, 14),
            new Column("Điện thoại (4 số cuối)", Kind.TEXT, 14), new Column("Điện thoại đã xác minh", Kind.TEXT, 10),
            new Column("Chợ tiếp nhận", Kind.TEXT, 14), new Column("Ngày tiếp nhận", Kind.DATE, 13),
            new Column("Quầy đang thuê", Kind.TEXT, 24), new Column("Số quầy", Kind.COUNT, 8),
            new Column("Thuê từ ngày", Kind.DATE, 13), new Column("Có mã QR", Kind.TEXT, 10));

    private final TraderLists lists;
    private final Markets markets;
    private final AuditLog audit;
    private final Clock clock;

    TraderExport(TraderLists lists, Markets markets, AuditLog audit, Clock clock) {
        this.lists = lists;
        this.markets = markets;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/admin/traders.xlsx")
    void xlsx(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        TraderFilter filter = TraderFilter.from(params);
        TraderLists.Coverage coverage = lists.coverage(filter);
        Market market = coverage.market();
        response.setContentType(XlsxTable.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("tieu-thuong" + (market == null ? "" : "-" + market.code()) + ".xlsx", StandardCharsets.UTF_8)
                .build().toString());
        try (XlsxTable table = new XlsxTable("Tiểu thương", COLUMNS)) {
            table.line("Danh sách tiểu thương · " + (market == null ? "mọi chợ trong phạm vi của "
                    + coverage.user().username() : market.name() + " (" + market.code() + ")"), true)
                    .line("Bộ lọc: " + describe(filter), false)
                    .line("Ngày xuất: " + VnFormats.date(VnFormats.businessDate(clock.instant()))
                            + " · Số giấy tờ và điện thoại chỉ ghi 4 số cuối", false)
                    .blankLine().header();
            lists.forEach(coverage, filter, t -> table.row(t.fullName(), t.idKind().name(), t.idMasked(),
                    t.phoneMasked(), t.phoneVerified() ? "Có" : "Chưa", t.homeMarketCode(), t.onboardedOn(),
                    t.stalls(), t.stallCount(), t.leasedSince(), t.hasQr() ? "Có" : "Không"));
            recordExport(coverage, filter, table.rows());
            table.writeTo(response.getOutputStream());
        }
    }

    /** Whose board sees the export in its audit log: the market's, else the province of the user's scope. */
    private void recordExport(TraderLists.Coverage coverage, TraderFilter filter, int rows) {
        Market market = coverage.market();
        Scope scope = coverage.user().scope();
        if (market == null && scope.kind() == Scope.Kind.MARKET) {
            market = markets.find(scope.code()).orElse(null);
        }
        String province = market != null ? market.provinceCode()
                : scope.kind() == Scope.Kind.PROVINCE ? scope.code()
                : scope.kind() == Scope.Kind.COMMUNE ? lists.choices(coverage).stream()
                        .map(vn.cho40.market.MarketListing::provinceCode).findFirst().orElse(null)
                : null;
        audit.record("TRADER_EXPORT", "trader_list", null, market == null ? null : market.id(), province,
                rows + " dòng; bộ lọc: " + describe(filter));
    }

    /** The filters in words, so a printed or forwarded file says what it lists. */
    static String describe(TraderFilter f) {
        List<String> parts = new ArrayList<>();
        if (!f.q().isEmpty()) {
            parts.add("tên “" + f.q() + "”");
        }
        if (!f.market().isEmpty()) {
            parts.add("chợ " + f.market());
        }
        f.lease().ifPresent(p -> parts.add(p == Presence.WITH ? "đang thuê quầy" : "không thuê quầy nào"));
        f.qr().ifPresent(p -> parts.add(p == Presence.WITH ? "có mã QR" : "chưa có mã QR"));
        return parts.isEmpty() ? "không (tất cả tiểu thương)" : String.join(", ", parts);
    }
}
