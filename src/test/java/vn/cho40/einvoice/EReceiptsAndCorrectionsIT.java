package vn.cho40.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.billing.BillCorrections;
import vn.cho40.billing.CashDesk;
import vn.cho40.demo.DemoProvince;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;

/**
 * A board that collects a fee beside its priced services: a paid bill gets an invoice and a receipt, each in its own
 * series; a credit note adjusts both; the board replaces, adjusts and cancels from the document page, the originals
 * kept as they were, every number used once.
 */
@IntegrationTest
class EReceiptsAndCorrectionsIT {

    @LocalServerPort
    int port;
    /** The application's clock (tests of the run move it on): what the issuer calls due. */
    @Autowired
    java.time.Clock clock;
    @Autowired
    JdbcClient db;
    @Autowired
    EInvoiceIssuer issuer;
    @Autowired
    EInvoices einvoices;
    @Autowired
    CashDesk cashDesk;
    @Autowired
    BillCorrections billCorrections;
    @Autowired
    Markets markets;

    /** An unpaid demo bill of rent and cleaning, in a Thái Nguyên market no other e-invoice test sets up. */
    private record Bill(UUID id, String market, long totalVnd) {
    }

    private Bill bill() {
        return bills(1).getFirst();
    }

    private List<Bill> bills(int count) {
        return db.sql("""
                SELECT b.id, m.code, b.total_vnd FROM bill b JOIN market m ON m.id = b.market_id
                WHERE m.province_code = (SELECT province_code FROM market WHERE code = 'TN-DAITU')
                  AND m.code NOT IN ('TN-DAITU', 'TN-LABANG', 'TN-YENLAC', 'TN-QUANTRIEU') AND b.kind = 'BILL' AND b.status = 'OPEN'
                  AND b.paid_vnd = 0 AND b.total_vnd > 0
                  AND EXISTS (SELECT 1 FROM bill_line l WHERE l.bill_id = b.id AND l.charge = 'RENT')
                  AND EXISTS (SELECT 1 FROM bill_line l WHERE l.bill_id = b.id AND l.charge = 'CLEANING')
                ORDER BY m.code, b.number LIMIT ?""").param(count)
                .query((rs, n) -> new Bill(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3))).list();
    }

    /** This test's own sources: the bills it pays and corrects, and the board's corrections. */
    private final java.util.Set<String> own = new java.util.HashSet<>();

    /**
     * Issues this test's requests; the demo's paid bills of the market (still settling) wait till tomorrow. The
     * scheduled issuer may have claimed one first (SKIP LOCKED passes it over here): wait until it has made it.
     */
    private void issue(UUID market) throws InterruptedException {
        db.sql("UPDATE einvoice_request SET next_try_at = now() + interval '1 day' WHERE market_id = ? "
                + "AND issued_id IS NULL AND source LIKE 'bill:%' AND NOT source = ANY(?)")
                .params(market, own.toArray(String[]::new)).update();
        for (int i = 0; i < 100 && due(market) > 0; i++) {
            if (issuer.issuePending(market, 50) == 0) {
                Thread.sleep(100);
            }
        }
    }

    private int due(UUID market) {
        return db.sql("SELECT count(*) FROM einvoice_request WHERE market_id = ? AND issued_id IS NULL "
                + "AND next_try_at <= ?").params(market, java.sql.Timestamp.from(clock.instant())).query(Integer.class).single();
    }

    private WebSession provinceAdmin(String market) {
        WebSession s = new WebSession(port, null, null);
        s.postForm("/login", Map.of("username", "tinh.thainguyen", "password", DemoProvince.DEMO_PASSWORD), "/login");
        s.get("/einvoices?market=" + market);
        return s;
    }

    private Map<String, String> setting(String market, String receiptForm, String receiptSeries) {
        return Map.of("market", market, "sellerName", "Ban quản lý chợ", "sellerTaxCode", "0100112437",
                "sellerAddress", "Thái Nguyên", "series", "2C26TSC", "receiptForm", receiptForm,
                "receiptSeries", receiptSeries, "mode", "LOCAL");
    }

    private EInvoices.Issued only(List<EInvoices.Issued> docs, EInvoices.Kind kind, String correction) {
        return docs.stream().filter(d -> d.kind() == kind && java.util.Objects.equals(d.correction(), correction))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + kind + " " + correction + " in " + docs));
    }

    @Test
    void aBillOfFeesAndServicesGetsAReceiptAndAnInvoiceThatTheBoardCorrects() throws Exception {
        Bill bill = bill();
        Market m = markets.get(bill.market());
        WebSession board = provinceAdmin(bill.market());
        // The demo's paid bills of this market wait for its setting too: they are left for later, this test's first.
        db.sql("UPDATE einvoice_request SET next_try_at = now() + interval '1 day' WHERE market_id = ? "
                + "AND issued_id IS NULL").param(m.id()).update();
        String page = "/einvoices?market=" + bill.market();

        // A receipt needs the receipt form and series: choosing receipts first is refused, and a bad series named.
        Http.Response early = board.postForm("/einvoices/kinds", Map.of("market", bill.market(),
                "kind_CLEANING", "RECEIPT"), page);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("Khai báo mẫu số và ký hiệu biên lai trước");
        Http.Response badSeries = board.postForm("/einvoices/settings", setting(bill.market(), "01BLP0-001", "AB26E"),
                page);
        assertThat(badSeries.status()).isEqualTo(422);
        assertThat(badSeries.body()).contains("Ký hiệu biên lai &quot;AB26E&quot; không đúng");
        assertThat(board.postForm("/einvoices/settings", setting(bill.market(), "01blp0-001", "sc-26e"), page).status())
                .isEqualTo(302);
        assertThat(board.postForm("/einvoices/kinds", Map.of("market", bill.market(), "kind_CLEANING", "RECEIPT",
                "kind_RENT", "INVOICE"), page).status()).isEqualTo(302);

        // Paid in full at the desk: one invoice (rent) and one receipt (cleaning), each numbered in its own series.
        own.add("bill:" + bill.id());
        cashDesk.pay(m, bill.id(), bill.totalVnd(), "Người nộp", "tinh.thainguyen");
        issue(m.id());
        List<EInvoices.Issued> docs = einvoices.documentsOf("bill:" + bill.id());
        assertThat(docs).extracting(EInvoices.Issued::kind)
                .containsExactlyInAnyOrder(EInvoices.Kind.INVOICE, EInvoices.Kind.RECEIPT);
        EInvoices.Issued invoice = only(docs, EInvoices.Kind.INVOICE, null);
        EInvoices.Issued receipt = only(docs, EInvoices.Kind.RECEIPT, null);
        assertThat(invoice.series()).isEqualTo("2C26TSC");
        assertThat(receipt.series()).isEqualTo("01BLP0-001 SC-26E");
        assertThat(invoice.totalVnd() + receipt.totalVnd()).as("the two documents state the bill").isEqualTo(bill.totalVnd());
        String receiptXml = new String(einvoices.xml(receipt.id()), StandardCharsets.UTF_8);
        assertThat(receiptXml).contains("<BLai>", "<KHBLai>SC-26E</KHBLai>", "<MHHDVu>CLEANING</MHHDVu>")
                .doesNotContain("RENT");
        assertThat(new String(einvoices.xml(invoice.id()), StandardCharsets.UTF_8)).contains("<MHHDVu>RENT</MHHDVu>")
                .doesNotContain("CLEANING");
        assertThat(DocumentCheck.check(einvoices.xml(receipt.id())).problems()).isEmpty();
        Http api = new Http(port).as("tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/bills/" + bill.id() + "/documents").body())
                .contains("\"kind\":\"INVOICE\"", "\"kind\":\"RECEIPT\"", "\"series\":\"01BLP0-001 SC-26E\"");

        // A credit note of the whole bill: an adjusting document of each, pointing at it; the originals unchanged.
        byte[] originalXml = einvoices.xml(invoice.id());
        own.add("bill:" + billCorrections.creditNote(m, bill.id(), String.valueOf(bill.totalVnd()),
                "Chợ đóng cửa sửa chữa", "tinh.thainguyen"));
        issue(m.id());
        docs = einvoices.documentsOf("bill:" + bill.id());
        EInvoices.Issued adjustingInvoice = only(docs, EInvoices.Kind.INVOICE, "ADJUST");
        EInvoices.Issued adjustingReceipt = only(docs, EInvoices.Kind.RECEIPT, "ADJUST");
        assertThat(adjustingInvoice.totalVnd()).isEqualTo(-invoice.totalVnd());
        assertThat(adjustingReceipt.totalVnd()).isEqualTo(-receipt.totalVnd());
        assertThat(adjustingInvoice.corrects()).isEqualTo(invoice.id());
        assertThat(new String(einvoices.xml(adjustingInvoice.id()), StandardCharsets.UTF_8))
                .contains("<TCHDon>2</TCHDon>", "<KHHDCLQuan>C26TSC</KHHDCLQuan>",
                        "<SHDCLQuan>" + invoice.number() + "</SHDCLQuan>", "Chợ đóng cửa sửa chữa");
        assertThat(DocumentCheck.check(einvoices.xml(adjustingInvoice.id())).problems()).isEmpty();
        assertThat(einvoices.byId(invoice.id()).orElseThrow().state()).isEqualTo("ADJUSTED");
        assertThat(einvoices.xml(invoice.id())).as("the original's file never changes").isEqualTo(originalXml);
        assertThat(api.get("/api/v1/bills/" + bill.id() + "/documents").body()).contains("\"state\":\"ADJUSTED\"",
                "\"correction\":\"ADJUST\"", "\"corrects\":\"" + invoice.id() + "\"");

        // An adjusting bill (more rent asked), paid: an adjusting invoice adding it, pointing at the same invoice.
        UUID more = billCorrections.adjustingBill(m, bill.id(), "RENT", "54000", "Thuê thêm 2 m²", "tinh.thainguyen");
        own.add("bill:" + more);
        cashDesk.pay(m, more, 54_000, "Người nộp", "tinh.thainguyen");
        issue(m.id());
        EInvoices.Issued addition = only(einvoices.documentsOf("bill:" + bill.id()), EInvoices.Kind.INVOICE, "ADJUST");
        assertThat(addition.id()).isNotEqualTo(adjustingInvoice.id());
        assertThat(addition.corrects()).isEqualTo(invoice.id());
        assertThat(addition.totalVnd()).as("VAT included, at the rent's rate").isBetween(53_999L, 54_001L);
        assertThat(DocumentCheck.check(einvoices.xml(addition.id())).problems()).isEmpty();

        // The board replaces the receipt (a reason is required), from its page.
        String receiptPage = "/einvoices/" + receipt.id();
        assertThat(board.get(receiptPage).body()).contains("Biên lai 01BLP0-001 SC-26E số", "Điều chỉnh cho",
                "replace-form");
        board.postForm(receiptPage + "/replace", Map.of("reason", ""), receiptPage);
        assertThat(board.get(receiptPage).body()).contains("Nhập lý do, 3 đến 300 ký tự.");
        assertThat(board.postForm(receiptPage + "/replace", Map.of("reason", "Sai tên người nộp"), receiptPage)
                .status()).isEqualTo(302);
        assertThat(board.get(receiptPage).body()).contains("Đã ghi nhận");
        assertThat(board.postForm(receiptPage + "/replace", Map.of("reason", "Lần nữa"), receiptPage).status())
                .isEqualTo(302);
        // (the scheduler may have issued the first already: then the receipt is replaced, and refused as such)
        assertThat(board.get(receiptPage).body()).as("one correction at a time")
                .containsAnyOf("đang có một yêu cầu điều chỉnh hoặc thay thế chờ phát hành", "đã bị thay thế: không");
        issue(m.id());
        EInvoices.Issued replacing = only(einvoices.documentsOf("bill:" + bill.id()), EInvoices.Kind.RECEIPT, "REPLACE");
        assertThat(replacing.corrects()).isEqualTo(receipt.id());
        assertThat(new String(einvoices.xml(replacing.id()), StandardCharsets.UTF_8)).contains("<TCHDon>1</TCHDon>",
                "<SHDCLQuan>" + receipt.number() + "</SHDCLQuan>", "Sai tên người nộp");
        assertThat(einvoices.byId(receipt.id()).orElseThrow().state()).isEqualTo("REPLACED");
        assertThat(board.get(receiptPage).body()).contains("Đã bị thay thế").doesNotContain("replace-form");

        // Adjusting the replacement: more than it states is refused; a part is issued.
        String replacingPage = "/einvoices/" + replacing.id();
        board.postForm(replacingPage + "/adjust", Map.of("direction", "DOWN", "amount",
                String.valueOf(replacing.totalVnd() + 1), "reason", "Giảm phí"), replacingPage);
        assertThat(board.get(replacingPage).body()).contains("không quá");
        board.postForm(replacingPage + "/adjust", Map.of("direction", "DOWN", "amount", "1000", "reason",
                "Giảm phí vệ sinh"), replacingPage);
        issue(m.id());
        assertThat(einvoices.correctionsOf(replacing.id())).singleElement()
                .satisfies(d -> assertThat(d.totalVnd()).isEqualTo(-1000));

        // An adjustment is not replaced (the page offers no such form), only adjusted again or cancelled.
        String additionPage = "/einvoices/" + addition.id();
        assertThat(board.get(additionPage).body()).contains("adjust-form", "cancel-form").doesNotContain("replace-form");
        board.postForm(additionPage + "/replace", Map.of("reason", "Thử thay thế"), additionPage);
        assertThat(board.get(additionPage).body()).contains("Hóa đơn điều chỉnh không thay thế được");

        // The adjusting invoice was issued by mistake: cancelled, its number stays used; a foreign board cannot.
        String adjustingPage = "/einvoices/" + adjustingInvoice.id();
        WebSession foreign = new WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD);
        foreign.get("/einvoices");
        assertThat(foreign.postForm(adjustingPage + "/cancel", Map.of("reason", "Lập nhầm"), "/einvoices").status())
                .isIn(403, 404);
        assertThat(board.postForm(adjustingPage + "/cancel", Map.of("reason", "Lập nhầm"), adjustingPage).status())
                .isEqualTo(302);
        assertThat(einvoices.byId(adjustingInvoice.id()).orElseThrow().state()).isEqualTo("CANCELLED");
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action IN ('EINVOICE_CANCEL', 'EINVOICE_REPLACE', "
                + "'EINVOICE_ADJUST') AND market_id = ?").param(m.id()).query(Integer.class).single()).isEqualTo(3);
        String register = board.get("/einvoices?market=" + bill.market()).body();
        assertThat(register).contains("Đã hủy", "Đã bị thay thế", "Biên lai", "01BLP0-001 SC-26E")
                .doesNotContain("thiếu các số");
        assertThat(adjustingInvoice.number()).as("a new number, after the original's").isGreaterThan(invoice.number());

        // A credit note before the bill is paid in full: no adjusting document, the bill's own documents state the net.
        Bill second = bills(2).getLast();
        assertThat(second.id()).isNotEqualTo(bill.id());
        assertThat(second.market()).isEqualTo(bill.market());
        own.add("bill:" + second.id());
        own.add("bill:" + billCorrections.creditNote(m, second.id(), "10000", "Giảm vì mất điện", "tinh.thainguyen"));
        cashDesk.pay(m, second.id(), second.totalVnd() - 10_000, "Người nộp", "tinh.thainguyen");
        issue(m.id());
        List<EInvoices.Issued> net = einvoices.documentsOf("bill:" + second.id());
        assertThat(net).extracting(EInvoices.Issued::correction).containsOnlyNulls();
        assertThat(net.stream().mapToLong(EInvoices.Issued::totalVnd).sum()).isBetween(second.totalVnd() - 10_001,
                second.totalVnd() - 9_999);
        net.forEach(d -> assertThat(DocumentCheck.check(einvoices.xml(d.id())).problems()).isEmpty());
    }
}
