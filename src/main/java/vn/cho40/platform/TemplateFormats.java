package vn.cho40.platform;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.cho40.shared.Money;
import vn.cho40.shared.VnFormats;

/** The house formats for templates, as {@code ${@fmt.money(x)}}: "50.000 ₫", dd/MM/yyyy, Vietnam time. */
@Component("fmt")
public class TemplateFormats {

    public String money(long vnd) {
        return Money.vnd(vnd).format();
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : VnFormats.dateTime(instant);
    }

    /** A quantity as Vietnamese writes it: 3,5 (not 3.50), thousands grouped with dots. */
    public String decimal(java.math.BigDecimal value) {
        if (value == null) {
            return "";
        }
        java.text.DecimalFormatSymbols vi = new java.text.DecimalFormatSymbols();
        vi.setDecimalSeparator(',');
        vi.setGroupingSeparator('.');
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.###", vi);
        return f.format(value);
    }

    /** A quantity kept in thousandths (bill lines), as Vietnamese writes it: 60 or 3,5. */
    public String milli(long thousandths) {
        return decimal(java.math.BigDecimal.valueOf(thousandths, 3));
    }

    /** A whole number with its thousands grouped: 1.296. */
    public String count(long value) {
        return VnFormats.groupThousands(value);
    }

    /** A month as Vietnamese writes it: 11/2026. */
    public String month(java.time.YearMonth month) {
        return month == null ? "" : VnFormats.month(month);
    }

    public String date(LocalDate date) {
        return date == null ? "" : VnFormats.date(date);
    }
}
