package vn.cho40;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.LogSmsSender;
import vn.cho40.identity.SmsSender;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.shared.XlsxRowsTest;
import vn.cho40.traderapp.RevenueBook;
import vn.cho40.vietqr.QrPhotoLimitTest;

/** Uploads and totals that once ran the server out of heap or into a 500 (SECURITY_REVIEW part 1 #10, part 2 #3, #5). */
@IntegrationTest
class IntakeLimitsIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoProvince demo;
    @Autowired
    SmsSender sms;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient db;
    @Autowired
    FieldCipher cipher;
    @Autowired
    RevenueBook book;

    @Test
    void aTinyPngOfTenThousandByTenThousandGetsAClearRefusalNotA500() throws Exception {
        clock.advance(Duration.ofMinutes(16));
        WebSession trader = new WebSession(port, null, null);
        String phone = demo.demoTraderPhone();
        trader.postForm("/trader/login/code", Map.of("phone", phone), "/trader/login");
        Matcher code = Pattern.compile("(\\d{6})").matcher(((LogSmsSender) sms).lastMessage(phone).orElseThrow());
        assertThat(code.find()).isTrue();
        trader.postForm("/trader/login", Map.of("phone", phone, "code", code.group(1)), "/trader/login");
        Http.Response refused = trader.upload("/trader/check?stall=TN-DAITU/A-1", "photo", "bien.png",
                QrPhotoLimitTest.blankPng(10_000, 10_000), "/trader/check");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Ảnh quá lớn", "10.000 × 10.000", "16 triệu điểm ảnh");
    }

    @Test
    void aLargeXlsxImportStopsAtTheRowLimitQuickly() throws Exception {
        byte[] file = XlsxRowsTest.xlsx(zip -> {
            StringBuilder rows = new StringBuilder("<row r=\"1\"><c t=\"inlineStr\"><is><t>ma_quay</t></is></c>"
                    + "<c t=\"inlineStr\"><is><t>nganh_hang</t></is></c></row>");
            for (int r = 2; r <= 400_000; r++) {
                rows.append("<row r=\"").append(r).append("\"><c t=\"inlineStr\"><is><t>Z-").append(r)
                        .append("</t></is></c></row>");
                if (rows.length() > 1 << 16) {
                    zip.write(rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    rows.setLength(0);
                }
            }
            zip.write(rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        long start = System.nanoTime();
        Http.Response refused = new Http(port).as("bql.bunglao", DemoProvince.DEMO_PASSWORD)
                .upload("/api/v1/markets/DB-BUNGLAO/stalls/import?dryRun=true", "quay.xlsx", file);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Tệp có quá");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms (13.5 s and an OutOfMemoryError before)")
                .isLessThan(10_000);
    }

    @Test
    void takingsBeyondALongAreShownNotA500() {
        // Rows an older version let in (eleven signed payments of 9×10^17 ₫): the ceiling now refuses them.
        UUID trader = db.sql("""
                SELECT t.id FROM trader t JOIN market m ON m.id = t.market_id WHERE m.code = 'DB-BUNGLAO'
                ORDER BY t.id DESC LIMIT 1""").query(UUID.class).single();
        UUID request = UUID.randomUUID();
        List<UUID> events = new ArrayList<>();
        db.sql("INSERT INTO inbound_request (id, received_at, provider, outcome, body_enc) VALUES (?, now(), 'SEPAY', "
                + "'ACCEPTED', ?)").params(request, cipher.encrypt("raw_body", "{}")).update();
        try {
            for (int i = 0; i < 11; i++) {
                UUID id = UUID.randomUUID();
                events.add(id);
                db.sql("""
                        INSERT INTO payment_event (id, request_id, provider, provider_txn_id, bank_reference,
                            receiving_account_hash, receiving_account_last4, direction, amount_vnd, booked_at, status,
                            trader_id, created_at)
                        VALUES (?, ?, 'SEPAY', ?, ?, ?, '0000', 'CREDIT', 900000000000000000, ?, 'MATCHED', ?, now())""")
                        .params(id, request, "OVF-" + id, "OVF-" + id, id.toString().getBytes(),
                                Timestamp.from(clock.instant()), trader).update();
            }
            RevenueBook.Takings takings = book.takings(trader);
            assertThat(takings.day().transferVnd()).isEqualTo(Long.MAX_VALUE);
            assertThat(takings.month().totalVnd()).isEqualTo(Long.MAX_VALUE);
            assertThat(RevenueBook.total(book.month(trader, YearMonth.from(book.today()))).totalVnd())
                    .isEqualTo(Long.MAX_VALUE);
        } finally {
            events.forEach(id -> db.sql("DELETE FROM payment_event WHERE id = ?").param(id).update());
            db.sql("DELETE FROM inbound_request WHERE id = ?").param(request).update();
        }
    }
}
