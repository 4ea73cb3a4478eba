package vn.cho40.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How an amount taken off a bill (a waiver, a credit note) splits over its charges: the largest line first, each
 * up to its own amount, so the books say per charge what the board gave up; anything beyond the lines is OTHER.
 */
final class ChargeShares {

    private ChargeShares() {
    }

    /** Charge name and its share, in the order taken; the shares add up to {@code amount}. */
    static List<Map.Entry<String, Long>> of(JdbcClient db, UUID billId, long amount) {
        List<Map.Entry<String, Long>> shares = new ArrayList<>();
        long left = amount;
        for (Map.Entry<String, Long> line : db.sql("SELECT charge, amount_vnd FROM bill_line WHERE bill_id = ? "
                + "AND amount_vnd > 0 ORDER BY amount_vnd DESC, line").param(billId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()) {
            long take = Math.min(left, line.getValue());
            if (take > 0) {
                shares.add(Map.entry(line.getKey(), take));
                left -= take;
            }
        }
        if (left > 0) {
            shares.add(Map.entry(Charge.OTHER.name(), left));
        }
        return shares;
    }
}
