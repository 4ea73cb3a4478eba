package vn.cho40.catalogue;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.payment.PaymentNotes;

/**
 * What an order's payment paid for, for the trader's phone: "Đơn DHTNDAITU-1A2B3C: Chè Tân Cương × 2 hộp, nhận tại
 * quầy" (or the buyer's delivery note). Vietnamese, because the phone speaks it in Vietnamese.
 */
@Component
class OrderNotes implements PaymentNotes {

    private final JdbcClient db;

    OrderNotes(JdbcClient db) {
        this.db = db;
    }

    @Override
    public Map<UUID, String> notes(Collection<UUID> paymentIds) {
        if (paymentIds.isEmpty()) {
            return Map.of();
        }
        return db.sql("""
                SELECT o.payment_event_id, o.number, p.name, o.quantity, p.unit, o.delivery_note IS NOT NULL
                FROM product_order o JOIN product p ON p.id = o.product_id
                WHERE o.payment_event_id = ANY(?)""")
                .param(paymentIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), line(rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getBoolean(6))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    static String line(String number, String product, int quantity, String unit, boolean delivery) {
        return "Đơn " + number + ": " + product + " × " + quantity + " " + unit
                + (delivery ? ", giao theo ghi chú của người mua" : ", nhận tại quầy");
    }
}
