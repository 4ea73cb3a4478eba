package vn.cho40.market;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.shared.Presence;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.XlsxTable;
import vn.cho40.shared.XlsxTable.Column;
import vn.cho40.shared.XlsxTable.Kind;

/** A market's stall list as an Excel file: the page's filters and scope check, every matching stall. */
@Controller
class StallExport {

    static final List<Column> COLUMNS = List.of(new Column("Mã quầy", Kind.TEXT, 10),
            new Column("Khu/dãy", Kind.TEXT, 16), new Column("Ngành hàng", Kind.TEXT, 18),
            new Column("Diện tích (m²)", Kind.DECIMAL, 14), new Column("Có tiểu thương thuê", Kind.TEXT, 12),
            new Column("Thuê từ ngày", Kind.DATE, 13), new Column("Có mã QR hiện hành", Kind.TEXT, 12),
            new Column("Mã QR cấp ngày", Kind.DATE, 13));

    private final Markets markets;
    private final StallLists lists;
    private final Clock clock;

    StallExport(Markets markets, StallLists lists, Clock clock) {
        this.markets = markets;
        this.lists = lists;
        this.clock = clock;
    }

    @GetMapping("/admin/markets/{code}/stalls.xlsx")
    void xlsx(@PathVariable String code, @RequestParam Map<String, String> params, HttpServletResponse response)
            throws IOException {
        Market market = markets.forStaff(code, null);
        StallFilter filter = StallFilter.from(params);
        response.setContentType(XlsxTable.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("quay-" + market.code() + ".xlsx", StandardCharsets.UTF_8).build().toString());
        try (XlsxTable table = new XlsxTable("Quầy", COLUMNS)) {
            table.line("Danh sách quầy · " + market.name() + " (" + market.code() + ")", true)
                    .line("Bộ lọc: " + describe(filter), false)
                    .line("Ngày xuất: " + VnFormats.date(VnFormats.businessDate(clock.instant())), false)
                    .blankLine().header();
            lists.forEach(market, filter, s -> table.row(s.code(), s.zoneName(), s.category().nameVi(), s.areaM2(),
                    s.leased() ? "Có" : "Không", s.leasedSince(), s.hasQr() ? "Có" : "Không", s.qrSince()));
            table.writeTo(response.getOutputStream());
        }
    }

    /** The filters in words, so a printed or forwarded file says what it lists. */
    static String describe(StallFilter f) {
        List<String> parts = new ArrayList<>();
        if (!f.q().isEmpty()) {
            parts.add("tìm “" + f.q() + "”");
        }
        if (!f.zone().isEmpty()) {
            parts.add("khu " + f.zone());
        }
        if (f.category() != null) {
            parts.add("ngành hàng " + f.category().nameVi());
        }
        f.trader().ifPresent(p -> parts.add(p == Presence.WITH ? "có tiểu thương thuê" : "quầy trống"));
        f.qr().ifPresent(p -> parts.add(p == Presence.WITH ? "có mã QR" : "chưa có mã QR"));
        return parts.isEmpty() ? "không (tất cả quầy)" : String.join(", ", parts);
    }
}
