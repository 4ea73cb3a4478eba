package vn.cho40.national;

import java.io.PrintStream;
import java.time.Duration;
import java.time.YearMonth;
import org.springframework.stereotype.Component;
import vn.cho40.shared.Money;
import vn.cho40.shared.VnFormats;

/**
 * {@code ./cho40 national rebuild}: empties the national database's figures and reads every topic again from the
 * beginning, then prints what it read and this month's national totals. Run with the national server's settings
 * (DATABASE_URL, CHO40_KAFKA_BOOTSTRAP_SERVERS); the launcher starts it with the national role and no live consumer.
 */
@Component
@NationalRole
public class NationalCommand {

    /** The arguments the launcher accepts before starting anything; null when fine, else the usage line. */
    public static String refusal(String[] args) {
        if (args.length == 1 && args[0].equals("rebuild")) {
            return null;
        }
        return "Cách dùng / usage: ./cho40 national rebuild   (DATABASE_URL = the national database, "
                + "CHO40_KAFKA_BOOTSTRAP_SERVERS = the brokers)";
    }

    private final NationalRebuild rebuild;
    private final NationalView view;

    NationalCommand(NationalRebuild rebuild, NationalView view) {
        this.rebuild = rebuild;
        this.view = view;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        String refusal = refusal(args);
        if (refusal != null) {
            err.println(refusal);
            return 2;
        }
        try {
            NationalRebuild.Result r = rebuild.rebuild(Duration.ofMinutes(30));
            YearMonth month = view.currentMonth();
            NationalView.Line total = view.month(month).total();
            out.printf("Đã dựng lại số liệu quốc gia: %d bản ghi đọc, %d sự kiện áp dụng (rebuilt: %d records read, "
                    + "%d events applied; group %s)%n", r.read(), r.applied(), r.read(), r.applied(), r.groupId());
            out.printf("Tháng %02d/%d: %s giao dịch, %s; %s lượt nộp phí, %s; %d chợ đang vận hành%n",
                    month.getMonthValue(), month.getYear(), VnFormats.groupThousands(total.paymentsCount()),
                    Money.vnd(total.paymentsValueVnd()).format(), VnFormats.groupThousands(total.billPaymentsCount()),
                    Money.vnd(total.billPaymentsValueVnd()).format(), total.marketsLive());
            return 0;
        } catch (RuntimeException e) {
            err.println("Không dựng lại được (rebuild failed): " + e.getMessage());
            return 1;
        }
    }
}
