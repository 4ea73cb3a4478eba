package vn.cho40.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;

/**
 * A board that sends through Viettel SInvoice (a provider started inside the test): its documents are signed and
 * numbered here, then sent; a send that fails is shown on the register and sent again later, never twice.
 */
@IntegrationTest
class EInvoiceSendingIT {

    private static final String MARKET = "TN-QUANTRIEU";
    private static final String SECRET_VARIABLE = "CHO40_TEST_VIETTEL_SECRET";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EInvoices einvoices;
    @Autowired
    EInvoiceIssuer issuer;
    @Autowired
    EInvoiceSender sender;
    @Autowired
    EInvoiceAcceptance acceptance;

    FakeProvider viettel;

    @BeforeEach
    void start() throws Exception {
        viettel = new FakeProvider();
        System.setProperty(SECRET_VARIABLE, FakeProvider.PASSWORD);
    }

    @AfterEach
    void stop() {
        viettel.close();
        System.clearProperty(SECRET_VARIABLE);
    }

    private UUID market() {
        return db.sql("SELECT id FROM market WHERE code = ?").param(MARKET).query(UUID.class).single();
    }

    private void ask(UUID market, String source) {
        tx.executeWithoutResult(s -> einvoices.request(market, source, EInvoices.Kind.INVOICE, new EInvoices.Draft(
                new EDocument.Party("Trần Văn Bình", null, "Quầy B-2"),
                List.of(new EDocument.Line("Giá dịch vụ sử dụng diện tích bán hàng", "tháng", 1_000, 500_000, 500_000,
                        "8%", "RENT")), LocalDate.of(2026, 12, 1))));
    }

    /**
     * Issues this test's requests (the demo's paid bills of the market, still settling, wait till tomorrow). The
     * scheduled issuer may have claimed one first (SKIP LOCKED passes it over here): wait until it has made it.
     */
    private void issue(UUID market) throws InterruptedException {
        db.sql("UPDATE einvoice_request SET next_try_at = now() + interval '1 day' WHERE market_id = ? "
                + "AND issued_id IS NULL AND source NOT LIKE 'test-send:%'").param(market).update();
        for (int i = 0; i < 100 && waiting(market) > 0; i++) {
            issuer.issuePending(market, 20);
            if (waiting(market) > 0) {
                Thread.sleep(100);
            }
        }
        assertThat(waiting(market)).as("this test's requests issued").isZero();
    }

    private int waiting(UUID market) {
        return db.sql("SELECT count(*) FROM einvoice_request WHERE market_id = ? AND issued_id IS NULL "
                + "AND source LIKE 'test-send:%'").param(market).query(Integer.class).single();
    }

    /** The document's state once nobody is sending it (the scheduled sender may hold it a moment). */
    private EInvoices.Issued settled(String source, String state) throws InterruptedException {
        EInvoices.Issued d = einvoices.documentsOf(source).getFirst();
        for (int i = 0; i < 100 && !d.state().equals(state); i++) {
            Thread.sleep(100);
            d = einvoices.documentsOf(source).getFirst();
        }
        return d;
    }

    @Test
    void documentsAreSentOnceAndAFailedSendIsShownAndRetried() throws Exception {
        UUID market = market();
        db.sql("UPDATE einvoice_request SET next_try_at = now() + interval '1 day' WHERE market_id = ? "
                + "AND issued_id IS NULL").param(market).update();
        WebSession board = new WebSession(port, null, null);
        board.postForm("/login", Map.of("username", "tinh.thainguyen", "password", DemoProvince.DEMO_PASSWORD), "/login");
        String page = "/einvoices?market=" + MARKET;
        board.get(page);
        Map<String, String> form = new java.util.HashMap<>(Map.of("market", MARKET, "sellerName",
                "Ban quản lý chợ Quan Triều", "sellerTaxCode", "0100112437", "sellerAddress", "Quan Triều",
                "series", "1C26TSG", "mode", "VIETTEL", "providerBaseUrl", viettel.url(), "providerUsername",
                FakeProvider.USER, "providerSecretRef", "mat khau"));
        Http.Response refused = board.postForm("/einvoices/settings", form, page);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Nhập tên biến môi trường chứa mật khẩu",
                "Nhập mã mẫu hóa đơn của Viettel").doesNotContain(FakeProvider.PASSWORD);
        form.put("providerSecretRef", SECRET_VARIABLE);
        form.put("providerTemplate", "1/770");
        assertThat(board.postForm("/einvoices/settings", form, page).status()).isEqualTo(302);

        // Signed and numbered here; the provider is down the first time: shown in error, nothing made.
        ask(market, "test-send:1");
        issue(market);
        viettel.failNext.add(503);
        sender.sendPending(market, 10);
        EInvoices.Issued failed = settled("test-send:1", "ERROR");
        assertThat(failed.state()).isEqualTo("ERROR");
        assertThat(failed.problem()).contains("Không kết nối được nhà cung cấp");
        assertThat(viettel.invoices).isEmpty();
        assertThat(board.get(page).body()).contains("Lỗi gửi", "Không kết nối được nhà cung cấp");
        assertThat(sender.sendPending(market, 10)).as("not before its pause").isZero();

        // Later: sent, under its own id as transactionUuid, once.
        db.sql("UPDATE e_document SET send_next_at = now() WHERE id = ?").param(failed.id()).update();
        sender.sendPending(market, 10);
        EInvoices.Issued sent = settled("test-send:1", "SENT");
        assertThat(sent.state()).isEqualTo("SENT");
        assertThat(sent.problem()).isNull();
        assertThat(viettel.invoices).containsOnlyKeys(failed.id().toString());
        assertThat(db.sql("SELECT provider_number FROM e_document WHERE id = ?").param(sent.id()).query(String.class)
                .single()).isEqualTo("C26TSG1");
        assertThat(sender.sendPending(market, 10)).as("sent once").isZero();
        String sentPage = "/einvoices/" + sent.id();
        board.get(sentPage);
        board.postForm(sentPage + "/cancel", Map.of("reason", "Lập nhầm"), sentPage);
        assertThat(board.get(sentPage).body()).contains("không hủy được, hãy lập hóa đơn điều chỉnh hoặc thay thế");
        assertThat(einvoices.byId(sent.id()).orElseThrow().state()).isEqualTo("SENT");

        // A wrong password in the environment: the board is told which variable to fix.
        System.setProperty(SECRET_VARIABLE, "sai");
        ask(market, "test-send:2");
        issue(market);
        sender.sendPending(market, 10);
        EInvoices.Issued refusedLogin = settled("test-send:2", "ERROR");
        assertThat(refusedLogin.problem()).contains("từ chối đăng nhập", SECRET_VARIABLE);
        assertThat(viettel.invoices).hasSize(1);

        // The password fixed, the board sends it again now from the document's page.
        System.setProperty(SECRET_VARIABLE, FakeProvider.PASSWORD);
        String docPage = "/einvoices/" + refusedLogin.id();
        assertThat(board.get(docPage).body()).contains("resend-form", "từ chối đăng nhập");
        assertThat(board.postForm(docPage + "/resend", Map.of(), docPage).status()).isEqualTo(302);
        sender.sendPending(market, 10);
        assertThat(settled("test-send:2", "SENT").state()).isEqualTo("SENT");
        assertThat(viettel.invoices).hasSize(2);

        // A document cancelled before it was sent is never sent.
        viettel.failNext.add(503);
        ask(market, "test-send:3");
        issue(market);
        sender.sendPending(market, 10);
        EInvoices.Issued third = settled("test-send:3", "ERROR");
        String thirdPage = "/einvoices/" + third.id();
        board.get(thirdPage);
        assertThat(board.postForm(thirdPage + "/cancel", Map.of("reason", "Lập nhầm người mua"), thirdPage).status())
                .isEqualTo(302);
        db.sql("UPDATE e_document SET send_next_at = now() WHERE id = ? AND send_next_at IS NOT NULL")
                .param(third.id()).update();
        assertThat(sender.sendPending(market, 10)).isZero();
        assertThat(einvoices.byId(third.id()).orElseThrow().state()).isEqualTo("CANCELLED");
        assertThat(viettel.invoices).hasSize(2);
    }

    @Test
    void theTaxAuthoritysCodeIsAskedForUntilItComesAndARefusalIsShown() throws Exception {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-CHORA'").query(UUID.class).single();
        db.sql("""
                INSERT INTO einvoice_setting (market_id, seller_name, seller_tax_code, seller_address, form, series, mode,
                        provider_base_url, provider_username, provider_secret_ref, provider_template, updated_at,
                        updated_by)
                VALUES (?, 'Ban quản lý chợ Rã', '0100112437', 'Chợ Rã', 1, 'C26TRA', 'VIETTEL', ?, ?, ?, '1/770',
                        now(), 'test')
                ON CONFLICT (market_id) DO UPDATE SET mode = 'VIETTEL', provider_base_url = excluded.provider_base_url,
                        provider_username = excluded.provider_username, provider_secret_ref = excluded.provider_secret_ref,
                        provider_template = '1/770'""")
                .params(market, viettel.url(), FakeProvider.USER, SECRET_VARIABLE).update();
        db.sql("UPDATE einvoice_request SET next_try_at = now() + interval '1 day' WHERE market_id = ? "
                + "AND issued_id IS NULL").param(market).update();
        ask(market, "test-send:accepted");
        ask(market, "test-send:refused");
        issue(market);
        sender.sendPending(market, 10);
        EInvoices.Issued accepted = settled("test-send:accepted", "SENT");
        EInvoices.Issued refused = settled("test-send:refused", "SENT");
        assertThat(accepted.state()).isEqualTo("SENT");

        // No answer yet: still sent, asked again after a pause.
        db.sql("UPDATE e_document SET check_next_at = now() WHERE market_id = ?").param(market).update();
        assertThat(acceptance.checkPending(market, 10)).isZero();
        assertThat(acceptance.checkPending(market, 10)).as("not before its pause").isZero();
        assertThat(einvoices.byId(accepted.id()).orElseThrow().state()).isEqualTo("SENT");

        viettel.authorityCodes.put(accepted.id().toString(), "00BDD6525B75646655B654665B65466565");
        viettel.refusals.put(refused.id().toString(), "Sai thông tin người bán");
        db.sql("UPDATE e_document SET check_next_at = now() WHERE market_id = ? AND check_next_at IS NOT NULL")
                .param(market).update();
        acceptance.checkPending(market, 10);
        EInvoices.Issued coded = settled("test-send:accepted", "ACCEPTED");
        assertThat(coded.state()).isEqualTo("ACCEPTED");
        assertThat(coded.authorityCode()).isEqualTo("00BDD6525B75646655B654665B65466565");
        EInvoices.Issued wrong = settled("test-send:refused", "ERROR");
        assertThat(wrong.state()).isEqualTo("ERROR");
        assertThat(wrong.problem()).isEqualTo("Cơ quan thuế từ chối hóa đơn: Sai thông tin người bán");
        assertThat(db.sql("SELECT count(*) FROM e_document WHERE market_id = ? AND check_next_at IS NOT NULL")
                .param(market).query(Integer.class).single()).as("answered: never asked again").isZero();
        assertThat(viettel.invoices).as("asking sends nothing").hasSize(2);

        WebSession board = new WebSession(port, null, null);
        board.postForm("/login", Map.of("username", "tinh.thainguyen", "password", DemoProvince.DEMO_PASSWORD), "/login");
        assertThat(board.get("/einvoices?market=TN-CHORA").body()).contains("Cơ quan thuế đã cấp mã",
                "MCCQT 00BDD6525B75646655B654665B65466565", "Lỗi gửi", "Cơ quan thuế từ chối hóa đơn");
        assertThat(board.get("/einvoices/" + coded.id()).body()).contains("Mã của cơ quan thuế (MCCQT)",
                "00BDD6525B75646655B654665B65466565");
        assertThat(new WebSession(port, null, null).get("/tra-cuu?ma=" + coded.lookupCode()).body())
                .contains("Mã của cơ quan thuế (MCCQT)", "00BDD6525B75646655B654665B65466565");
    }
}
