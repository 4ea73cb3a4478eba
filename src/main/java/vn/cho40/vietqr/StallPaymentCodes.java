package vn.cho40.vietqr;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.payment.PaymentCodes;

/**
 * The payments module's port for the codes in stalls' dynamic QRs: a code names its stall, the account it was
 * issued for (the stall's default account then) and the amount it asked for. The payee is that account's owner.
 */
@Component
class StallPaymentCodes implements PaymentCodes {

    private final JdbcClient db;

    StallPaymentCodes(JdbcClient db) {
        this.db = db;
    }

    @Override
    public Optional<Target> find(String code) {
        return db.sql("""
                SELECT q.market_id, q.stall_id, a.trader_id, a.id, a.number_hash, a.bin, q.amount_vnd,
                       q.revoked_at IS NOT NULL
                FROM stall_qr_code q JOIN receiving_account a ON a.id = q.account_id
                WHERE q.reference = ? ORDER BY q.created_at DESC LIMIT 1""")
                .param(code)
                .query((rs, n) -> new Target(code, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getBytes(5), rs.getString(6),
                        (Long) rs.getObject(7), rs.getBoolean(8)))
                .optional();
    }

    /** In one query: the matcher asks for every code of a batch, and new codes are checked against all of these. */
    @Override
    public java.util.Map<String, Target> findAll(java.util.Collection<String> codes) {
        java.util.Map<String, Target> found = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        db.sql("""
                SELECT DISTINCT ON (q.reference) q.reference, q.market_id, q.stall_id, a.trader_id, a.id, a.number_hash,
                       a.bin, q.amount_vnd, q.revoked_at IS NOT NULL
                FROM stall_qr_code q JOIN receiving_account a ON a.id = q.account_id
                WHERE q.reference = ANY(?) ORDER BY q.reference, q.created_at DESC""")
                .param(codes.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), new Target(rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getBytes(6), rs.getString(7), (Long) rs.getObject(8), rs.getBoolean(9))))
                .list();
        return found;
    }
}
