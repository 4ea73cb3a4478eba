package vn.cho40.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.market.Market;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Money;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;
import vn.cho40.trader.TraderMessages;

/**
 * Reminders of unpaid bills on the days each board chose relative to the due date (by default 3 days before, 1 and
 * 3 days after): a notice in the trader's app, and an SMS where the board turned it on. Each bill is reminded once per
 * chosen day and channel, however many servers run the daily job: the row is claimed before anything is sent.
 */
@Service
public class BillReminders {

    static final List<Integer> DEFAULT_DAYS = List.of(-3, 1, 3);
    private static final Logger log = LoggerFactory.getLogger(BillReminders.class);

    /** A board's setting: the day of the month bills fall due, the reminder days, whether SMS goes too. */
    public record Setting(int dueDay, List<Integer> reminderDays, boolean bySms) {
    }

    private final JdbcClient db;
    private final TraderMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    BillReminders(JdbcClient db, TraderMessages messages, AuditLog audit, Clock clock) {
        this.db = db;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    public Setting setting(UUID marketId) {
        return db.sql("SELECT due_day, reminder_days, reminders_by_sms FROM billing_setting WHERE market_id = ?")
                .param(marketId).query((rs, n) -> new Setting(rs.getInt(1),
                        Arrays.stream((Integer[]) rs.getArray(2).getArray()).toList(), rs.getBoolean(3)))
                .optional().orElse(new Setting(10, DEFAULT_DAYS, false));
    }

    /** Saves a board's setting: a due day 1–28, up to six reminder days from 30 before to 90 after the due date. */
    @Transactional
    public Setting save(Market m, String dueDayText, String daysText, boolean bySms, String by) {
        List<Violation> problems = new java.util.ArrayList<>();
        int dueDay = 0;
        try {
            dueDay = Integer.parseInt(dueDayText == null ? "" : dueDayText.strip());
        } catch (NumberFormatException e) {
            dueDay = 0;
        }
        if (dueDay < 1 || dueDay > 28) {
            problems.add(Violation.of("dueDay", "billing.settings.dueDay"));
        }
        List<Integer> days = new java.util.ArrayList<>();
        for (String part : (daysText == null ? "" : daysText).split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int d = Integer.parseInt(part.strip());
                if (d < -30 || d > 90) {
                    throw new NumberFormatException(part);
                }
                if (!days.contains(d)) {
                    days.add(d);
                }
            } catch (NumberFormatException e) {
                problems.add(Violation.of("reminderDays", "billing.settings.days", part.strip()));
            }
        }
        if (days.size() > 6) {
            problems.add(Violation.of("reminderDays", "billing.settings.tooMany"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        days.sort(Integer::compare);
        db.sql("""
                INSERT INTO billing_setting (market_id, due_day, reminder_days, reminders_by_sms, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (market_id) DO UPDATE SET due_day = excluded.due_day, reminder_days = excluded.reminder_days,
                    reminders_by_sms = excluded.reminders_by_sms, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .params(m.id(), dueDay, days.toArray(Integer[]::new), bySms, Timestamp.from(clock.instant()), by)
                .update();
        audit.record("BILLING_SETTING", "market", m.id(), m.id(), m.provinceCode(), "hạn ngày " + dueDay + ", nhắc "
                + days + (bySms ? ", SMS" : ""));
        return setting(m.id());
    }

    @Scheduled(cron = "${cho40.billing.reminder-cron:0 0 8 * * *}", zone = "Asia/Ho_Chi_Minh")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "billing.reminders", lockAtMostFor = "PT30M")
    void daily() {
        int sent = remind(LocalDate.now(clock.withZone(VnFormats.VIETNAM)));
        if (sent > 0) {
            log.info("Bill reminders: {} sent", sent);
        }
    }

    /**
     * Reminds every unpaid bill whose due date is one of its board's reminder days away from {@code today}; returns
     * how many reminders were claimed. A reminder day missed (the server was down) is not made up: the next one comes.
     */
    @Transactional
    public int remind(LocalDate today) {
        record Due(UUID billId, UUID marketId, UUID traderId, int offset, boolean sms, String number, String market,
                   long dueVnd, LocalDate dueOn) {
        }
        List<Due> due = db.sql("""
                SELECT b.id, b.market_id, b.trader_id, (?::date - b.due_on), coalesce(s.reminders_by_sms, false),
                       b.number, m.name, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd, b.due_on
                FROM bill b JOIN market m ON m.id = b.market_id LEFT JOIN billing_setting s ON s.market_id = b.market_id
                WHERE b.status IN ('OPEN', 'PARTLY_PAID') AND b.kind <> 'CREDIT_NOTE'
                  AND (?::date - b.due_on) = ANY(coalesce(s.reminder_days, ?::integer[]))""")
                .params(today, today, DEFAULT_DAYS.toArray(Integer[]::new))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getInt(4), rs.getBoolean(5), rs.getString(6), rs.getString(7),
                        rs.getLong(8), rs.getObject(9, LocalDate.class)))
                .list();
        int claimed = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (Due d : due) {
            claimed += db.sql("""
                    INSERT INTO bill_reminder (bill_id, market_id, offset_days, channel, sent_at) VALUES (?, ?, ?, 'APP', ?)
                    ON CONFLICT DO NOTHING""").params(d.billId(), d.marketId(), d.offset(), now).update();
            if (d.sms() && db.sql("""
                    INSERT INTO bill_reminder (bill_id, market_id, offset_days, channel, sent_at) VALUES (?, ?, ?, 'SMS', ?)
                    ON CONFLICT DO NOTHING""").params(d.billId(), d.marketId(), d.offset(), now).update() == 1) {
                claimed++;
                try {
                    messages.sms(d.traderId(), text(d.market(), d.number(), d.dueVnd(), d.dueOn(), d.offset()));
                } catch (RuntimeException e) {
                    // one phone the gateway refused must not hold back the others' reminders (nor undo them)
                    log.warn("Bill reminder SMS for {} not sent: {}", d.number(), e.toString());
                }
            }
        }
        return claimed;
    }

    /** The SMS: short, without diacritics (an unaccented SMS is one segment), naming the bill and what is due. */
    static String text(String market, String number, long dueVnd, LocalDate dueOn, int offset) {
        String when = offset < 0 ? "han nop " + VnFormats.date(dueOn) : "da qua han " + offset + " ngay";
        return vn.cho40.shared.SearchText.fold(market).toUpperCase(java.util.Locale.ROOT) + ": hoa don " + number
                + " con " + Money.vnd(dueVnd).format().replace("\u00a0₫", "d") + ", " + when
                + ". Quet ma QR trong ung dung Cho 4.0 de nop.";
    }

    /** The trader app's notices: unpaid bills reminded in the last week, newest first. */
    public List<UUID> remindedRecently(UUID traderId) {
        return db.sql("""
                SELECT DISTINCT ON (r.bill_id) r.bill_id FROM bill_reminder r JOIN bill b ON b.id = r.bill_id
                WHERE b.trader_id = ? AND b.status IN ('OPEN', 'PARTLY_PAID') AND r.sent_at > ?
                ORDER BY r.bill_id""").params(traderId, Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(7))))
                .query(UUID.class).list();
    }
}
