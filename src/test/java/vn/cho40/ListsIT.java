package vn.cho40;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.SmsSender;

/**
 * The stall and trader lists of every staff role: pages of 50 whose counts are the database's, search without
 * diacritics, each filter, the XLSX exports (opened with POI), scope (404) and permission (403), and personal
 * numbers never in full. Counts are asked of the database, not remembered: other tests add stalls and traders.
 * This class adds its own in Chợ Bộc Bố, which no other test touches: zone L "Khu Lò Rèn" (L-1 free, L-3 leased
 * without an account, so without a QR code) and two traders, Đặng Thị Xuyến (no stall) and Đoàn Văn Lượm (L-3).
 */
@IntegrationTest
class ListsIT {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;
    private static final Pattern RANGE = Pattern.compile("([\\d.,]+)–([\\d.,]+) (?:trong số|of) ([\\d.,]+)");
    private static final Pattern STALL_ROW = Pattern.compile("data-stall=\"([A-Z0-9-]+)\"");
    private static final Pattern TRADER_ROW = Pattern.compile("data-trader=\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    DemoProvince demo;
    @Autowired
    SmsSender sms;
    @Autowired
    TestClock clock;

    private Http as(String user) {
        return new Http(port).as(user, PASSWORD);
    }

    @BeforeEach
    void bocBoHasAZoneOfItsOwn() {
        if (db.sql("SELECT count(*) FROM stall s JOIN market m ON m.id = s.market_id WHERE m.code = 'TN-BOCBO'"
                + " AND s.code LIKE 'L-%'").query(Long.class).single() > 0) {
            return;
        }
        Http province = as("tinh.thainguyen");
        for (String[] s : new String[][] {{"L-1", "Rau củ"}, {"L-2", "Đồ khô"}, {"L-3", "Thịt"}}) {
            Http.Response r = province.postJson("/api/v1/markets/TN-BOCBO/stalls",
                    Map.of("code", s[0], "zoneName", "Khu Lò Rèn", "category", s[1], "areaM2", "4,5"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        trader("Đặng Thị Xuyến", "019175170001", "1975-02-01", "0965170001");
        String luom = trader("Đoàn Văn Lượm", "019080170002", "1980-03-03", "0965170002");
        Http.Response lease = province.postJson("/api/v1/traders/" + luom + "/leases",
                Map.of("marketCode", "TN-BOCBO", "stallCode", "L-3", "startsOn", "2026-01-05"));
        assertThat(lease.status()).as(lease.body()).isEqualTo(201);
    }

    private String trader(String name, String cccd, String birth, String phone) {
        Http.Response r = as("tinh.thainguyen").postJson("/api/v1/traders", Map.of("marketCode", "TN-BOCBO",
                "fullName", name, "idNumber", cccd, "birthDate", birth, "phone", phone, "consent", true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    // --- the stall list

    @Test
    void stallPagesOfFiftyCountWhatTheDatabaseHolds() {
        long stalls = stalls("TN-DAITU", "true");
        long lastPage = (stalls + 49) / 50;
        Http board = as("bql.daitu");
        String first = page(board, "/admin/markets/TN-DAITU/stalls");
        assertThat(range(first)).containsExactly(1L, 50L, stalls);
        assertThat(stallCodes(first)).hasSize(50).startsWith("A-1", "A-2");
        assertThat(first).contains("href=\"/admin/markets/TN-DAITU/stalls?page=2\"")
                .contains("href=\"/admin/markets/TN-DAITU/stalls?page=" + lastPage + "\"");
        String last = page(board, "/admin/markets/TN-DAITU/stalls?page=" + lastPage);
        assertThat(range(last)).containsExactly(50 * (lastPage - 1) + 1, stalls, stalls);
        assertThat(stallCodes(last)).hasSize((int) (stalls - 50 * (lastPage - 1)));
        assertThat(range(page(board, "/admin/markets/TN-DAITU/stalls?page=999"))).as("past the end: the last page")
                .containsExactly(50 * (lastPage - 1) + 1, stalls, stalls);
        assertThat(range(page(board.inEnglish(), "/admin/markets/TN-DAITU/stalls?page=2")))
                .containsExactly(51L, 100L, stalls);
    }

    @Test
    void pageLinksKeepTheFilters() {
        long leased = stalls("TN-DAITU", LEASED);
        assertThat(leased).as("most of Đại Từ's stalls are leased").isGreaterThan(100);
        String html = page(as("bql.daitu"), "/admin/markets/TN-DAITU/stalls?trader=with&page=2");
        assertThat(range(html)).containsExactly(51L, 100L, leased);
        assertThat(html).contains("href=\"/admin/markets/TN-DAITU/stalls?trader=with&amp;page=3\"")
                .contains("href=\"/admin/markets/TN-DAITU/stalls?trader=with\"")
                .contains("href=\"/admin/markets/TN-DAITU/stalls.xlsx?trader=with\"");
    }

    @Test
    void stallSearchIgnoresDiacritics() {
        Http board = as("bql.daitu");
        String dryGoods = page(board, "/admin/markets/TN-DAITU/stalls?q=" + Http.q("do kho"));
        assertThat(total(dryGoods)).isEqualTo(stalls("TN-DAITU", "s.category = 'DO_KHO'")).isPositive();
        String vegetables = page(board, "/admin/markets/TN-DAITU/stalls?q=RAU");
        assertThat(total(vegetables)).isEqualTo(stalls("TN-DAITU", "s.category = 'RAU_CU'")).isPositive();
        assertThat(stallCodes(page(board, "/admin/markets/TN-DAITU/stalls?q=a-12"))).as("the code itself first")
                .first().isEqualTo("A-12");
        assertThat(stallCodes(page(board, "/admin/markets/TN-DAITU/stalls?q=a12"))).first().isEqualTo("A-12");
        // A zone's name, typed without its diacritics.
        assertThat(stallCodes(page(as("tinh.thainguyen"), "/admin/markets/TN-BOCBO/stalls?q=" + Http.q("lo ren"))))
                .containsExactly("L-1", "L-2", "L-3");
    }

    @Test
    void everyStallFilterKeepsWhatTheDatabaseSays() {
        Http province = as("tinh.thainguyen");
        String base = "/admin/markets/TN-BOCBO/stalls?";
        assertThat(total(page(province, base + "trader=with"))).isEqualTo(stalls("TN-BOCBO", LEASED));
        String free = page(province, base + "trader=without");
        assertThat(total(free)).isEqualTo(stalls("TN-BOCBO", "NOT " + LEASED));
        assertThat(stallCodes(free)).contains("L-1", "L-2").doesNotContain("L-3");
        assertThat(total(page(province, base + "qr=with"))).isEqualTo(stalls("TN-BOCBO", WITH_QR)).isPositive();
        assertThat(total(page(province, base + "qr=without"))).isEqualTo(stalls("TN-BOCBO", "NOT " + WITH_QR));
        assertThat(stallCodes(page(province, base + "zone=L&trader=with&qr=without"))).containsExactly("L-3");
        assertThat(total(page(province, base + "category=THIT&zone=L"))).isEqualTo(1);
        assertThat(page(province, base + "zone=L&q=" + Http.q("cá"))).contains("Không có dòng nào khớp");
    }

    @Test
    void theStallExportHasThePagesFiltersHeadersAndTypes() throws IOException {
        byte[] all = as("bql.daitu").getBytes("/admin/markets/TN-DAITU/stalls.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(all))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(text(sheet.getRow(0), 0)).isEqualTo("Danh sách quầy · Chợ trung tâm Đại Từ (TN-DAITU)");
            assertThat(text(sheet.getRow(1), 0)).isEqualTo("Bộ lọc: không (tất cả quầy)");
            assertThat(texts(sheet.getRow(4))).containsExactly("Mã quầy", "Khu/dãy", "Ngành hàng", "Diện tích (m²)",
                    "Có tiểu thương thuê", "Thuê từ ngày", "Có mã QR hiện hành", "Mã QR cấp ngày");
            assertThat(sheet.getLastRowNum() - 4).isEqualTo(stalls("TN-DAITU", "true"));
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A5:H");
            Row a1 = sheet.getRow(5);
            assertThat(texts(a1).subList(0, 2)).containsExactly("A-1", "Khu A");
            assertThat(a1.getCell(3).getCellType()).as("area is a number").isEqualTo(CellType.NUMERIC);
            Cell since = a1.getCell(5);
            assertThat(DateUtil.isCellDateFormatted(since)).isTrue();
            assertThat(since.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(since.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(db.sql("""
                    SELECT l.starts_on FROM lease l JOIN stall s ON s.id = l.stall_id JOIN market m ON m.id = s.market_id
                    WHERE m.code = 'TN-DAITU' AND s.code = 'A-1' AND l.ends_on IS NULL""")
                    .query(LocalDate.class).single());
        }
        byte[] filtered = as("tinh.thainguyen").getBytes("/admin/markets/TN-BOCBO/stalls.xlsx?zone=L&qr=without"
                + "&q=" + Http.q("lò"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(filtered))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(text(sheet.getRow(1), 0)).isEqualTo("Bộ lọc: tìm “lò”, khu L, chưa có mã QR");
            List<List<String>> rows = new ArrayList<>();
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                rows.add(texts(sheet.getRow(r)));
            }
            assertThat(rows).extracting(row -> row.get(0)).containsExactly("L-1", "L-2", "L-3");
            assertThat(rows.get(2)).containsExactly("L-3", "Khu Lò Rèn", "Thịt", rows.get(2).get(3), "Có",
                    "05/01/2026", "Không");
            assertThat(sheet.getRow(7).getCell(3).getNumericCellValue()).isEqualTo(4.5);
        }
    }

    @Test
    void aRefusedNewStallComesBackWithItsFormOpenAboveTheFirstPage() {
        WebSession board = new WebSession(port, "bql.daitu", PASSWORD);
        Http.Response r = board.postForm("/admin/markets/TN-DAITU/stalls",
                Map.of("code", "?", "category", "", "areaM2", ""), "/admin/markets/TN-DAITU/stalls");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("class=\"add-stall\" open").contains("Thiếu mã quầy.");
        assertThat(range(r.body())).containsExactly(1L, 50L, stalls("TN-DAITU", "true"));
        assertThat(board.get("/admin/markets/TN-DAITU/stalls").body()).doesNotContain("class=\"add-stall\" open");
    }

    // --- the trader list

    @Test
    void traderPagesCountTheTradersOfTheScope() {
        long daiTu = traders("TN-DAITU", "true");
        String html = page(as("bql.daitu"), "/admin/traders");
        assertThat(range(html)).containsExactly(1L, 50L, daiTu);
        assertThat(TRADER_ROW.matcher(html).results().count()).isEqualTo(50);
        assertThat(html).as("a market board has one market: no market filter").doesNotContain("name=\"market\"");
        String province = page(as("tinh.thainguyen"), "/admin/traders?market=TN-DAITU&page=2");
        assertThat(range(province)).containsExactly(51L, 100L, daiTu);
        assertThat(province).contains("name=\"market\"")
                .contains("href=\"/admin/traders?market=TN-DAITU&amp;page=3\"");
        long thaiNguyen = db.sql("""
                SELECT count(*) FROM trader t WHERE t.market_id IN (SELECT id FROM market WHERE province_code = '19')
                OR t.id IN (SELECT l.trader_id FROM lease l JOIN market m ON m.id = l.market_id
                            WHERE l.ends_on IS NULL AND m.province_code = '19')""").query(Long.class).single();
        assertThat(total(page(as("tinh.thainguyen"), "/admin/traders"))).isEqualTo(thaiNguyen);
    }

    @Test
    void traderSearchIgnoresDiacriticsAndDFoldsToD() {
        Http province = as("tinh.thainguyen");
        String dang = page(province, "/admin/traders?q=dang");
        long inDb = db.sql("""
                SELECT count(*) FROM trader t WHERE (' ' || t.name_key) LIKE '% dang%' AND (
                  t.market_id IN (SELECT id FROM market WHERE province_code = '19')
                  OR t.id IN (SELECT l.trader_id FROM lease l JOIN market m ON m.id = l.market_id
                              WHERE l.ends_on IS NULL AND m.province_code = '19'))""").query(Long.class).single();
        assertThat(total(dang)).isEqualTo(inDb).isGreaterThan(1);
        String xuyen = page(province, "/admin/traders?q=" + Http.q("dang xuyen"));
        assertThat(total(xuyen)).isEqualTo(1);
        assertThat(xuyen).contains("Đặng Thị Xuyến");
        assertThat(total(page(province, "/admin/traders?q=" + Http.q("ĐOÀN lượm")))).isEqualTo(1);
    }

    @Test
    void everyTraderFilterKeepsWhatTheDatabaseSays() {
        Http province = as("tinh.thainguyen");
        String base = "/admin/traders?market=TN-BOCBO&";
        String holding = page(province, base + "lease=with");
        assertThat(total(holding)).isEqualTo(traders("TN-BOCBO", HOLDS_STALL));
        assertThat(holding).contains("Đoàn Văn Lượm").doesNotContain("Đặng Thị Xuyến");
        String none = page(province, base + "lease=without");
        assertThat(total(none)).isEqualTo(traders("TN-BOCBO", "NOT " + HOLDS_STALL)).isPositive();
        assertThat(none).contains("Đặng Thị Xuyến").doesNotContain("Đoàn Văn Lượm");
        assertThat(total(page(province, base + "qr=with"))).isEqualTo(traders("TN-BOCBO", HAS_QR)).isPositive();
        String withoutQr = page(province, base + "qr=without");
        assertThat(total(withoutQr)).isEqualTo(traders("TN-BOCBO", "NOT " + HAS_QR));
        assertThat(withoutQr).contains("Đoàn Văn Lượm", "Đặng Thị Xuyến");
        assertThat(total(page(province, base + "lease=with&qr=without&q=luom"))).isEqualTo(1);
    }

    @Test
    void theTraderExportIsTheFilteredListMaskedAndAudited() throws IOException {
        long audited = exportsAudited();
        byte[] file = as("tinh.thainguyen").getBytes("/admin/traders.xlsx?market=TN-DAITU");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(text(sheet.getRow(0), 0)).isEqualTo("Danh sách tiểu thương · Chợ trung tâm Đại Từ (TN-DAITU)");
            assertThat(text(sheet.getRow(1), 0)).isEqualTo("Bộ lọc: chợ TN-DAITU");
            assertThat(texts(sheet.getRow(4))).containsExactly("Họ và tên", "Loại giấy tờ", "Số giấy tờ (4 số cuối)",
                    "Điện thoại (4 số cuối)", "Điện thoại đã xác minh", "Chợ tiếp nhận", "Ngày tiếp nhận",
                    "Quầy đang thuê", "Số quầy", "Thuê từ ngày", "Có mã QR");
            assertThat(sheet.getLastRowNum() - 4).isEqualTo(traders("TN-DAITU", "true"));
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                List<String> row = texts(sheet.getRow(r));
                assertThat(row.get(2)).matches("•••• [0-9]{4}");
                assertThat(row.get(3)).matches("•••• [0-9]{4}");
            }
            assertThat(DateUtil.isCellDateFormatted(sheet.getRow(5).getCell(6))).isTrue();
        }
        assertThat(exportsAudited()).isEqualTo(audited + 1);
        byte[] filtered = as("tinh.thainguyen").getBytes("/admin/traders.xlsx?market=TN-BOCBO&lease=without&q="
                + Http.q("đặng"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(filtered))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(text(sheet.getRow(1), 0)).isEqualTo("Bộ lọc: tên “đặng”, chợ TN-BOCBO, không thuê quầy nào");
            List<String> names = new ArrayList<>();
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                names.add(text(sheet.getRow(r), 0));
            }
            assertThat(names).contains("Đặng Thị Xuyến").allMatch(n -> n.startsWith("Đặng"));
            assertThat(names).hasSize((int) traders("TN-BOCBO", "NOT " + HOLDS_STALL
                    + " AND (' ' || t.name_key) LIKE '% dang%'"));
        }
    }

    @Test
    void nothingPersonalAppearsInFullOnTheListsOrInTheirFiles() throws IOException {
        Http board = as("bql.daitu");
        assertThat(page(board, "/admin/traders?q=" + Http.q("xuyen"))).as("Bộc Bố's trader is not in Đại Từ's list")
                .doesNotContain("Xuyến");
        assertThat(page(as("tinh.thainguyen"), "/admin/traders?q=" + Http.q("xuyen"))).contains("•••• 0001")
                .doesNotContain("019175170001", "0965170001");
        String first = page(board, "/admin/traders");
        Matcher id = Pattern.compile("data-trader=\"([0-9a-f-]{36})\"").matcher(first);
        assertThat(id.find()).isTrue();
        var revealed = board.postJson("/api/v1/traders/" + id.group(1) + "/reveal", Map.of()).json();
        String cccd = revealed.get("idNumber").asString();
        String phone = revealed.get("phone").asString();
        assertThat(first).doesNotContain(cccd, phone).contains("•••• " + cccd.substring(cccd.length() - 4));
        byte[] file = board.getBytes("/admin/traders.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            XSSFSheet sheet = book.getSheetAt(0);
            StringBuilder all = new StringBuilder();
            for (Row row : sheet) {
                all.append(String.join("|", texts(row))).append('\n');
            }
            assertThat(all).doesNotContain(cccd, phone).contains("•••• " + phone.substring(phone.length() - 4));
            assertThat(Pattern.compile("\\d{9,}").matcher(all).find()).as("no long number in the file").isFalse();
        }
    }

    // --- scope and permission

    @Test
    void anotherProvincesMarketIsNotFoundAndATraderIsRefused() {
        Http board = as("bql.daitu");
        // A market named in the address is public: outside one's area it is said so (403), never served.
        assertThat(board.get("/admin/markets/DB-BUNGLAO/stalls").status()).isEqualTo(403);
        assertThat(board.get("/admin/markets/DB-BUNGLAO/stalls.xlsx").status()).isEqualTo(403);
        assertThat(board.get("/admin/traders?market=DB-BUNGLAO").status()).isEqualTo(404);
        assertThat(board.get("/admin/traders.xlsx?market=DB-BUNGLAO").status()).isEqualTo(404);
        assertThat(as("tinh.thainguyen").get("/admin/traders.xlsx?market=TN-BOCBO").status()).isEqualTo(200);
        assertThat(as("bql.daitu").get("/admin/traders.xlsx?market=TN-BOCBO").status())
                .as("another market of the same province").isEqualTo(404);
        assertThat(as("tinh.dienbien").get("/admin/markets/TN-DAITU/stalls.xlsx").status()).isEqualTo(403);
        WebSession trader = TraderLogin.session(port, demo.demoTraderPhone(), sms, clock);
        assertThat(trader.get("/admin/traders.xlsx").status()).isEqualTo(403);
        assertThat(trader.get("/admin/traders?market=TN-DAITU").status()).isEqualTo(403);
        assertThat(trader.get("/admin/markets/TN-DAITU/stalls.xlsx").status()).isEqualTo(403);
    }

    // --- helpers: what the database says, and what the pages and files show

    private static final String LEASED = "EXISTS (SELECT 1 FROM lease l WHERE l.stall_id = s.id AND l.ends_on IS NULL)";
    private static final String WITH_QR = "EXISTS (SELECT 1 FROM stall_qr_code q WHERE q.stall_id = s.id"
            + " AND q.kind = 'STATIC' AND q.revoked_at IS NULL)";
    private static final String HOLDS_STALL = "EXISTS (SELECT 1 FROM lease l WHERE l.trader_id = t.id"
            + " AND l.ends_on IS NULL AND l.market_id = mk.id)";
    private static final String HAS_QR = "EXISTS (SELECT 1 FROM lease l JOIN stall_qr_code q ON q.stall_id = l.stall_id"
            + " JOIN receiving_account a ON a.id = q.account_id WHERE l.trader_id = t.id AND l.ends_on IS NULL"
            + " AND l.market_id = mk.id AND q.kind = 'STATIC' AND q.revoked_at IS NULL AND a.trader_id = t.id)";

    private long stalls(String market, String condition) {
        return db.sql("SELECT count(*) FROM stall s JOIN market m ON m.id = s.market_id WHERE m.code = ? AND "
                + condition).param(market).query(Long.class).single();
    }

    /** Traders of a market: onboarded there or holding an open lease there. */
    private long traders(String market, String condition) {
        return db.sql("SELECT count(*) FROM trader t, market mk WHERE mk.code = ? AND (t.market_id = mk.id OR"
                + " EXISTS (SELECT 1 FROM lease ol WHERE ol.trader_id = t.id AND ol.ends_on IS NULL"
                + " AND ol.market_id = mk.id)) AND " + condition).param(market).query(Long.class).single();
    }

    private long exportsAudited() {
        return db.sql("SELECT count(*) FROM audit_log WHERE action = 'TRADER_EXPORT'").query(Long.class).single();
    }

    private static String page(Http http, String path) {
        Http.Response r = http.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.body();
    }

    /** "351–380 trong số 380" as three numbers. */
    private static List<Long> range(String html) {
        Matcher m = RANGE.matcher(html);
        assertThat(m.find()).as("the page says which rows it shows").isTrue();
        return List.of(number(m.group(1)), number(m.group(2)), number(m.group(3)));
    }

    private static long total(String html) {
        Matcher m = RANGE.matcher(html);
        return m.find() ? number(m.group(3)) : 0;
    }

    private static long number(String grouped) {
        return Long.parseLong(grouped.replace(".", "").replace(",", ""));
    }

    private static List<String> stallCodes(String html) {
        return STALL_ROW.matcher(html).results().map(r -> r.group(1)).toList();
    }

    private static final DataFormatter CELLS = new DataFormatter();

    private static String text(Row row, int column) {
        return CELLS.formatCellValue(row.getCell(column));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(text(row, c));
        }
        return texts;
    }
}
