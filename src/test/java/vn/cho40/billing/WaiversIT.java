package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.ledger.Ledger;

/**
 * A waiver asked for by the cashier and approved by the manager lowers what the bill asks for and moves that debt to
 * the board's allowances (the books still balance); nobody decides their own request; another market's board cannot
 * decide; the arrears notice prints every unpaid bill of the stall with the total in words.
 */
@IntegrationTest
class WaiversIT {

    private static final String PW = DemoProvince.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    Ledger ledger;
    @Autowired
    vn.cho40.payment.PaymentMatcher matcher;

    @Test
    void aCashiersRequestApprovedByTheManagerLowersTheBillAndBalancesTheBooks() throws Exception {
        // The demo's fee payments are matched after start-up: let them settle before picking an unpaid bill.
        vn.cho40.payment.MatchAll.now(matcher, db);
        record Open(UUID id, UUID market, long due, String number) {
        }
        Open bill = db.sql("""
                SELECT b.id, b.market_id, b.total_vnd - b.paid_vnd - b.waived_vnd, b.number FROM bill b
                JOIN market m ON m.id = b.market_id WHERE m.code = 'TN-DAITU' AND b.status = 'OPEN'
                  AND b.total_vnd - b.paid_vnd - b.waived_vnd > 20000 ORDER BY b.due_on, b.number LIMIT 1""")
                .query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                        rs.getString(4))).single();
        String page = "/billing/bills/" + bill.id();
        WebSession cashier = new WebSession(port, "thungan.daitu", PW);
        assertThat(cashier.get(page).body()).contains("id=\"waiver-form\"");
        cashier.postForm(page + "/waivers", Map.of("amount", String.valueOf(bill.due() + 1), "reasonKind", "HARDSHIP",
                "reason", "Gia đình có người ốm nặng"), page);
        assertThat(cashier.get(page).body()).as("more than is due").contains("không quá số còn phải trả")
                .as("the form named, what was typed kept").contains("Đề nghị miễn giảm: ",
                        "value=\"" + (bill.due() + 1) + "\"", "value=\"Gia đình có người ốm nặng\"");
        Http.Response asked = cashier.postForm(page + "/waivers", Map.of("amount", "10.000", "reasonKind", "HARDSHIP",
                "reason", "Gia đình có người ốm nặng"), page);
        assertThat(asked.status()).isEqualTo(302);
        UUID waiver = db.sql("SELECT id FROM bill_waiver WHERE bill_id = ? AND status = 'REQUESTED'").param(bill.id())
                .query(UUID.class).single();
        assertThat(cashier.postForm("/billing/waivers/" + waiver + "/approve?market=TN-DAITU", Map.of(), "/billing/waivers")
                .status()).as("the cashier does not decide").isIn(403, 404);
        assertThat(new WebSession(port, "bql.bunglao", PW).postForm("/billing/waivers/" + waiver
                + "/approve?market=TN-DAITU", Map.of(), "/billing/waivers").status()).isIn(403, 404);

        WebSession manager = new WebSession(port, "bql.daitu", PW);
        assertThat(new Http(port).as("bql.daitu", PW).get("/api/v1/me/tasks").body()).as("on the manager's list")
                .contains("BILL_WAIVERS", "/billing/waivers");
        assertThat(manager.get("/billing/waivers?market=TN-DAITU").body()).contains(bill.number(), "Chờ duyệt");
        assertThat(manager.postForm("/billing/waivers/" + waiver + "/approve?market=TN-DAITU", Map.of(),
                "/billing/waivers?market=TN-DAITU").status()).isEqualTo(302);
        assertThat(db.sql("SELECT total_vnd - paid_vnd - waived_vnd FROM bill WHERE id = ?").param(bill.id())
                .query(Long.class).single()).isEqualTo(bill.due() - 10_000);
        assertThat(db.sql("SELECT coalesce(sum(e.amount_vnd), 0) FROM ledger_entry e JOIN ledger_transaction t "
                + "ON t.id = e.transaction_id WHERE t.reference = ? AND e.account LIKE 'waiver:%'")
                .param("waiver:" + waiver).query(Long.class).single()).isEqualTo(10_000);
        assertThat(ledger.trialBalance(bill.market()).stream().mapToLong(Ledger.AccountBalance::balanceVnd).sum())
                .isZero();
        assertThat(manager.get(page).body()).contains("Được miễn giảm", "Đã duyệt");

        // The manager's own request waits for someone else.
        manager.postForm(page + "/waivers", Map.of("amount", "5000", "reasonKind", "CLOSED_FOR_REPAIRS",
                "reason", "Dãy A sửa mái hai ngày"), page);
        UUID own = db.sql("SELECT id FROM bill_waiver WHERE bill_id = ? AND status = 'REQUESTED'").param(bill.id())
                .query(UUID.class).single();
        // While it waits, the bill takes no second request.
        cashier.postForm(page + "/waivers", Map.of("amount", "5000", "reasonKind", "CLOSED_FOR_REPAIRS",
                "reason", "Dãy A sửa mái hai ngày"), page);
        assertThat(cashier.get(page).body()).contains("đang có một đề nghị miễn giảm 5.000");
        assertThat(db.sql("SELECT count(*) FROM bill_waiver WHERE bill_id = ? AND status = 'REQUESTED'").param(bill.id())
                .query(Long.class).single()).isEqualTo(1);
        manager.postForm("/billing/waivers/" + own + "/approve?market=TN-DAITU", Map.of(), "/billing/waivers?market=TN-DAITU");
        assertThat(manager.get("/billing/waivers?market=TN-DAITU").body()).contains("Không tự duyệt");
        assertThat(db.sql("SELECT status FROM bill_waiver WHERE id = ?").param(own).query(String.class).single())
                .isEqualTo("REQUESTED");
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action IN ('BILL_WAIVER_REQUEST', 'BILL_WAIVER_APPROVE') "
                + "AND subject_id = ?").param(bill.id().toString()).query(Long.class).single()).isEqualTo(3);
        // Someone else decides it: the province refuses; the bill asks what it asked, and the refusal is on record.
        WebSession province = new WebSession(port, "tinh.thainguyen", PW);
        assertThat(province.postForm("/billing/waivers/" + own + "/refuse?market=TN-DAITU", Map.of(),
                "/billing/waivers?market=TN-DAITU").status()).isEqualTo(302);
        assertThat(db.sql("SELECT status || ' ' || decided_by FROM bill_waiver WHERE id = ?").param(own)
                .query(String.class).single()).isEqualTo("REFUSED tinh.thainguyen");
        assertThat(db.sql("SELECT total_vnd - paid_vnd - waived_vnd FROM bill WHERE id = ?").param(bill.id())
                .query(Long.class).single()).isEqualTo(bill.due() - 10_000);
        assertThat(db.sql("SELECT actor FROM audit_log WHERE action = 'BILL_WAIVER_REFUSE' AND subject_id = ?")
                .param(bill.id().toString()).query(String.class).list()).containsExactly("tinh.thainguyen");

        byte[] pdf = manager.getBytes(page + "/notice.pdf");
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("GIẤY BÁO NỢ PHÍ CHỢ", bill.number(), "Bằng chữ", "đồng");
        }
    }

    @Autowired
    Bills bills;

    @Test
    void aBillIsCorrectedByCreditNotesAndAdjustingBillsNeverEdited() throws Exception {
        vn.cho40.payment.MatchAll.now(matcher, db);
        record Row(UUID id, UUID market, UUID trader, long due) {
        }
        Row open = db.sql("""
                SELECT b.id, b.market_id, b.trader_id, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd FROM bill b
                JOIN market m ON m.id = b.market_id WHERE m.code = 'TN-DAITU' AND b.status = 'OPEN' AND b.kind = 'BILL'
                  AND b.total_vnd - b.paid_vnd > 60000 ORDER BY b.due_on DESC, b.number LIMIT 1""")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getLong(4))).single();
        Row paid = db.sql("""
                SELECT b.id, b.market_id, b.trader_id, 0 FROM bill b JOIN market m ON m.id = b.market_id
                WHERE m.code = 'TN-DAITU' AND b.status = 'PAID' AND b.kind = 'BILL' ORDER BY b.number LIMIT 1""")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), 0)).single();
        String page = "/billing/bills/" + open.id();
        assertThat(new WebSession(port, "thungan.daitu", PW).postForm(page + "/credit-note", Map.of("amount", "20000",
                "reason", "Sai diện tích"), page).status()).as("only the manager corrects").isIn(403, 404);
        WebSession manager = new WebSession(port, "bql.daitu", PW);
        long totalBefore = db.sql("SELECT total_vnd FROM bill WHERE id = ?").param(open.id()).query(Long.class).single();
        manager.postForm(page + "/credit-note", Map.of("amount", "999999999", "reason", "Sai diện tích"), page);
        String refusedNote = manager.get(page).body();
        assertThat(refusedNote).contains("Số tiền phải lớn hơn 0 và không quá", "Lập hóa đơn điều chỉnh giảm: ",
                "value=\"999999999\"", "value=\"Sai diện tích\"");
        manager.postForm(page + "/adjustment", Map.of("charge", "CLEANING", "amount", "5000", "reason", "x"), page);
        assertThat(manager.get(page).body()).as("the adjustment's own limit, its form named")
                .contains("Lập hóa đơn điều chỉnh tăng: ", "Giải trình từ 3 đến 300 ký tự", "value=\"CLEANING\" selected=\"selected\"");
        Http.Response note = manager.postForm(page + "/credit-note", Map.of("amount", "20.000",
                "reason", "Sai diện tích quầy: 6 m² chứ không phải 8 m²"), page);
        assertThat(note.status()).isEqualTo(302);
        Bills.View original = bills.get(open.id()).orElseThrow();
        assertThat(original.totalVnd()).as("the bill itself is never edited").isEqualTo(totalBefore);
        assertThat(original.dueVnd()).isEqualTo(open.due() - 20_000);
        Bills.View credit = bills.get(UUID.fromString(note.location().substring(note.location().lastIndexOf('/') + 1)))
                .orElseThrow();
        assertThat(credit.kind()).isEqualTo("CREDIT_NOTE");
        assertThat(credit.totalVnd()).isEqualTo(-20_000);
        assertThat(credit.corrects()).isEqualTo(open.id());
        assertThat(manager.get(page).body()).contains(credit.number(), "Điều chỉnh giảm");
        // A credit note is paid by nobody: no due date, no payment code, nothing to waive or correct on it.
        assertThat(manager.get(note.location()).body()).contains("Xem hóa đơn gốc").doesNotContain("Mã thanh toán", "Còn phải trả",
                "id=\"bill-waivers\"", "id=\"waiver-form\"", "id=\"bill-corrections\"", "Hạn trả");

        long creditBefore = bills.creditOf(paid.trader());
        assertThat(manager.postForm("/billing/bills/" + paid.id() + "/credit-note", Map.of("amount", "15000",
                "reason", "Chợ mất điện ba ngày"), "/billing/bills/" + paid.id()).status()).isEqualTo(302);
        assertThat(bills.creditOf(paid.trader()) - creditBefore).as("a paid bill's correction is owed back as credit")
                .isEqualTo(15_000);

        Http.Response more = manager.postForm(page + "/adjustment", Map.of("charge", "CLEANING", "amount", "30.000",
                "reason", "Thu gom rác thêm tháng lễ"), page);
        assertThat(more.status()).isEqualTo(302);
        Bills.View adjusting = bills.get(UUID.fromString(more.location().substring(more.location().lastIndexOf('/') + 1)))
                .orElseThrow();
        assertThat(adjusting.kind()).isEqualTo("ADJUSTMENT");
        assertThat(adjusting.totalVnd()).isEqualTo(30_000);
        assertThat(adjusting.qrPayload()).as("its own code and QR").isNotNull();
        assertThat(adjusting.paymentCode()).isNotEqualTo(original.paymentCode());
        assertThat(ledger.trialBalance(open.market()).stream().mapToLong(Ledger.AccountBalance::balanceVnd).sum())
                .isZero();
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action IN ('BILL_CREDIT_NOTE', 'BILL_ADJUSTMENT') "
                + "AND subject_id = ?").param(open.id().toString()).query(Long.class).single()).isEqualTo(2);
    }
}
