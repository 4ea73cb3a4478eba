package vn.cho40.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import vn.cho40.market.MarketForm;
import vn.cho40.market.MarketClass;
import vn.cho40.market.MarketStatus;
import vn.cho40.market.Markets;
import vn.cho40.market.OperatorType;
import vn.cho40.market.Stalls;
import vn.cho40.market.Market;
import vn.cho40.market.Stall;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.identity.Role;
import vn.cho40.identity.Scope;
import vn.cho40.identity.StaffUsers;
import vn.cho40.trader.TraderImport;
import java.util.List;

/**
 * Loads the demo markets through the same services staff use, so the demo exercises the real rules.
 * Idempotent: a market that already exists is left as it is.
 */
@Service
public class DemoProvince {

    private static final Logger log = LoggerFactory.getLogger(DemoProvince.class);
    private static final String BY = "demo";

    /** One login per role, all with this password: demo data only, never a real deployment. */
    public static final String DEMO_PASSWORD = "cho40-demo-2026";

    private final Markets markets;
    private final Stalls stalls;
    private final TraderImport traders;
    private final AdminUnits units;
    private final StaffUsers users;
    /** In a deployment of province cells the demo loads only the provinces this cell holds. */
    private final vn.cho40.cell.CellGuard cells;

    DemoProvince(Markets markets, Stalls stalls, TraderImport traders, AdminUnits units, StaffUsers users,
                 vn.cho40.cell.CellGuard cells) {
        this.cells = cells;
        this.markets = markets;
        this.stalls = stalls;
        this.traders = traders;
        this.units = units;
        this.users = users;
    }

    /** The demo logins: username, role, scope kind, scope code, the person's name (shown on receipts and logs). */
    static final List<String[]> LOGINS = List.of(
            new String[] {"tinh.thainguyen", "PROVINCE_ADMIN", "PROVINCE", "19", "Hoàng Minh Đức"},
            new String[] {"xa.daiphuc", "COMMUNE_OFFICER", "COMMUNE", "05488", "Lê Thị Thu"},
            new String[] {"bql.daitu", "MARKET_MANAGER", "MARKET", "TN-DAITU", "Nguyễn Văn Hùng"},
            new String[] {"thungan.daitu", "MARKET_CASHIER", "MARKET", "TN-DAITU", "Trần Thị Mai"},
            new String[] {"tocongnghe.daiphuc", "TECH_MEMBER", "COMMUNE", "05488", "Phạm Văn Long"},
            new String[] {"kiemtra.thainguyen", "AUDITOR", "PROVINCE", "19", "Đỗ Thị Lan"},
            new String[] {"tinh.dienbien", "PROVINCE_ADMIN", "PROVINCE", "11", "Lò Văn Thành"},
            new String[] {"bql.bunglao", "MARKET_MANAGER", "MARKET", "DB-BUNGLAO", "Quàng Thị Hạnh"});

    /** Creates (or resets the password of) one staff login per role of this cell's provinces, and returns them. */
    public List<String[]> ensureLogins() {
        List<String[]> held = new java.util.ArrayList<>();
        for (String[] l : LOGINS) {
            String province = l[2].equals("PROVINCE") ? l[3] : l[2].equals("COMMUNE") ? "19"
                    : provinceOf(l[3]);
            if (!cells.holds(province)) {
                continue;
            }
            users.ensure(new StaffUsers.NewUser(l[0], l[4], DEMO_PASSWORD, Role.valueOf(l[1]),
                    Scope.Kind.valueOf(l[2]), l[3], province));
            held.add(l);
        }
        return held;
    }

    /** A trader of Chợ Đại Từ to log in with by phone (of this cell's first demo market when it is elsewhere). */
    public String demoTraderPhone() {
        List<CSVRecord> held = records();
        if (held.isEmpty()) {
            return "— (cụm này không giữ tỉnh mẫu nào / this cell holds no demo province)";
        }
        String code = held.getFirst().get("code");
        return DemoTraders.rows(code, provinceOf(code), List.of("A-1"), serialOf(code)).getFirst().phone();
    }

    /**
     * Where a demo market's traders start counting: the stalls of every demo market before it in
     * data/demo/markets.csv, held by this cell or not, so a cell's demo never reuses another cell's phones and accounts
     * (a webhook would then be routed to the wrong cell).
     */
    private static int serialOf(String marketCode) {
        int serial = 0;
        for (CSVRecord r : allRecords()) {
            if (r.get("code").equals(marketCode)) {
                return serial;
            }
            serial += Integer.parseInt(r.get("stalls"));
        }
        throw new IllegalArgumentException("not a demo market: " + marketCode);
    }

    /** The 2025 province of a demo market, from its commune in data/demo/markets.csv. */
    private String provinceOf(String marketCode) {
        for (CSVRecord r : allRecords()) {
            if (r.get("code").equals(marketCode)) {
                return units.find(AdminUnit.Regime.CURRENT, r.get("commune_code")).map(AdminUnit::parentCode)
                        .orElseThrow(() -> new IllegalStateException("demo market " + marketCode + " has no commune"));
            }
        }
        throw new IllegalArgumentException("no demo market " + marketCode);
    }

    /** Returns how many markets were added (0 when the demo is already loaded). */
    public int load() {
        int added = 0;
        for (CSVRecord r : records()) {
            if (markets.find(r.get("code")).isPresent()) {
                continue;
            }
            addMarket(r);
            added++;
        }
        if (added > 0) {
            log.info("Đã nạp {} chợ mẫu (loaded demo markets)", added);
        }
        loadTraders();
        return added;
    }

    private void addMarket(CSVRecord r) {
        String code = r.get("code");
        int stallCount = Integer.parseInt(r.get("stalls"));
        markets.create(new MarketForm(code, r.get("name"), r.get("commune_code"), r.get("pre2025_commune_code"),
                r.get("address"), MarketClass.forBusinessPoints(stallCount), OperatorType.valueOf(r.get("operator")),
                "Ban quản lý " + r.get("name").replace("Chợ", "chợ"), "", "", "", date(r.get("planned_on")),
                Boolean.parseBoolean(r.get("free_wifi"))), BY);
        byte[] file = DemoStalls.csv(code, stallCount).getBytes(StandardCharsets.UTF_8);
        stalls.importAll(code, "demo.csv", file);
        MarketStatus target = MarketStatus.valueOf(r.get("status"));
        if (target.compareTo(MarketStatus.ONBOARDING) >= 0) {
            markets.changeStatus(code, MarketStatus.ONBOARDING, date(r.get("onboarding_on")), BY);
        }
        if (target == MarketStatus.LIVE) {
            markets.changeStatus(code, MarketStatus.LIVE, date(r.get("live_on")), BY);
        }
    }

    /** One trader per stall of every demo market that has none yet, through the trader import. */
    private void loadTraders() {
        for (CSVRecord r : records()) {
            Market market = markets.get(r.get("code"));
            List<String> codes = stalls.list(market, null, null).stream().map(Stall::code).toList();
            if (!traders.hasTraders(market)) {
                String birthProvince = units.find(AdminUnit.Regime.PRE_2025, market.pre2025DistrictCode())
                        .map(AdminUnit::parentCode).orElse(market.provinceCode());
                traders.importAll(market,
                        DemoTraders.rows(market.code(), birthProvince, codes, serialOf(market.code())));
            }
        }
    }

    /** The demo markets' codes, in the order of data/demo/markets.csv. */
    static List<String> marketCodes() {
        List<String> codes = new java.util.ArrayList<>();
        allRecords().forEach(r -> codes.add(r.get("code")));
        return codes;
    }

    /** The demo markets of the provinces this cell holds (all of them without cells). */
    private List<CSVRecord> records() {
        return allRecords().stream().filter(r -> cells.holds(units.find(AdminUnit.Regime.CURRENT,
                r.get("commune_code")).map(AdminUnit::parentCode).orElse(""))).toList();
    }

    private static List<CSVRecord> allRecords() {
        try (InputStream in = new ClassPathResource("data/demo/markets.csv").getInputStream()) {
            var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            return format.parse(new InputStreamReader(new java.io.ByteArrayInputStream(in.readAllBytes()),
                    StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
    }
}
