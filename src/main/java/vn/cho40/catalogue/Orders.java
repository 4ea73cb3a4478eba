package vn.cho40.catalogue;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.ledger.Accounts;
import vn.cho40.ledger.Ledger;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.market.Stall;
import vn.cho40.market.Stalls;
import vn.cho40.payment.PaymentMatched;
import vn.cho40.payment.Payments;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Money;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.PhoneNumber;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;
import vn.cho40.vietqr.StallCodes;

/**
 * Orders of a local product, for pickup at the stall (or with a delivery note): each gets the selling stall's
 * dynamic VietQR for its total, whose payment code the payments module matches like any sale (credited to the
 * trader, announced on the trader's phone, in the revenue book). The order turns PAID in the very transaction that
 * matches the payment; the trader then hands it over or cancels it, recording a refund: an order is never deleted.
 */
@Service
public class Orders {

    public enum Status { AWAITING_PAYMENT, PAID, HANDED_OVER, CANCELLED }

    /** An order as the buyer (with its link) and the trader see it; the buyer's phone masked. */
    public record Order(UUID id, String number, UUID productId, String productName, UUID marketId, String marketCode,
                        String stallCode, UUID traderId, int quantity, long unitPriceVnd, long totalVnd,
                        String buyerName, String buyerPhoneMasked, String deliveryNote, String paymentCode,
                        UUID qrCodeId, String accessToken, Status status, Instant createdAt, Instant paidAt,
                        Long refundVnd, String cancelReason) {

        public String total() {
            return Money.vnd(totalVnd).format();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final Products products;
    private final Markets markets;
    private final Stalls stalls;
    private final StallCodes codes;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Ledger ledger;
    private final Payments payments;
    private final Clock clock;

    Orders(JdbcClient db, Products products, Markets markets, Stalls stalls, StallCodes codes, FieldCipher cipher,
           AuditLog audit, Ledger ledger, Payments payments, Clock clock) {
        this.ledger = ledger;
        this.payments = payments;
        this.db = db;
        this.products = products;
        this.markets = markets;
        this.stalls = stalls;
        this.codes = codes;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** A buyer's order from the first stall that sells it. */
    public Order place(UUID productId, String quantityText, String buyerName, String phone, String note) {
        return place(productId, null, quantityText, buyerName, phone, note);
    }

    /**
     * A buyer's order: checked, priced from the catalogue (never from the form), picked up at the stall the buyer
     * chose among those that sell it (the first when none), with that stall's QR.
     */
    @Transactional
    public Order place(UUID productId, String stallCode, String quantityText, String buyerName, String phone,
                       String note) {
        Products.Product p = products.get(productId).orElseThrow(() ->
                new NotFoundException("catalogue.product.notFound", productId));
        List<Violation> problems = new ArrayList<>();
        int quantity = 0;
        try {
            quantity = Integer.parseInt(quantityText == null ? "" : quantityText.strip());
        } catch (NumberFormatException e) {
            quantity = 0;
        }
        if (quantity < 1 || quantity > 1000) {
            problems.add(Violation.of("quantity", "catalogue.order.quantity.invalid"));
        } else if (!p.madeToOrder() && (p.stock() == null || p.stock() < quantity)) {
            problems.add(Violation.of("quantity", "catalogue.order.stock", p.stock() == null ? 0 : p.stock()));
        }
        String name = SearchText.clean(buyerName);
        if (name == null || name.length() < 2 || name.length() > 100) {
            problems.add(Violation.of("buyerName", "catalogue.order.name"));
        }
        Optional<String> number = PhoneNumber.normalize(phone);
        if (number.isEmpty()) {
            problems.add(Violation.of("phone", "catalogue.order.phoneInvalid"));
        }
        String delivery = SearchText.clean(note);
        if (delivery != null && delivery.length() > 500) {
            problems.add(Violation.of("note", "catalogue.order.noteLong"));
        }
        String pickup = stallCode == null || stallCode.isBlank() ? (p.stallCodes().isEmpty() ? null
                : p.stallCodes().getFirst()) : stallCode.strip();
        if (p.stallCodes().isEmpty()) {
            problems.add(Violation.of("quantity", "catalogue.order.noStall"));
        } else if (!p.stallCodes().contains(pickup)) {
            problems.add(Violation.of("stallCode", "catalogue.order.stall", String.join(", ", p.stallCodes())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // "A-1" is a stall of the product's market; "TN-SONGCONG/B-2" one of another market of the province.
        int slash = pickup.indexOf('/');
        Market market = slash < 0 ? markets.findById(p.marketId()).orElseThrow()
                : markets.find(pickup.substring(0, slash)).orElseThrow();
        Stall stall = stalls.find(market, pickup.substring(slash + 1)).orElseThrow();
        UUID trader = db.sql("SELECT trader_id FROM lease WHERE stall_id = ? AND ends_on IS NULL").param(stall.id())
                .query(UUID.class).optional()
                .orElseThrow(() -> new InvalidInputException(Violation.of("quantity", "catalogue.order.noStall")));
        long total = Math.multiplyExact(p.priceVnd(), (long) quantity);
        String orderNumber = "DH" + market.code().replace("-", "") + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt())
                .toUpperCase(java.util.Locale.ROOT).substring(0, 6);
        StallCodes.StallCode qr = codes.dynamic(market, stall, total, "DH " + orderNumber.substring(orderNumber.length() - 6));
        String paymentCode = codes.reference(qr.id()).orElseThrow();
        UUID id = Ids.newId(clock);
        String token = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        db.sql("""
                INSERT INTO product_order (id, number, product_id, market_id, province_code, stall_id, trader_id, quantity,
                    unit_price_vnd, total_vnd, buyer_name, buyer_phone_enc, buyer_phone_last4, delivery_note,
                    payment_code, qr_code_id, access_token, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_PAYMENT', ?)""")
                .params(id, orderNumber, p.id(), market.id(), market.provinceCode(), stall.id(), trader, quantity,
                        p.priceVnd(), total, name, cipher.encrypt("phone", number.get()), Mask.last4Of(number.get()),
                        delivery, paymentCode, qr.id(), token, Timestamp.from(clock.instant())).update();
        audit.record("ORDER_PLACE", "product_order", id, market.id(), market.provinceCode(),
                orderNumber + " · " + p.name() + " × " + quantity + " · " + Money.vnd(total).format());
        return get(id).orElseThrow();
    }

    /**
     * In the matcher's transaction: a payment that carried an order's code pays the order (once: only an order
     * awaiting payment changes), and takes what was bought out of the stock.
     */
    @EventListener
    void on(PaymentMatched e) {
        String code = e.paymentCode();
        if (code == null) {
            return; // a sale to a static code: no order names it
        }
        List<UUID> paid = db.sql("""
                UPDATE product_order SET status = 'PAID', paid_at = ?, payment_event_id = ?
                WHERE payment_code = ? AND status = 'AWAITING_PAYMENT' AND total_vnd <= ? RETURNING product_id""")
                .params(Timestamp.from(clock.instant()), e.paymentId(), code, e.amountVnd()).query(UUID.class).list();
        for (UUID product : paid) {
            db.sql("""
                    UPDATE product SET stock = greatest(0, stock - (SELECT quantity FROM product_order WHERE payment_code = ?))
                    WHERE id = ? AND stock IS NOT NULL""").params(code, product).update();
        }
    }

    /** The trader hands the paid order over at the stall. */
    @Transactional
    public Order handOver(UUID traderId, UUID id) {
        Order o = ofTrader(traderId, id);
        if (o.status() != Status.PAID) {
            throw new InvalidInputException(Violation.of("status", "catalogue.order.notPaid"));
        }
        db.sql("UPDATE product_order SET status = 'HANDED_OVER', handed_over_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
        audit.record("ORDER_HANDOVER", "product_order", id, o.marketId(), null, o.number());
        return get(id).orElseThrow();
    }

    /** The trader cancels: a paid order records the refund owed to the buyer (paid back outside the platform). */
    @Transactional
    public Order cancel(UUID traderId, UUID id, String reason) {
        Order o = ofTrader(traderId, id);
        if (o.status() == Status.HANDED_OVER || o.status() == Status.CANCELLED) {
            throw new InvalidInputException(Violation.of("reason", "catalogue.order.closed"));
        }
        String why = SearchText.clean(reason);
        if (why == null || why.length() < 3) {
            throw new InvalidInputException(Violation.of("reason", "catalogue.order.reason.missing"));
        }
        long refund = 0;
        if (o.status() == Status.PAID) {
            // What the buyer paid goes back, from the trader's account: the books say so in the same transaction.
            UUID paymentId = db.sql("SELECT payment_event_id FROM product_order WHERE id = ?").param(id)
                    .query(UUID.class).single();
            // A payment the board has since undone (credited to the wrong stall) is no longer the trader's to refund.
            Payments.Received paid = payments.matched(paymentId).orElse(null);
            refund = paid == null ? 0 : paid.amountVnd();
            if (refund > 0) {
                ledger.post(new Ledger.Posting(o.marketId(), null, "order-refund:" + id, null,
                        "Hoàn tiền đơn " + o.number(), List.of(new Ledger.Line(Accounts.trader(o.traderId()), refund),
                        new Ledger.Line(Accounts.refunds(o.traderId()), -refund))));
            }
        }
        int changed = db.sql("""
                UPDATE product_order SET status = 'CANCELLED', cancelled_at = ?, cancel_reason = ?, refund_vnd = ?
                WHERE id = ? AND status = ?""")
                .params(Timestamp.from(clock.instant()), why, refund, id, o.status().name()).update();
        if (changed != 1) {
            // paid or handed over meanwhile: the refund posted above rolls back with this transaction
            throw new InvalidInputException(Violation.of("reason", "catalogue.order.closed"));
        }
        audit.record("ORDER_CANCEL", "product_order", id, o.marketId(), null, o.number() + ": " + why
                + (refund > 0 ? " · hoàn " + Money.vnd(refund).format() : ""));
        return get(id).orElseThrow();
    }

    public List<Order> ofTrader(UUID traderId) {
        return db.sql(SELECT + " WHERE o.trader_id = ? ORDER BY o.created_at DESC LIMIT 100").param(traderId)
                .query(this::map).list();
    }

    public Order ofTrader(UUID traderId, UUID id) {
        return get(id).filter(o -> o.traderId().equals(traderId))
                .orElseThrow(() -> new NotFoundException("catalogue.order.notFound", id));
    }

    /** The buyer's view: the order's number and the secret of its link must both match. */
    public Optional<Order> forBuyer(String number, String token) {
        return db.sql(SELECT + " WHERE o.number = ?").param(number == null ? "" : number).query(this::map).optional()
                .filter(o -> token != null && java.security.MessageDigest.isEqual(
                        o.accessToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    public Optional<Order> get(UUID id) {
        return db.sql(SELECT + " WHERE o.id = ?").param(id).query(this::map).optional();
    }

    /** The QR payload of an order awaiting payment (from the stall's dynamic code). */
    public Optional<String> qrPayload(Order o) {
        return codes.payloadOf(o.qrCodeId());
    }

    private static final String SELECT = """
            SELECT o.id, o.number, o.product_id, p.name, m.code, s.code, o.trader_id, o.quantity, o.unit_price_vnd,
                   o.total_vnd, o.buyer_name, o.buyer_phone_last4, o.delivery_note, o.payment_code, o.qr_code_id,
                   o.access_token, o.status, o.created_at, o.paid_at, o.refund_vnd, o.cancel_reason, o.market_id
            FROM product_order o JOIN product p ON p.id = o.product_id JOIN market m ON m.id = o.market_id
            JOIN stall s ON s.id = o.stall_id
            """;

    private Order map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp paid = rs.getTimestamp(19);
        return new Order(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getObject(22, UUID.class), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getInt(8), rs.getLong(9),
                rs.getLong(10), rs.getString(11), Mask.lastFour(rs.getString(12)), rs.getString(13), rs.getString(14),
                rs.getObject(15, UUID.class), rs.getString(16), Status.valueOf(rs.getString(17)),
                rs.getTimestamp(18).toInstant(), paid == null ? null : paid.toInstant(),
                (Long) rs.getObject(20), rs.getString(21));
    }
}
