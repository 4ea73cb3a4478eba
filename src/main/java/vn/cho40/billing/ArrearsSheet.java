package vn.cho40.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.XlsxTable;
import vn.cho40.shared.XlsxTable.Column;
import vn.cho40.shared.XlsxTable.Kind;

/** A market's arrears as a sheet the board files or shares: one row per stall owing, as on the page. Vietnamese. */
final class ArrearsSheet {

    static final List<Column> COLUMNS = List.of(new Column("Quầy", Kind.TEXT, 10),
            new Column("Tiểu thương", Kind.TEXT, 26), new Column("Số hóa đơn", Kind.COUNT, 10),
            new Column("Các hóa đơn còn nợ", Kind.TEXT, 44), new Column("Hạn sớm nhất", Kind.DATE, 13),
            new Column("Số ngày quá hạn", Kind.COUNT, 12), new Column("Còn nợ (đồng)", Kind.COUNT, 16),
            new Column("Nhóm tuổi nợ", Kind.TEXT, 22));

    private ArrearsSheet() {
    }

    static void fill(XlsxTable table, String marketName, LocalDate today, List<StallArrears> rows) {
        table.line("DANH SÁCH CÔNG NỢ PHÍ CHỢ — " + marketName.toUpperCase(java.util.Locale.ROOT), true);
        table.line("Đến ngày " + VnFormats.date(today) + ": " + rows.size() + " quầy còn nợ.", false);
        table.blankLine();
        table.header();
        long total = 0;
        int bills = 0;
        for (StallArrears r : rows) {
            table.row(r.stallCode(), r.traderName(), r.bills().size(),
                    r.bills().stream().map(Bills.View::number).collect(Collectors.joining(", ")), r.oldestDueOn(),
                    r.daysLate(today), r.dueVnd(), age(r.age()));
            total += r.dueVnd();
            bills += r.bills().size();
        }
        table.total(null, "Cộng", bills, null, null, null, total, null);
    }

    static String age(ArrearsAging a) {
        return switch (a) {
            case NOT_DUE -> "Chưa đến hạn";
            case DAYS_1_30 -> "Quá hạn 1–30 ngày";
            case DAYS_31_60 -> "Quá hạn 31–60 ngày";
            case DAYS_61_90 -> "Quá hạn 61–90 ngày";
            case OVER_90 -> "Quá hạn trên 90 ngày";
        };
    }
}
