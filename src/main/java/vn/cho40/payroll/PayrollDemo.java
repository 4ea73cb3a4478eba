package vn.cho40.payroll;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.VnFormats;

/**
 * Demo payroll: a few staff for each demo market board and their payrolls of the last three months, approved and
 * paid. Idempotent: a board that has staff keeps them, a month already approved is left alone.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class PayrollDemo implements ApplicationRunner {

    /** The demo boards: market code, wage region and staff (name, CCCD, bank BIN, account, position, contract). */
    private static final Map<String, String> REGIONS = Map.of("TN-DAITU", "III", "DB-BUNGLAO", "IV");
    private static final Map<String, List<String[]>> STAFF = Map.of(
            "TN-DAITU", List.of(
                    new String[] {"Nguyễn Văn Thành", "019085001234", "970415", "101870001234", "Trưởng ban quản lý",
                        "COEFFICIENT", "3,33", "POSITION=1170000;LUNCH=730000", "2", "01/01/2024"},
                    new String[] {"Trần Thị Hoa", "019190004321", "970405", "8800205123456", "Kế toán - thu ngân",
                        "COEFFICIENT", "2,34", "RESPONSIBILITY=234000;LUNCH=730000", "1", "01/03/2024"},
                    new String[] {"Lê Văn Bình", "019088007788", "970436", "1023456789", "Bảo vệ",
                        "FIXED", "6500000", "HAZARD=300000;LUNCH=730000", "0", "01/06/2024"},
                    new String[] {"Phạm Thị Lan", "019195003344", "970418", "21510000998877", "Vệ sinh môi trường",
                        "FIXED", "5200000", "HAZARD=400000;LUNCH=730000", "0", "16/09/2026"}),
            "DB-BUNGLAO", List.of(
                    new String[] {"Lò Văn Hùng", "011087002211", "970405", "7900205112233", "Trưởng ban quản lý",
                        "COEFFICIENT", "3,00", "POSITION=1012000;LUNCH=730000", "3", "01/02/2024"},
                    new String[] {"Quàng Thị Mai", "011192005566", "970418", "62010000445566", "Thu ngân",
                        "FIXED", "5500000", "LUNCH=730000", "1", "01/05/2025"},
                    new String[] {"Cà Văn Sơn", "011090009900", "970415", "108870009900", "Bảo vệ",
                        "FIXED", "4800000", "HAZARD=200000", "0", "01/01/2025"}));

    private final StaffRegister staff;
    private final PayrollRuns runs;
    private final Markets markets;
    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Clock clock;

    PayrollDemo(StaffRegister staff, PayrollRuns runs, Markets markets, JdbcClient db, TransactionTemplate tx,
                Clock clock) {
        this.staff = staff;
        this.runs = runs;
        this.markets = markets;
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        YearMonth thisMonth = YearMonth.now(clock.withZone(VnFormats.VIETNAM));
        for (Map.Entry<String, List<String[]>> board : STAFF.entrySet()) {
            markets.find(board.getKey()).ifPresent(m -> tx.executeWithoutResult(s -> load(m, board.getValue(),
                    REGIONS.get(board.getKey()), thisMonth)));
        }
    }

    private void load(Market market, List<String[]> people, String region, YearMonth thisMonth) {
        if (db.sql("SELECT count(*) FROM payroll_staff WHERE market_id = ?").param(market.id())
                .query(Integer.class).single() == 0) {
            db.sql("INSERT INTO payroll_board (market_id, region, updated_at) VALUES (?, ?, now()) ON CONFLICT DO NOTHING")
                    .params(market.id(), region).update();
            for (String[] p : people) {
                Map<String, String> allowances = new java.util.HashMap<>();
                for (String a : p[7].split(";")) {
                    String[] kv = a.split("=");
                    allowances.put(kv[0], kv[1]);
                }
                boolean coefficient = p[5].equals("COEFFICIENT");
                staff.createFor(market, new StaffForm(p[0], p[1], null, p[2], p[3], null, null, p[4], p[5],
                        coefficient ? p[6] : null, coefficient ? null : p[6], p[8], p[9], null, allowances));
            }
        }
        for (int back = 3; back >= 1; back--) {
            YearMonth month = thisMonth.minusMonths(back);
            if (runs.regular(market.id(), month).isPresent()) {
                continue;
            }
            try {
                PayrollRules.forMonth(month);
            } catch (IllegalStateException noRules) {
                continue; // a month before the rules table starts
            }
            PayrollRun run = runs.approveFor(market, month, Map.of(), "demo");
            for (PayrollLine line : runs.lines(run.id())) {
                runs.recordPaid(line);
            }
        }
    }
}
