package vn.cho40.rollout;

import java.util.Locale;

/**
 * The heading of an administrative report (Decree 30/2020/NĐ-CP on document form): the authority and the issuing
 * department on the left, the national motto on the right, the number, place and date, and the subject line.
 */
final class ReportHeading {

    private ReportHeading() {
    }

    static String authority(MonthlyReport r) {
        return r.provinceName().isEmpty() ? "" : "UBND " + r.provinceName().toUpperCase(Locale.ROOT);
    }

    static String motto() {
        return "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    }

    static String mottoLine2() {
        return "Độc lập - Tự do - Hạnh phúc";
    }

    static String number(MonthlyReport r) {
        return "Số: " + (r.number().isEmpty() ? "      /BC-" : r.number());
    }

    static String placeAndDate(MonthlyReport r) {
        return (r.place().isEmpty() ? "" : r.place() + ", ") + "ngày " + r.issuedOn().getDayOfMonth() + " tháng "
                + r.issuedOn().getMonthValue() + " năm " + r.issuedOn().getYear();
    }

    static String about(MonthlyReport r) {
        return "V/v báo cáo kết quả triển khai mô hình Chợ 4.0 " + periodWords(r.period());
    }

    static String title() {
        return "BÁO CÁO";
    }

    static String periodWords(MonthlyReport.Period p) {
        return switch (p.kind()) {
            case MONTH -> String.format("tháng %02d/%d", p.last().getMonthValue(), p.last().getYear());
            case HALF -> (p.last().getMonthValue() <= 6 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + p.last().getYear();
            case YEAR -> "năm " + p.last().getYear();
        };
    }

    /** A report's part number as official documents write it: I, II, III... */
    static String part(int n) {
        return switch (n) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            case 4 -> "IV";
            case 5 -> "V";
            default -> String.valueOf(n);
        };
    }
}
