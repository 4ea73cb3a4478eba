package vn.cho40.vietqr;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.bank.Bank;
import vn.cho40.bank.BankDirectory;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.market.Stall;
import vn.cho40.market.Stalls;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.shared.Ids;
import vn.cho40.shared.NotFoundException;
import vn.cho40.trader.StallAccounts;

/**
 * The codes of each stall: one current static code for its default account (made and replaced by writes:
 * when the account or lease changes, or when staff make the missing ones; reads never change codes), dynamic
 * codes for a given amount, the public
 * verification of a printed sign, and the printable signs of a market.
 */
@Service
public class StallCodes {

    /** Crockford-style alphabet without look-alikes (no I, L, O, U): read aloud at a market without errors. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final JdbcClient db;
    private final StallAccounts accounts;
    private final FieldCipher cipher;
    private final Markets markets;
    private final Stalls stalls;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final long maxAmountVnd;

    private final vn.cho40.payment.FreshPaymentCodes freshCodes;

    StallCodes(JdbcClient db, StallAccounts accounts, FieldCipher cipher, Markets markets, Stalls stalls,
               AuditLog audit, Clock clock,
               @org.springframework.beans.factory.annotation.Value("${cho40.payments.max-amount-vnd}")
               long maxAmountVnd, vn.cho40.payment.FreshPaymentCodes freshCodes) {
        this.freshCodes = freshCodes;
        this.maxAmountVnd = maxAmountVnd;
        this.db = db;
        this.accounts = accounts;
        this.cipher = cipher;
        this.markets = markets;
        this.stalls = stalls;
        this.audit = audit;
        this.clock = clock;
    }

    /** A code to show: its payload, the account's holder and bank, and the sign's verification code. */
    public record StallCode(UUID id, String stallCode, String payload, String holderName, String bankName,
                            String verificationCode, Long amountVnd) {
    }

    /**
     * The stall's current static code, read only: empty when none was made yet, or when the one on record no
     * longer pays the stall's default account (the write that changed the account replaces it). Reading a sign
     * never makes or revokes a code: that is {@link #issue}, for writes by staff with STALL_EDIT.
     */
    public Optional<StallCode> find(Market market, Stall stall) {
        Optional<StallAccounts.PayTo> payTo = accounts.defaultFor(stall.id());
        if (payTo.isEmpty()) {
            return Optional.empty();
        }
        return active(stall.id(), false).filter(a -> a.accountId().equals(payTo.get().accountId()))
                .map(a -> view(stall, payTo.get(), a.id(), cipher.decrypt("qr_payload", a.payload()),
                        a.verification(), null));
    }

    /**
     * Makes the stall's static code, or replaces it when its default account changed (the old one is revoked):
     * on a write only, by staff allowed to edit stalls or when the stall's account or lease changes.
     */
    @Transactional
    public Optional<StallCode> issue(Market market, Stall stall) {
        renew(market.id(), List.of(stall.id()));
        return find(market, stall);
    }

    /**
     * Gives each stall a static code for its default account: kept when it already pays that account, else the
     * old one is revoked and (when the stall still has an account) a new one made. Also run for the trader
     * module's {@code StallAccountChanged}, in the transaction of the change.
     */
    @Transactional
    void renew(UUID marketId, java.util.Collection<UUID> stallIds) {
        for (UUID stallId : stallIds) {
            Optional<StallAccounts.PayTo> payTo = accounts.defaultFor(stallId);
            Optional<Active> active = active(stallId, true);
            if (active.isPresent() && payTo.isPresent() && active.get().accountId().equals(payTo.get().accountId())) {
                continue;
            }
            active.ifPresent(a -> revoke(a.id(), payTo.isEmpty() ? "NO_ACCOUNT" : "ACCOUNT_CHANGED"));
            payTo.ifPresent(p -> insert(marketId, stallId, p, "STATIC",
                    VietQr.encode(VietQrPayload.staticCode(p.bin(), p.accountNumber())), null, null));
        }
    }

    private record Active(UUID id, UUID accountId, byte[] payload, String verification) {
    }

    private Optional<Active> active(UUID stallId, boolean lock) {
        return db.sql("""
                SELECT id, account_id, payload_enc, verification_code FROM stall_qr_code
                WHERE stall_id = ? AND kind = 'STATIC' AND revoked_at IS NULL""" + (lock ? " FOR UPDATE" : ""))
                .param(stallId)
                .query((rs, n) -> new Active(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3),
                        rs.getString(4)))
                .optional();
    }

    /** A dynamic code for one amount (a bill or a sale), with a unique reference in its purpose field. */
    @Transactional
    public StallCode dynamic(Market market, Stall stall, long amountVnd, String purpose) {
        if (amountVnd > maxAmountVnd) {
            // VietQR caps a code at one NAPAS 247 transfer; the platform's ceiling may be lower still.
            throw new vn.cho40.shared.InvalidInputException(vn.cho40.shared.Violation.of("amount",
                    "amount.aboveCeiling", vn.cho40.shared.Money.vnd(amountVnd).format(),
                    vn.cho40.shared.Money.vnd(maxAmountVnd).format()));
        }
        StallAccounts.PayTo payTo = accounts.defaultFor(stall.id()).orElseThrow(() ->
                new VietQrException("stall", "stall " + stall.code() + " has no receiving account"));
        String reference = freshCodes.one();
        String payload = VietQr.encode(VietQrPayload.dynamicCode(payTo.bin(), payTo.accountNumber(), amountVnd,
                purpose == null || purpose.isBlank() ? reference : purpose, reference));
        UUID id = insert(market.id(), stall.id(), payTo, "DYNAMIC", payload, amountVnd, reference);
        return view(stall, payTo, id, payload, verificationOf(id), amountVnd);
    }

    /** A code's payload (decrypted), by the code's id: for showing a dynamic code again to whom it was made for. */
    public Optional<String> payloadOf(UUID codeId) {
        return db.sql("SELECT payload_enc FROM stall_qr_code WHERE id = ?").param(codeId).query(byte[].class).optional()
                .map(enc -> cipher.decrypt("qr_payload", enc));
    }

    /** The payment code a dynamic code carries (what a transfer paying it names), by the code's id. */
    public Optional<String> reference(UUID codeId) {
        return db.sql("SELECT reference FROM stall_qr_code WHERE id = ?").param(codeId).query(String.class).optional();
    }

    /** What the public verification page shows for a printed code. */
    public record Verification(String marketName, String stallCode, String holderName, String bankName,
                               boolean current, String kind) {
    }

    public Optional<Verification> verify(String verificationCode) {
        String code = verificationCode == null ? "" : verificationCode.strip().toUpperCase(java.util.Locale.ROOT)
                .replace("-", "");
        return db.sql("""
                SELECT q.kind, q.revoked_at IS NULL AS current, a.holder_name, a.bin, m.name, s.code
                FROM stall_qr_code q JOIN receiving_account a ON a.id = q.account_id
                JOIN market m ON m.id = q.market_id JOIN stall s ON s.id = q.stall_id
                WHERE q.verification_code = ?""")
                .param(code)
                .query((rs, n) -> new Verification(rs.getString(5), rs.getString(6), rs.getString(3),
                        bankName(rs.getString(4)), rs.getBoolean(2), rs.getString(1)))
                .optional();
    }

    /** Every stall of a market with a current code, for the signs PDF (read only; the print is audited). */
    @Transactional
    public List<StallCode> printable(Market market) {
        List<StallCode> codes = new ArrayList<>();
        for (Stall s : stalls.list(market, null, null)) {
            find(market, s).ifPresent(codes::add);
        }
        audit.record("SIGNS_PRINT", "market", market.code(), market.id(), market.provinceCode(),
                codes.size() + " biển");
        return codes;
    }

    /** Makes the codes a market's stalls are missing (new account, or made before codes were issued on writes). */
    @Transactional
    public int issueMissing(Market market) {
        int made = 0;
        for (Stall s : stalls.list(market, null, null)) {
            if (accounts.defaultFor(s.id()).isPresent() && find(market, s).isEmpty()) {
                issue(market, s);
                made++;
            }
        }
        audit.record("QR_ISSUE", "market", market.code(), market.id(), market.provinceCode(), made + " code(s)");
        return made;
    }

    public List<String> stallList(Market market) {
        return stalls.list(market, null, null).stream().map(Stall::code).toList();
    }

    public Stall stall(Market market, String stallCode) {
        return stalls.find(market, stallCode).orElseThrow(() -> new NotFoundException("stall.notFound", stallCode));
    }

    /** The payload of a code that was revoked, found by its account: tells a stale sign from a fake one. */
    public boolean wasRevokedFor(UUID stallId, String bin, String account) {
        List<byte[]> revoked = db.sql("""
                SELECT payload_enc FROM stall_qr_code WHERE stall_id = ? AND revoked_at IS NOT NULL LIMIT 50""")
                .param(stallId).query((rs, n) -> rs.getBytes(1)).list();
        for (byte[] enc : revoked) {
            if (VietQr.decode(cipher.decrypt("qr_payload", enc)) instanceof Decoded.Valid v
                    && v.payload().bin().equals(bin) && v.payload().account().equals(account)) {
                return true;
            }
        }
        return false;
    }

    private UUID insert(UUID marketId, UUID stallId, StallAccounts.PayTo payTo, String kind, String payload,
                        Long amount, String reference) {
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO stall_qr_code (id, market_id, stall_id, account_id, kind, payload_enc, amount_vnd,
                    reference, verification_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, marketId, stallId, payTo.accountId(), kind, cipher.encrypt("qr_payload", payload),
                        amount, reference, code(8), Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    private void revoke(UUID id, String reason) {
        db.sql("UPDATE stall_qr_code SET revoked_at = ?, revoke_reason = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), reason, id).update();
    }

    private String verificationOf(UUID id) {
        return db.sql("SELECT verification_code FROM stall_qr_code WHERE id = ?").param(id).query(String.class)
                .single();
    }

    private StallCode view(Stall stall, StallAccounts.PayTo payTo, UUID id, String payload, String verification,
                           Long amount) {
        return new StallCode(id, stall.code(), payload, payTo.holderName(), bankName(payTo.bin()), verification,
                amount);
    }

    static String bankName(String bin) {
        return BankDirectory.shipped().byBin(bin).map(Bank::shortName).orElse(bin);
    }

    private String code(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** "K7Q2M9XD" shown as "K7Q2-M9XD". */
    public static String display(String verificationCode) {
        return verificationCode.substring(0, 4) + "-" + verificationCode.substring(4);
    }
}
