package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.LogSmsSender;
import vn.cho40.identity.SmsSender;

/**
 * A board sets its reminder days and turns SMS on; on a reminder day every unpaid bill due that far away is reminded
 * once (in the app and by SMS), however often the job runs; bad settings are refused with the field named.
 */
@IntegrationTest
class BillRemindersIT {

    private static final String PW = DemoProvince.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    BillReminders reminders;
    @Autowired
    SmsSender sms;
    @Autowired
    vn.cho40.payment.PaymentMatcher matcher;
    @Autowired
    vn.cho40.privacy.FieldCipher cipher;

    @Test
    void aReminderDayRemindsEachUnpaidBillOnce() throws Exception {
        vn.cho40.payment.MatchAll.now(matcher, db);
        WebSession board = new WebSession(port, "bql.daitu", PW);
        assertThat(board.postForm("/billing/settings", Map.of("market", "TN-DAITU", "dueDay", "31",
                "reminderDays", "-3, sau"), "/billing/settings").body())
                .contains("Ngày đến hạn là một số từ 1 đến 28", "&quot;sau&quot; không phải số ngày");
        assertThat(board.postForm("/billing/settings", Map.of("market", "TN-DAITU", "dueDay", "10",
                "reminderDays", "7, -2", "bySms", "on"), "/billing/settings").status()).isEqualTo(302);
        assertThat(db.sql("SELECT detail FROM audit_log WHERE action = 'BILLING_SETTING' AND actor = 'bql.daitu' "
                + "ORDER BY at DESC LIMIT 1").query(String.class).single()).isEqualTo("hạn ngày 10, nhắc [-2, 7], SMS");
        assertThat(new WebSession(port, "thungan.daitu", PW).postForm("/billing/settings", Map.of("market", "TN-DAITU",
                "dueDay", "5", "reminderDays", "1"), "/billing/settings").status()).as("the cashier reads only")
                .isIn(403, 404);

        record Open(UUID id, UUID trader, LocalDate dueOn, String number) {
        }
        Open bill = db.sql("""
                SELECT b.id, b.trader_id, b.due_on, b.number FROM bill b JOIN market m ON m.id = b.market_id
                WHERE m.code = 'TN-DAITU' AND b.status IN ('OPEN', 'PARTLY_PAID') ORDER BY b.due_on DESC, b.number LIMIT 1""")
                .query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4))).single();
        LocalDate day = bill.dueOn().plusDays(7);
        int first = reminders.remind(day);
        assertThat(first).isPositive();
        assertThat(reminders.remind(day)).as("the same day again sends nothing twice").isZero();
        assertThat(db.sql("SELECT string_agg(channel, ',' ORDER BY channel) FROM bill_reminder WHERE bill_id = ?")
                .param(bill.id()).query(String.class).single()).isEqualTo("APP,SMS");
        assertThat(reminders.remind(bill.dueOn().plusDays(6))).as("not a reminder day for this board")
                .isLessThan(first);
        byte[] phoneEnc = db.sql("SELECT phone_enc FROM trader WHERE id = ?").param(bill.trader())
                .query(byte[].class).single();
        assertThat(((LogSmsSender) sms).lastMessage(cipher.decrypt("phone", phoneEnc))).get().asString()
                .contains(bill.number(), "da qua han 7 ngay");
        assertThat(reminders.remindedRecently(bill.trader())).contains(bill.id());
    }

    @Test
    void theTextIsShortAndUnaccented() {
        String text = BillReminders.text("Chợ trung tâm Đại Từ", "TN-DAITU-2026-000009", 919_982,
                LocalDate.of(2026, 12, 10), -3);
        assertThat(text).isEqualTo("CHO TRUNG TAM DAI TU: hoa don TN-DAITU-2026-000009 con 919.982d, han nop "
                + "10/12/2026. Quet ma QR trong ung dung Cho 4.0 de nop.");
        assertThat(text.length()).isLessThanOrEqualTo(160);
    }
}
