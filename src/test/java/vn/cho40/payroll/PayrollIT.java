package vn.cho40.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.ledger.Ledger;
import vn.cho40.shared.TableFile;
import vn.cho40.shared.VnFormats;

/**
 * A board's payroll end to end on the demo province: the demo's paid months, a new person, a month previewed and
 * approved once, its bank file read back, the bank's result imported, a retry file, the ledger in balance, and
 * another board, a cashier and the province's admin each kept to what they may see.
 */
@IntegrationTest
class PayrollIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    Ledger ledger;
    @Autowired
    PayrollFigures figures;
    @Autowired
    Clock clock;

    private WebSession board() {
        return new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
    }

    private UUID daitu() {
        return db.sql("SELECT id FROM market WHERE code = 'TN-DAITU'").query(UUID.class).single();
    }

    private YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(VnFormats.VIETNAM));
    }

    @Test
    void theDemoBoardsPaidTheirStaffByTransferForThreeMonthsAndTheBooksBalance() {
        UUID market = daitu();
        assertThat(db.sql("SELECT count(*) FROM payroll_run WHERE market_id = ? AND period >= ?")
                .params(market, thisMonth().minusMonths(3).atDay(1)).query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(figures.paysSalariesByTransfer(market, thisMonth().minusMonths(1))).isTrue();
        assertThat(figures.marketsPayingByTransfer(thisMonth().minusMonths(1))).contains(market);
        List<Ledger.AccountBalance> books = ledger.trialBalance(market);
        assertThat(books.stream().mapToLong(Ledger.AccountBalance::debitVnd).sum())
                .isEqualTo(books.stream().mapToLong(Ledger.AccountBalance::creditVnd).sum());
        int year = thisMonth().minusMonths(1).getYear();
        List<TableFile.Row> tax = TableFile.rows("tax.xlsx", board().getBytes("/payroll/TN-DAITU/tax.xlsx?year=" + year), 100);
        assertThat(tax).anySatisfy(r -> assertThat(r.cells()).contains("Nguyễn Văn Thành", "•••• 1234"));
        long withheld = db.sql("SELECT coalesce(sum(l.income_tax_vnd), 0) FROM payroll_line l JOIN payroll_run r "
                + "ON r.id = l.run_id WHERE r.market_id = ? AND extract(year FROM r.period) = ?")
                .params(market, year).query(Long.class).single();
        int taxColumn = tax.get(1).cells().indexOf("Thuế TNCN khấu trừ");
        assertThat(Long.parseLong(tax.getLast().cell(taxColumn))).isEqualTo(withheld);
        List<TableFile.Row> insurance = TableFile.rows("ins.xlsx",
                board().getBytes("/payroll/TN-DAITU/insurance.xlsx?year=" + year), 100);
        assertThat(insurance.size()).isGreaterThanOrEqualTo(3);
        String page = board().get("/payroll").body();
        YearMonth last = thisMonth().minusMonths(1);
        assertThat(page).contains("Nguyễn Văn Thành", "•••• 1234", String.format("%02d/%d", last.getMonthValue(), last.getYear()))
                .doesNotContain("101870001234", "019085001234");

        // The same year as PDF, and one person's withholding certificate: the CCCD in full only through an audited read.
        assertThat(pdfText(board().getBytes("/payroll/TN-DAITU/tax.pdf?year=" + year)))
                .contains("Nguyễn Văn Thành", "•••• 1234", VnFormats.groupThousands(withheld), "Năm " + year);
        UUID thanh = db.sql("SELECT id FROM payroll_staff WHERE full_name = 'Nguyễn Văn Thành'").query(UUID.class).single();
        int reads = db.sql("SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND subject_id = ?")
                .param(thanh.toString()).query(Integer.class).single();
        assertThat(board().get("/payroll/staff/" + thanh).body()).contains("tax-certificate.pdf?year=" + year);
        String certificate = pdfText(board().getBytes("/payroll/staff/" + thanh + "/tax-certificate.pdf?year=" + year));
        long thanhTax = db.sql("SELECT coalesce(sum(l.income_tax_vnd), 0) FROM payroll_line l JOIN payroll_run r "
                + "ON r.id = l.run_id WHERE l.staff_id = ? AND extract(year FROM r.period) = ?")
                .params(thanh, year).query(Long.class).single();
        assertThat(certificate).contains("CHỨNG TỪ KHẤU TRỪ THUẾ THU NHẬP CÁ NHÂN", "Đại Từ", "019085001234",
                "Số thuế thu nhập cá nhân đã khấu trừ: " + VnFormats.groupThousands(thanhTax) + " đồng");
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND subject_id = ?")
                .param(thanh.toString()).query(Integer.class).single()).isEqualTo(reads + 1);
        WebSession cashier = new WebSession(port, "thungan.daitu", DemoProvince.DEMO_PASSWORD);
        assertThat(cashier.get("/payroll/staff/" + thanh + "/tax-certificate.pdf?year=" + year).status()).isEqualTo(403);

        // The month's sheet to sign, as PDF.
        UUID lastRun = db.sql("SELECT id FROM payroll_run WHERE market_id = ? AND period = ? AND kind = 'REGULAR'")
                .params(market, thisMonth().minusMonths(1).atDay(1)).query(UUID.class).single();
        assertThat(pdfText(board().getBytes("/payroll/runs/" + lastRun + "/sheet.pdf")))
                .contains("BẢNG THANH TOÁN TIỀN LƯƠNG", "Nguyễn Văn Thành", "Kế toán trưởng", "Trưởng ban quản lý");
    }

    static String pdfText(byte[] pdf) {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMonthIsPreviewedApprovedOncePaidByFileAndConfirmedPerLine() {
        UUID market = daitu();
        WebSession board = board();
        int before = db.sql("SELECT count(*) FROM payroll_staff WHERE market_id = ?").param(market).query(Integer.class).single();
        Map<String, String> person = new LinkedHashMap<>(Map.of("fullName", "Đỗ Thị Ngọc", "idNumber", "019196001122",
                "phone", "0912345678", "bank", "970436", "accountNumber", "0071000123456", "position", "Thu ngân",
                "contractKind", "FIXED", "salary", "8.000.000", "dependants", "1", "startOn", "01/01/2026"));
        person.put("allowanceLUNCH", "730000");
        // Bad input first: every field named, nothing saved.
        Map<String, String> bad = new LinkedHashMap<>(person);
        bad.put("idNumber", "12345");
        bad.put("holderName", "NGUYEN VAN KHAC");
        bad.put("salary", "-5");
        String refused = board.postForm("/payroll/TN-DAITU/staff", bad, "/payroll/TN-DAITU/staff/new").body();
        assertThat(refused).contains("12 chữ số", "NGUYEN VAN KHAC", "Lương cố định là số đồng");
        assertThat(db.sql("SELECT count(*) FROM payroll_staff WHERE market_id = ?").param(market).query(Integer.class)
                .single()).isEqualTo(before);

        assertThat(board.postForm("/payroll/TN-DAITU/staff", person, "/payroll/TN-DAITU/staff/new").status()).isEqualTo(302);
        byte[] stored = db.sql("SELECT account_enc FROM payroll_staff WHERE full_name = 'Đỗ Thị Ngọc'").query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("0071000123456");

        YearMonth month = thisMonth().plusMonths(2);
        String preview = board.get("/payroll/TN-DAITU/month?period=" + month).body();
        assertThat(preview).contains("Đỗ Thị Ngọc", "Duyệt bảng lương");
        Http302 approved = new Http302(board.postForm("/payroll/TN-DAITU/approve", Map.of("period", month.toString()),
                "/payroll/TN-DAITU/month?period=" + month));
        UUID runId = UUID.fromString(approved.location.substring("/payroll/runs/".length()));
        String again = board.postForm("/payroll/TN-DAITU/approve", Map.of("period", month.toString()),
                "/payroll/TN-DAITU/month?period=" + month).body();
        assertThat(again).contains("đã được duyệt");
        assertThat(db.sql("SELECT count(*) FROM payroll_run WHERE market_id = ? AND period = ?")
                .params(market, month.atDay(1)).query(Integer.class).single()).isEqualTo(1);

        // The run's lines are facts: the database refuses to change an amount.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.sql(
                "UPDATE payroll_line SET net_vnd = net_vnd + 1, gross_vnd = gross_vnd + 1 WHERE run_id = ?")
                .param(runId).update()).hasMessageContaining("fact");

        long runNet = db.sql("SELECT net_vnd FROM payroll_run WHERE id = ?").param(runId).query(Long.class).single();
        int people = db.sql("SELECT people FROM payroll_run WHERE id = ?").param(runId).query(Integer.class).single();
        var file = board.postForm("/payroll/runs/" + runId + "/bank-file", Map.of("template", "GENERIC_CSV"),
                "/payroll/runs/" + runId);
        assertThat(file.status()).isEqualTo(200);
        List<TableFile.Row> rows = TableFile.rows("bank.csv", file.body().getBytes(StandardCharsets.UTF_8), 100);
        assertThat(rows).hasSize(people + 1);
        int amount = rows.getFirst().cells().indexOf("So tien");
        int account = rows.getFirst().cells().indexOf("So tai khoan");
        int ref = rows.getFirst().cells().indexOf("Ma giao dich");
        assertThat(rows.subList(1, rows.size()).stream().mapToLong(r -> Long.parseLong(r.cell(amount))).sum())
                .isEqualTo(runNet);
        assertThat(rows).anySatisfy(r -> assertThat(r.cell(account)).isEqualTo("0071000123456"));
        assertThat(board.postForm("/payroll/runs/" + runId + "/bank-file", Map.of("template", "GENERIC_CSV"),
                "/payroll/runs/" + runId).body()).as("sent lines are not in a second file").contains("Không còn khoản nào");

        // The bank's result: every line paid but the new person's, which failed.
        StringBuilder result = new StringBuilder("Ma giao dich,Trang thai,Ghi chu\n");
        String failedRef = null;
        for (TableFile.Row r : rows.subList(1, rows.size())) {
            boolean fails = r.cell(account).equals("0071000123456");
            failedRef = fails ? r.cell(ref) : failedRef;
            result.append(r.cell(ref)).append(fails ? ",That bai - sai ten,\n" : ",Thanh cong,\n");
        }
        var imported = board.upload("/payroll/runs/" + runId + "/results", "ketqua.csv",
                result.toString().getBytes(StandardCharsets.UTF_8), "/payroll/runs/" + runId);
        assertThat(imported.status()).isEqualTo(302);
        assertThat(db.sql("SELECT payment_status FROM payroll_line WHERE transfer_ref = ?").param(failedRef)
                .query(String.class).single()).isEqualTo("FAILED");
        var retry = board.postForm("/payroll/runs/" + runId + "/bank-file", Map.of("template", "GENERIC_CSV"),
                "/payroll/runs/" + runId);
        List<TableFile.Row> retryRows = TableFile.rows("retry.csv", retry.body().getBytes(StandardCharsets.UTF_8), 100);
        assertThat(retryRows).hasSize(2);
        assertThat(retryRows.get(1).cell(ref)).isEqualTo(failedRef);
        UUID failedLine = db.sql("SELECT id FROM payroll_line WHERE transfer_ref = ?").param(failedRef).query(UUID.class).single();
        assertThat(board.postForm("/payroll/lines/" + failedLine + "/paid", Map.of(),
                "/payroll/runs/" + runId).status()).isEqualTo(302);
        assertThat(board.postForm("/payroll/lines/" + failedLine + "/paid", Map.of(),
                "/payroll/runs/" + runId).body()).as("never paid twice").contains("không trả lần thứ hai");

        // The books: what was owed to staff is all paid from the bank; debits equal credits.
        assertThat(db.sql("SELECT coalesce(sum(amount_vnd), 0) FROM ledger_entry e JOIN ledger_transaction t "
                + "ON t.id = e.transaction_id WHERE e.account = ? AND (t.reference = ? OR t.reference IN "
                + "(SELECT 'payroll_line:' || id FROM payroll_line WHERE run_id = ?))")
                .params(PayrollAccounts.NET_PAY_OWED, "payroll_run:" + runId, runId).query(Long.class).single())
                .as("the run's net pay owed, all paid").isZero();
        assertThat(db.sql("SELECT -coalesce(sum(amount_vnd), 0) FROM ledger_entry e JOIN ledger_transaction t "
                + "ON t.id = e.transaction_id WHERE e.account = ? AND t.reference LIKE 'payroll_line:%' AND "
                + "t.reference IN (SELECT 'payroll_line:' || id FROM payroll_line WHERE run_id = ?)")
                .params(PayrollAccounts.BANK, runId).query(Long.class).single()).isEqualTo(runNet);
        List<Ledger.AccountBalance> books = ledger.trialBalance(market);
        assertThat(books.stream().mapToLong(Ledger.AccountBalance::debitVnd).sum())
                .isEqualTo(books.stream().mapToLong(Ledger.AccountBalance::creditVnd).sum());

        // A correction through the run's page: an adjusting run of one line, the first run unchanged.
        UUID ngoc = db.sql("SELECT id FROM payroll_staff WHERE full_name = 'Đỗ Thị Ngọc'").query(UUID.class).single();
        var adjusted = board.postForm("/payroll/TN-DAITU/adjust", Map.of("period", month.toString(), "staffId",
                ngoc.toString(), "addition", "1.000.000", "deduction", "0"), "/payroll/runs/" + runId);
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(302);
        assertThat(adjusted.location()).isNotEqualTo("/payroll/runs/" + runId);
        assertThat(db.sql("SELECT net_vnd FROM payroll_run WHERE id = ?").param(runId).query(Long.class).single())
                .isEqualTo(runNet);
        assertThat(board.postForm("/payroll/TN-DAITU/adjust", Map.of("period", month.toString(), "staffId",
                ngoc.toString(), "addition", "-3", "deduction", "0"), "/payroll/runs/" + runId).body())
                .contains("Mỗi khoản một lần");

        // Documents: the payslip PDF and the payroll sheet.
        byte[] pdf = board.getBytes("/payroll/lines/" + failedLine + "/payslip.pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        byte[] sheet = board.getBytes("/payroll/runs/" + runId + "/sheet.xlsx");
        List<TableFile.Row> sheetRows = TableFile.rows("sheet.xlsx", sheet, 100);
        assertThat(sheetRows).anySatisfy(r -> assertThat(r.cells()).contains("Đỗ Thị Ngọc"));
    }

    @Test
    void eachBoardSeesOnlyItsOwnStaffAndOnlyManagersApprove() {
        UUID someone = db.sql("SELECT id FROM payroll_staff WHERE market_id = ? LIMIT 1").param(daitu())
                .query(UUID.class).single();
        WebSession other = new WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD);
        assertThat(other.get("/payroll/staff/" + someone).status()).isEqualTo(404);
        assertThat(other.get("/payroll").body()).doesNotContain("Nguyễn Văn Thành").contains("Lò Văn Hùng");
        assertThat(new WebSession(port, "thungan.daitu", DemoProvince.DEMO_PASSWORD).get("/payroll").status())
                .isEqualTo(403);
        WebSession province = new WebSession(port, "tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
        assertThat(province.get("/payroll?market=TN-DAITU").body()).contains("Nguyễn Văn Thành");
        YearMonth month = thisMonth().plusMonths(5);
        WebSession auditor = new WebSession(port, "kiemtra.thainguyen", DemoProvince.DEMO_PASSWORD);
        assertThat(auditor.get("/payroll?market=TN-DAITU").status()).isEqualTo(403);
        assertThat(auditor.postForm("/payroll/TN-DAITU/approve", Map.of("period", month.toString()),
                "/ledger").status()).isEqualTo(403);
        WebSession commune = new WebSession(port, "xa.daiphuc", DemoProvince.DEMO_PASSWORD);
        assertThat(commune.postForm("/payroll/TN-DAITU/approve", Map.of("period", month.toString()),
                "/home").status()).isEqualTo(403);
    }

    @Test
    void revealingNumbersIsAuditedAndAnEmptyMonthCannotBeApproved() {
        UUID someone = db.sql("SELECT id FROM payroll_staff WHERE full_name = 'Lê Văn Bình'").query(UUID.class).single();
        WebSession board = board();
        String revealed = board.postForm("/payroll/staff/" + someone + "/reveal", Map.of(), "/payroll/staff/" + someone).body();
        assertThat(revealed).contains("019088007788", "1023456789");
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND subject_id = ?")
                .param(someone.toString()).query(Integer.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(board.postForm("/payroll/TN-DAITU/approve", Map.of("period", "2023-01"), "/payroll?market=TN-DAITU")
                .body()).contains("Chưa có quy định");
        String otherMarket = db.sql("SELECT code FROM market WHERE code NOT IN ('TN-DAITU', 'DB-BUNGLAO') ORDER BY code LIMIT 1")
                .query(String.class).single();
        WebSession admin = new WebSession(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        String empty = admin.postForm("/payroll/" + otherMarket + "/approve", Map.of("period", thisMonth().toString()),
                "/payroll?market=" + otherMarket).body();
        assertThat(empty).contains("bảng lương trống");
        Map<String, String> noAccount = new LinkedHashMap<>(Map.of("fullName", "Hà Văn Tư", "idNumber", "019089006677",
                "position", "Bảo vệ", "contractKind", "COEFFICIENT", "coefficient", "2,34", "startOn", "01/01/2026"));
        assertThat(admin.postForm("/payroll/" + otherMarket + "/staff", noAccount, "/payroll/" + otherMarket
                + "/staff/new").status()).isEqualTo(302);
        String refused = admin.postForm("/payroll/" + otherMarket + "/approve", Map.of("period", thisMonth().toString()),
                "/payroll?market=" + otherMarket).body();
        assertThat(refused).contains("Hà Văn Tư chưa có tài khoản nhận lương");
    }

    @Test
    void theApiListsMaskedStaffPreviewsAndApprovesWithOneOffsForTheBoardOnly() {
        vn.cho40.Http board = new vn.cho40.Http(port).as("bql.bunglao", DemoProvince.DEMO_PASSWORD);
        var staffList = board.get("/api/v1/payroll/markets/DB-BUNGLAO/staff");
        assertThat(staffList.status()).isEqualTo(200);
        assertThat(staffList.body()).contains("Lò Văn Hùng", "••••").doesNotContain("7900205112233", "011087002211");
        String someone = staffList.json().get(0).get("id").asString();
        YearMonth month = thisMonth().plusMonths(3);
        var preview = board.get("/api/v1/payroll/markets/DB-BUNGLAO/preview?period=" + month);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("approvable").asBoolean()).isTrue();
        long net = preview.json().get("netVnd").asLong();
        var approved = board.postJson("/api/v1/payroll/markets/DB-BUNGLAO/approve?period=" + month,
                Map.of("oneOffs", List.of(Map.of("staffId", someone, "additionVnd", 0, "deductionVnd", 100_000))));
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(approved.json().get("netVnd").asLong()).isEqualTo(net - 100_000);
        var twice = board.postJson("/api/v1/payroll/markets/DB-BUNGLAO/approve?period=" + month, Map.of());
        assertThat(twice.status()).isEqualTo(422);
        // Paid by one file; the statement shows one debit of the file's total, which pays every line.
        String runId = approved.json().get("id").asString();
        WebSession page = new WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD);
        String sample = "STT;Số tài khoản;Tên người thụ hưởng;Số tiền;Ngân hàng thụ hưởng;Nội dung\n";
        assertThat(page.upload("/payroll/DB-BUNGLAO/bank-layout", "mau-agribank.csv",
                sample.getBytes(StandardCharsets.UTF_8), "/payroll/runs/" + runId).status()).isEqualTo(302);
        assertThat(page.get("/payroll/runs/" + runId).body()).contains("Mẫu của ngân hàng ban quản lý");
        var own = page.postForm("/payroll/runs/" + runId + "/bank-file", Map.of("template", "BOARD"),
                "/payroll/runs/" + runId);
        assertThat(own.status()).isEqualTo(200);
        List<TableFile.Row> ownRows = TableFile.rows("own.csv", own.body().getBytes(StandardCharsets.UTF_8), 100);
        assertThat(ownRows.getFirst().cells()).containsExactly("STT", "Số tài khoản", "Tên người thụ hưởng", "Số tiền",
                "Ngân hàng thụ hưởng", "Nội dung");
        assertThat(ownRows.subList(1, ownRows.size()).stream().mapToLong(r -> Long.parseLong(r.cell(3))).sum())
                .isEqualTo(net - 100_000);
        String statement = "Ngày giao dịch,Số tham chiếu,Ghi nợ,Ghi có,Nội dung\n"
                + "05/12/2026,FT9,123000,,PHI DICH VU\n"
                + "05/12/2026,FT10," + (net - 100_000) + ",,CHI LUONG\n";
        var matched = page.upload("/payroll/runs/" + runId + "/statement", "saoke.csv",
                statement.getBytes(StandardCharsets.UTF_8), "/payroll/runs/" + runId);
        assertThat(matched.status()).as(matched.body()).isEqualTo(302);
        assertThat(db.sql("SELECT count(*) FROM payroll_line WHERE run_id = ? AND payment_status <> 'PAID'")
                .param(UUID.fromString(runId)).query(Integer.class).single()).isZero();

        // A correction is an adjusting run: a bonus of 2,000,000 for one person, taxed with the month's income.
        var adjusted = board.postJson("/api/v1/payroll/markets/DB-BUNGLAO/adjust?period=" + month,
                Map.of("oneOffs", List.of(Map.of("staffId", someone, "additionVnd", 2_000_000, "deductionVnd", 0))));
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(201);
        assertThat(adjusted.json().get("people").asInt()).isEqualTo(1);
        assertThat(adjusted.json().get("grossVnd").asLong()).isEqualTo(2_000_000);
        assertThat(adjusted.json().get("netVnd").asLong()).isBetween(1_600_000L, 2_000_000L);
        assertThat(board.postJson("/api/v1/payroll/markets/DB-BUNGLAO/adjust?period=" + month.plusMonths(1),
                Map.of("oneOffs", List.of(Map.of("staffId", someone, "additionVnd", 1, "deductionVnd", 0)))).status())
                .as("no approved month to adjust").isEqualTo(422);
        var bad = board.postJson("/api/v1/payroll/markets/DB-BUNGLAO/approve?period=" + month.plusMonths(1),
                Map.of("oneOffs", List.of(Map.of("staffId", someone, "additionVnd", -5, "deductionVnd", 0))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(new vn.cho40.Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD)
                .get("/api/v1/payroll/markets/DB-BUNGLAO/staff").status()).isIn(403, 404);
        assertThat(new vn.cho40.Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD)
                .get("/api/v1/payroll/staff/" + someone).status()).isEqualTo(404);
    }

    @Autowired
    DemoProvince demo;
    @Autowired
    vn.cho40.identity.SmsSender sms;
    @Autowired
    vn.cho40.TestClock testClock;

    @Test
    void aStaffMemberWhoIsAlsoATraderReadsTheirOwnPayslipsByPhone() {
        vn.cho40.Http board = new vn.cho40.Http(port).as("bql.bunglao", DemoProvince.DEMO_PASSWORD);
        String phone = demo.demoTraderPhone();
        var created = board.postJson("/api/v1/payroll/markets/DB-BUNGLAO/staff", Map.of("fullName", "Điêu Thị Xuân",
                "idNumber", "011197004455", "phone", phone, "bank", "970405", "accountNumber", "7900205998877",
                "position", "Tạp vụ", "contractKind", "FIXED", "salary", "4.900.000", "startOn", "01/02/2026"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        YearMonth month = thisMonth().plusMonths(7);
        assertThat(board.postJson("/api/v1/payroll/markets/DB-BUNGLAO/approve?period=" + month, Map.of()).status())
                .isEqualTo(201);
        WebSession trader = vn.cho40.TraderLogin.session(port, phone, sms, testClock);
        String page = trader.get("/trader/payslips").body();
        assertThat(page).contains("Điêu Thị Xuân").doesNotContain("Lò Văn Hùng");
        UUID mine = db.sql("SELECT l.id FROM payroll_line l JOIN payroll_staff s ON s.id = l.staff_id "
                + "WHERE s.full_name = 'Điêu Thị Xuân' LIMIT 1").query(UUID.class).single();
        byte[] pdf = trader.getBytes("/trader/payslips/" + mine + ".pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        UUID someoneElse = db.sql("SELECT l.id FROM payroll_line l JOIN payroll_staff s ON s.id = l.staff_id "
                + "WHERE s.full_name = 'Lò Văn Hùng' LIMIT 1").query(UUID.class).single();
        assertThat(trader.get("/trader/payslips/" + someoneElse + ".pdf").status()).isEqualTo(404);

        // Their own withholding certificate for the year, CCCD masked; nobody else's.
        UUID xuan = db.sql("SELECT id FROM payroll_staff WHERE full_name = 'Điêu Thị Xuân'").query(UUID.class).single();
        assertThat(page).contains("/trader/payslips/certificate/" + xuan + ".pdf?year=" + month.getYear());
        String certificate = pdfText(trader.getBytes("/trader/payslips/certificate/" + xuan + ".pdf?year="
                + month.getYear()));
        assertThat(certificate).contains("Điêu Thị Xuân", "•••• 4455", "tháng " + String.format("%02d",
                month.getMonthValue())).doesNotContain("011197004455");
        UUID hung = db.sql("SELECT id FROM payroll_staff WHERE full_name = 'Lò Văn Hùng'").query(UUID.class).single();
        assertThat(trader.get("/trader/payslips/certificate/" + hung + ".pdf?year=" + month.getYear()).status())
                .isEqualTo(404);
    }

    @Test
    void recordedDaysProrateTheMonthAndTheRunIsPaidByAnIso20022File() throws Exception {
        UUID market = daitu();
        WebSession board = board();
        YearMonth month = thisMonth().plusMonths(9);
        int working = WorkingDays.inMonth(month);
        UUID hoa = db.sql("SELECT id FROM payroll_staff WHERE full_name = 'Trần Thị Hoa'").query(UUID.class).single();
        UUID binh = db.sql("SELECT id FROM payroll_staff WHERE full_name = 'Lê Văn Bình'").query(UUID.class).single();
        String page = "/payroll/TN-DAITU/attendance?period=" + month;
        String form = "/payroll/TN-DAITU/attendance";
        assertThat(board.get(page).body()).contains("Trần Thị Hoa", "tối đa " + working + " ngày");

        // Bad input on the phone form: the field is named, nothing is recorded.
        String refused = board.postForm(form, Map.of("period", month.toString(), "days" + hoa, "40",
                "days" + binh, "10"), page).body();
        assertThat(refused).contains("Ngày công của Trần Thị Hoa: nhập số nguyên từ 0 đến " + working);
        assertThat(db.sql("SELECT count(*) FROM payroll_attendance WHERE market_id = ? AND period = ?")
                .params(market, month.atDay(1)).query(Integer.class).single()).isZero();
        assertThat(board.postForm(form, Map.of("period", month.toString(), "days" + hoa, "10"), page).status())
                .isEqualTo(302);

        // A file: a wrong line refuses it whole; a right one is previewed, then recorded on confirmation.
        String wrong = "Họ và tên,Ngày công\nLê Văn Bình,15\nKhông Có Ai,3\n";
        String checked = board.upload("/payroll/TN-DAITU/attendance/import?period=" + month, "ngay-cong.csv",
                wrong.getBytes(StandardCharsets.UTF_8), page).body();
        assertThat(checked).contains("Tệp có 1 lỗi", "Không có Không Có Ai trong danh sách lương");
        byte[] template = board.getBytes("/payroll/TN-DAITU/attendance.csv?period=" + month);
        assertThat(new String(template, StandardCharsets.UTF_8)).contains("Họ và tên,CCCD (4 số cuối),Ngày công",
                "\"Trần Thị Hoa\",4321,10");
        String right = "Ho va ten;Ngay cong\nLE VAN BINH;15\n";
        String previewed = board.upload("/payroll/TN-DAITU/attendance/import?period=" + month, "ngay-cong.csv",
                right.getBytes(StandardCharsets.UTF_8), page).body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"")
                .matcher(previewed);
        assertThat(token.find()).as(previewed).isTrue();
        assertThat(board.postForm("/payroll/TN-DAITU/attendance/import/confirm", Map.of("token", token.group(1)), page)
                .status()).isEqualTo(302);
        assertThat(db.sql("SELECT worked_days FROM payroll_attendance WHERE staff_id = ? AND period = ?")
                .params(binh, month.atDay(1)).query(Integer.class).single()).isEqualTo(15);
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'PAYROLL_ATTENDANCE' AND market_id = ? "
                + "AND detail LIKE ?").params(market, month + "%").query(Integer.class).single()).isEqualTo(2);

        // The run prorates by the recorded days and shows it on the payslip, step by step.
        assertThat(board.get("/payroll/TN-DAITU/month?period=" + month).body()).contains("10/" + working, "15/" + working);
        Http302 approved = new Http302(board.postForm("/payroll/TN-DAITU/approve", Map.of("period", month.toString()),
                "/payroll/TN-DAITU/month?period=" + month));
        UUID runId = UUID.fromString(approved.location.substring("/payroll/runs/".length()));
        var hoaLine = db.sql("SELECT id, worked_days, working_days, days_recorded, contract_salary_vnd, salary_vnd "
                + "FROM payroll_line WHERE run_id = ? AND staff_id = ?").params(runId, hoa).query().singleRow();
        assertThat(hoaLine.get("worked_days")).isEqualTo(10);
        assertThat(hoaLine.get("days_recorded")).isEqualTo(true);
        long contract = (Long) hoaLine.get("contract_salary_vnd");
        assertThat((Long) hoaLine.get("salary_vnd")).isEqualTo((contract * 10 + working / 2) / working);
        byte[] payslip = board.getBytes("/payroll/lines/" + hoaLine.get("id") + "/payslip.pdf");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(payslip)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("× 10/" + working + " ngày công (theo chấm công của ban quản lý)");
        }
        assertThat(board.postForm(form, Map.of("period", month.toString(), "days" + hoa, "12"), page).body())
                .as("locked once approved").contains("đã được duyệt");

        // pain.001: valid against the ISO 20022 schema, the run's net and count, and never a second time.
        long runNet = db.sql("SELECT net_vnd FROM payroll_run WHERE id = ?").param(runId).query(Long.class).single();
        int people = db.sql("SELECT people FROM payroll_run WHERE id = ?").param(runId).query(Integer.class).single();
        var xml = board.postForm("/payroll/runs/" + runId + "/bank-file", Map.of("template", Pain001.CODE),
                "/payroll/runs/" + runId);
        assertThat(xml.status()).as(xml.body()).isEqualTo(200);
        byte[] bytes = xml.body().getBytes(StandardCharsets.UTF_8);
        Pain001Test.validate(bytes);
        assertThat(xml.body()).contains("<NbOfTxs>" + people + "</NbOfTxs>", "<CtrlSum>" + runNet + "</CtrlSum>",
                "<Cd>SALA</Cd>");
        String ref = db.sql("SELECT transfer_ref FROM payroll_line WHERE id = ?").param(hoaLine.get("id"))
                .query(String.class).single();
        assertThat(xml.body()).contains("<EndToEndId>" + ref + "</EndToEndId>");
        assertThat(board.postForm("/payroll/runs/" + runId + "/bank-file", Map.of("template", Pain001.CODE),
                "/payroll/runs/" + runId).body()).contains("Không còn khoản nào");
    }

    @Test
    void theApiRecordsDaysWorkedCheckedAsOnTheFormAndOnlyForTheBoard() throws Exception {
        vn.cho40.Http board = new vn.cho40.Http(port).as("bql.bunglao", DemoProvince.DEMO_PASSWORD);
        YearMonth month = thisMonth().plusMonths(11);
        String path = "/api/v1/payroll/markets/DB-BUNGLAO/attendance?period=" + month;
        var sheet = board.get(path);
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.json().get("workingDays").asInt()).isEqualTo(WorkingDays.inMonth(month));
        String hung = null;
        for (var e : sheet.json().get("entries")) {
            if (e.get("fullName").asString().equals("Lò Văn Hùng")) {
                hung = e.get("staffId").asString();
            }
        }
        assertThat(hung).isNotNull();
        var bad = board.putJson(path, Map.of("days", Map.of(hung, 99)));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Lò Văn Hùng");
        var good = board.putJson(path, Map.of("days", Map.of(hung, 7)));
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.body()).contains("\"recordedDays\":7");
        var preview = board.get("/api/v1/payroll/markets/DB-BUNGLAO/preview?period=" + month);
        boolean found = false;
        for (var l : preview.json().get("lines")) {
            if (l.get("staffId").asString().equals(hung)) {
                assertThat(l.get("workedDays").asInt()).isEqualTo(7);
                assertThat(l.get("daysRecorded").asBoolean()).isTrue();
                found = true;
            }
        }
        assertThat(found).isTrue();
        var foreign = new vn.cho40.Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD)
                .putJson(path, Map.of("days", Map.of(hung, 3)));
        assertThat(foreign.status()).isIn(403, 404);
        assertThat(db.sql("SELECT worked_days FROM payroll_attendance WHERE staff_id = ? AND period = ?")
                .params(UUID.fromString(hung), month.atDay(1)).query(Integer.class).single()).isEqualTo(7);
    }

    private record Http302(String location) {
        Http302(vn.cho40.Http.Response r) {
            this(r.location());
            assertThat(r.status()).as(r.body()).isEqualTo(302);
        }
    }
}
