package vn.cho40.identity;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/**
 * Six-digit one-time codes sent by SMS: valid 5 minutes, used once, 5 tries per code, at most 3 codes per
 * phone in 15 minutes. Only keyed hashes of the phone and the code are stored.
 */
@Service
public class OneTimeCodes {

    public enum Purpose { VERIFY_PHONE, TRADER_LOGIN, MEMBER_LOGIN }

    public enum Outcome { ACCEPTED, WRONG, EXPIRED, TOO_MANY_TRIES, NONE }

    static final Duration VALID_FOR = Duration.ofMinutes(5);
    static final int MAX_TRIES = 5;
    static final int MAX_SENDS = 3;
    static final Duration SEND_WINDOW = Duration.ofMinutes(15);

    private final JdbcClient db;
    private final FieldCipher cipher;
    private final SmsSender sms;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(JdbcClient db, FieldCipher cipher, SmsSender sms, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.sms = sms;
        this.clock = clock;
    }

    /** Sends a new code to a normalized phone number, or refuses when too many were sent lately. */
    @Transactional
    public void send(Purpose purpose, String phone) {
        issue(purpose, phone, true);
    }

    /**
     * Stores a code that no phone receives, for a number that is no trader's: it then counts against the same
     * send limit and its tries fail the same way as a trader's, so the login form tells nobody who is registered.
     */
    @Transactional
    public void sendDecoy(Purpose purpose, String phone) {
        issue(purpose, phone, false);
    }

    private void issue(Purpose purpose, String phone, boolean deliver) {
        if (!sms.available()) {
            throw new InvalidInputException(Violation.of("phone", "otp.noSmsGateway"));
        }
        Instant now = clock.instant();
        byte[] phoneHash = cipher.index("phone", phone);
        long recent = db.sql("SELECT count(*) FROM one_time_code WHERE phone_hash = ? AND created_at > ?")
                .params(phoneHash, Timestamp.from(now.minus(SEND_WINDOW))).query(Long.class).single();
        if (recent >= MAX_SENDS) {
            throw new InvalidInputException(Violation.of("phone", "otp.tooManySends", SEND_WINDOW.toMinutes()));
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO one_time_code (id, purpose, phone_hash, code_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, purpose.name(), phoneHash, codeHash(id, code), Timestamp.from(now),
                        Timestamp.from(now.plus(VALID_FOR)))
                .update();
        if (deliver) {
            sms.send(phone, "Ma xac thuc Cho 4.0: " + code + ". Het han sau 5 phut. Khong dua ma nay cho ai.");
        }
    }

    /** Checks a code against the latest one sent for this phone and purpose; a code works once. */
    @Transactional
    public Outcome verify(Purpose purpose, String phone, String code) {
        Instant now = clock.instant();
        record Latest(UUID id, byte[] codeHash, Instant expiresAt, int attempts, boolean used) {
        }
        var latest = db.sql("""
                SELECT id, code_hash, expires_at, attempts, used_at IS NOT NULL AS used FROM one_time_code
                WHERE phone_hash = ? AND purpose = ? ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
                .params(cipher.index("phone", phone), purpose.name())
                .query((rs, n) -> new Latest(rs.getObject("id", UUID.class), rs.getBytes("code_hash"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getInt("attempts"), rs.getBoolean("used")))
                .optional();
        if (latest.isEmpty() || latest.get().used()) {
            return Outcome.NONE;
        }
        Latest l = latest.get();
        if (!l.expiresAt().isAfter(now)) {
            return Outcome.EXPIRED;
        }
        if (l.attempts() >= MAX_TRIES) {
            return Outcome.TOO_MANY_TRIES;
        }
        String typed = code == null ? "" : code.strip();
        if (!MessageDigest.isEqual(l.codeHash(), codeHash(l.id(), typed))) {
            db.sql("UPDATE one_time_code SET attempts = attempts + 1 WHERE id = ?").param(l.id()).update();
            return l.attempts() + 1 >= MAX_TRIES ? Outcome.TOO_MANY_TRIES : Outcome.WRONG;
        }
        db.sql("UPDATE one_time_code SET used_at = ? WHERE id = ?").params(Timestamp.from(now), l.id()).update();
        return Outcome.ACCEPTED;
    }

    private byte[] codeHash(UUID id, String code) {
        return cipher.index("otp", id + ":" + code);
    }
}
