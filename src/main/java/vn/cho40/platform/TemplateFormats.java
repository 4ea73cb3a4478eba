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

    public String date(LocalDate date) {
        return date == null ? "" : VnFormats.date(date);
    }
}
