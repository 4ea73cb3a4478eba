package vn.cho40.catalogue;

import java.sql.Date;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.market.Market;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Money;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/**
 * A market's local products: added and changed by its board (or a community tech member, or the selling trader for
 * their own stall), each field checked with a message that says how to fix it, photos re-encoded, listings recorded.
 * The caller has checked who may act on the market; nothing is half-saved.
 */
@Service
public class Products {

    /**
     * What a person fills in. Texts as typed; dates dd/MM/yyyy or ISO; numbers with or without dots; the stalls
     * that sell it as codes separated by commas or spaces, the first one the buyer is sent to (null: unchanged); a
     * stall of another market of the province as {@code MARKET/STALL}, when the person may act on that market.
     */
    public record Form(String name, String nameEn, String description, String group, String producerName,
                       String producerKind, String producerCommune, String stars, String certificateNo,
                       String certificateOn, String certificateUntil, String unit, String weightG, String price,
                       String stock, boolean madeToOrder, String stallCode) {
    }

    /** A product as staff and the trader see it. */
    public record Product(UUID id, UUID marketId, String marketCode, String marketName, String provinceCode,
                          UUID stallId, String stallCode, String name, String nameEn, String description,
                          String group, String producerName, String producerKind, String producerCommune,
                          Integer stars, String certificateNo, LocalDate certificateOn, LocalDate certificateUntil,
                          String unit, Integer weightG, long priceVnd, Integer stock, boolean madeToOrder,
                          int photos, int listings, List<String> stallCodes) {

        public Product {
            stallCodes = stallCodes == null ? List.of() : List.copyOf(stallCodes);
        }

        /** The selling stalls as typed in the form: "A-1, B-2". */
        public String stalls() {
            return String.join(", ", stallCodes);
        }

        /** A star rating whose certificate has expired is shown flagged, never as valid. */
        public boolean certificateExpired(LocalDate today) {
            return stars != null && certificateUntil != null && certificateUntil.isBefore(today);
        }

        public String sku() {
            return "C40-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT)
                    + id.toString().substring(id.toString().length() - 4).toUpperCase(java.util.Locale.ROOT);
        }

        public String price() {
            return Money.vnd(priceVnd).format();
        }
    }

    public record Listing(UUID id, String marketplace, String url, LocalDate listedOn, String recordedBy) {
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final vn.cho40.teams.Activities activities;
    private final vn.cho40.market.Markets markets;
    private final Clock clock;
    private final long maxPhotoBytes;

    Products(JdbcClient db, AuditLog audit, vn.cho40.teams.Activities activities, vn.cho40.market.Markets markets,
             Clock clock, @Value("${cho40.catalogue.max-photo-bytes:4000000}") long maxPhotoBytes) {
        this.markets = markets;
        this.db = db;
        this.audit = audit;
        this.activities = activities;
        this.clock = clock;
        this.maxPhotoBytes = maxPhotoBytes;
    }

    long maxPhotoBytes() {
        return maxPhotoBytes;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VnFormats.VIETNAM));
    }

    @Transactional
    public Product create(Market market, Form form, byte[] photo, String by) {
        Checked c = check(market, form, null);
        ProductImages.Resized image = photo == null || photo.length == 0 ? null : image(photo);
        UUID id = Ids.newId(clock);
        Timestamp now = Timestamp.from(clock.instant());
        try {
            db.sql("""
                    INSERT INTO product (id, market_id, province_code, stall_id, name, name_en, description, ocop_group,
                        producer_name, producer_kind, producer_commune_code, ocop_stars, certificate_no, certificate_on,
                        certificate_until, unit, weight_g, price_vnd, stock, made_to_order, search_key, dedupe_key,
                        created_at, created_by, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, market.id(), market.provinceCode(), c.stallId(), c.name(), c.nameEn(), c.description(),
                            c.group(), c.producer(), c.producerKind(), c.commune(), c.stars(), c.certificateNo(),
                            date(c.certificateOn()), date(c.certificateUntil()), c.unit(), c.weightG(), c.price(),
                            c.stock(), form.madeToOrder(), searchKey(c), dedupeKey(c), now, by, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(Violation.of("name", "catalogue.product.duplicate", c.name(), c.producer()));
        }
        storeStalls(id, c.stalls());
        if (image != null) {
            storePhoto(id, market, image, 0);
        }
        audit.record("PRODUCT_CREATE", "product", id, market.id(), market.provinceCode(), c.name());
        if (c.stallId() != null) {
            // A community tech member adding it for the stall's trader: one of the helps their team counts.
            UUID trader = db.sql("SELECT trader_id FROM lease WHERE stall_id = ? AND ends_on IS NULL")
                    .param(c.stallId()).query(UUID.class).optional().orElse(null);
            activities.productOnline(id, market.code(), trader, c.name());
        }
        return get(id).orElseThrow();
    }

    @Transactional
    public Product update(Market market, UUID id, Form form, String by) {
        Product before = inMarket(market, id);
        Checked c = check(market, form, before);
        try {
            db.sql("""
                    UPDATE product SET stall_id = ?, name = ?, name_en = ?, description = ?, ocop_group = ?,
                        producer_name = ?, producer_kind = ?, producer_commune_code = ?, ocop_stars = ?,
                        certificate_no = ?, certificate_on = ?, certificate_until = ?, unit = ?, weight_g = ?,
                        price_vnd = ?, stock = ?, made_to_order = ?, search_key = ?, dedupe_key = ?, updated_at = ?
                    WHERE id = ? AND market_id = ?""")
                    .params(c.stallId(), c.name(), c.nameEn(), c.description(), c.group(), c.producer(),
                            c.producerKind(), c.commune(), c.stars(), c.certificateNo(), date(c.certificateOn()),
                            date(c.certificateUntil()), c.unit(), c.weightG(), c.price(), c.stock(), form.madeToOrder(),
                            searchKey(c), dedupeKey(c), Timestamp.from(clock.instant()), id, market.id())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(Violation.of("name", "catalogue.product.duplicate", c.name(), c.producer()));
        }
        db.sql("DELETE FROM product_stall WHERE product_id = ?").param(id).update();
        storeStalls(id, c.stalls());
        audit.record("PRODUCT_UPDATE", "product", id, market.id(), market.provinceCode(), c.name() + " · "
                + Money.vnd(c.price()).format());
        return get(id).orElseThrow();
    }

    /** Adds a photo after the others (at most 6). */
    @Transactional
    public void addPhoto(Market market, UUID id, byte[] photo) {
        inMarket(market, id);
        ProductImages.Resized image = image(photo);
        int next = db.sql("SELECT coalesce(max(position) + 1, 0) FROM product_photo WHERE product_id = ?").param(id)
                .query(Integer.class).single();
        if (next >= 6) {
            throw new InvalidInputException(Violation.of("photo", "catalogue.photo.tooMany"));
        }
        storePhoto(id, market, image, next);
        audit.record("PRODUCT_PHOTO", "product", id, market.id(), market.provinceCode(), "ảnh " + (next + 1));
    }

    @Transactional
    public void addListing(Market market, UUID id, String marketplace, String url, String listedOn, String by) {
        Product p = inMarket(market, id);
        List<Violation> problems = new ArrayList<>();
        String place = text(marketplace);
        if (place == null || place.length() < 2 || place.length() > 60) {
            problems.add(Violation.of("marketplace", "catalogue.listing.marketplace"));
        }
        String link = url == null ? "" : url.strip();
        if (!link.matches("https?://[^\\s<>\"]+") || link.length() > 500) {
            problems.add(Violation.of("url", "catalogue.listing.url"));
        }
        LocalDate on = parseDate(listedOn, "listedOn", problems);
        if (on == null && problems.stream().noneMatch(v -> v.field().equals("listedOn"))) {
            on = today();
        }
        if (on != null && on.isAfter(today())) {
            problems.add(Violation.of("listedOn", "catalogue.listing.future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            db.sql("""
                    INSERT INTO product_listing (id, product_id, market_id, province_code, marketplace, url, listed_on,
                        recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Ids.newId(clock), id, market.id(), market.provinceCode(), place, link, Date.valueOf(on), by,
                            Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(Violation.of("url", "catalogue.listing.duplicate"));
        }
        audit.record("PRODUCT_LISTING", "product", id, market.id(), market.provinceCode(), p.name() + ": " + link);
    }

    public List<Listing> listings(UUID productId) {
        return db.sql("""
                SELECT id, marketplace, url, listed_on, recorded_by FROM product_listing WHERE product_id = ?
                ORDER BY listed_on DESC""").param(productId)
                .query((rs, n) -> new Listing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5))).list();
    }

    public List<UUID> photoIds(UUID productId) {
        return db.sql("SELECT id FROM product_photo WHERE product_id = ? ORDER BY position").param(productId)
                .query(UUID.class).list();
    }

    private static final String SELECT = """
            SELECT p.id, p.market_id, m.code, m.name, p.province_code, p.stall_id, s.code, p.name, p.name_en,
                   p.description, p.ocop_group, p.producer_name, p.producer_kind, p.producer_commune_code, p.ocop_stars,
                   p.certificate_no, p.certificate_on, p.certificate_until, p.unit, p.weight_g, p.price_vnd, p.stock,
                   p.made_to_order,
                   (SELECT count(*) FROM product_photo f WHERE f.product_id = p.id),
                   (SELECT count(*) FROM product_listing l WHERE l.product_id = p.id),
                   (SELECT array_agg(CASE WHEN ps.market_id = p.market_id THEN x.code ELSE xm.code || '/' || x.code END
                                     ORDER BY ps.position)
                    FROM product_stall ps JOIN stall x ON x.id = ps.stall_id JOIN market xm ON xm.id = ps.market_id
                    WHERE ps.product_id = p.id)
            FROM product p JOIN market m ON m.id = p.market_id LEFT JOIN stall s ON s.id = p.stall_id
            """;

    public Optional<Product> get(UUID id) {
        return db.sql(SELECT + " WHERE p.id = ?").param(id).query(Products::map).optional();
    }

    /** A product of this market, or not found (another market's product does not exist here). */
    public Product inMarket(Market market, UUID id) {
        return get(id).filter(p -> p.marketId().equals(market.id()))
                .orElseThrow(() -> new NotFoundException("catalogue.product.notFound", id));
    }

    /** A market's products, searched without diacritics ("che tan cuong" finds "Chè Tân Cương"). */
    public List<Product> ofMarket(UUID marketId, String query) {
        String q = SearchText.fold(query == null ? "" : query);
        return db.sql(SELECT + " WHERE p.market_id = ? AND p.search_key LIKE ? ORDER BY p.name")
                .params(marketId, "%" + q + "%").query(Products::map).list();
    }

    /** The products of the stalls a trader leases now. */
    public List<Product> ofTrader(UUID traderId) {
        return db.sql(SELECT + """
                 WHERE p.id IN (SELECT ps.product_id FROM product_stall ps JOIN lease l ON l.stall_id = ps.stall_id
                                WHERE l.trader_id = ? AND l.ends_on IS NULL)
                ORDER BY p.name""").param(traderId).query(Products::map).list();
    }

    // --- checks -------------------------------------------------------------------------------------------------

    private record Checked(String name, String nameEn, String description, String group, String producer,
                           String producerKind, String commune, Integer stars, String certificateNo,
                           LocalDate certificateOn, LocalDate certificateUntil, String unit, Integer weightG, long price,
                           Integer stock, List<Seller> stalls) {

        /** The stall a buyer is sent to unless they pick another: the first. */
        UUID stallId() {
            return stalls.isEmpty() ? null : stalls.getFirst().stallId();
        }
    }

    /** A stall that sells the product, with its market (the product's own, or another of the province). */
    private record Seller(UUID stallId, Market market) {
    }

    /** The most stalls one product lists: enough for a market's row of tea sellers, few enough to show. */
    private static final int MAX_STALLS = 20;

    private Checked check(Market market, Form f, Product before) {
        List<Violation> problems = new ArrayList<>();
        String name = text(f.name());
        if (name == null || name.length() < 2 || name.length() > 150) {
            problems.add(Violation.of("name", "catalogue.product.name"));
        }
        String nameEn = text(f.nameEn());
        if (nameEn != null && nameEn.length() > 150) {
            problems.add(Violation.of("nameEn", "catalogue.product.nameEn"));
        }
        String description = f.description() == null ? null
                : Normalizer.normalize(f.description(), Normalizer.Form.NFC).strip().replaceAll("[\\p{Cntrl}&&[^\\n]]", "");
        if (description == null || description.length() < 10 || description.length() > 5000) {
            problems.add(Violation.of("description", "catalogue.product.description"));
        }
        if (OcopGroups.find(f.group()).isEmpty()) {
            problems.add(Violation.of("group", "catalogue.product.group"));
        }
        String producer = text(f.producerName());
        if (producer == null || producer.length() < 2 || producer.length() > 200) {
            problems.add(Violation.of("producerName", "catalogue.product.producer"));
        }
        if (!List.of("HOUSEHOLD", "COOPERATIVE", "COMPANY").contains(String.valueOf(f.producerKind()))) {
            problems.add(Violation.of("producerKind", "catalogue.product.producerKind"));
        }
        String commune = text(f.producerCommune());
        if (commune != null && !db.sql("SELECT EXISTS (SELECT 1 FROM admin_unit WHERE regime = '2025' AND level = 'commune' AND code = ?)")
                .param(commune).query(Boolean.class).single()) {
            problems.add(Violation.of("producerCommune", "catalogue.product.commune"));
        }
        Integer stars = number(f.stars(), "stars", problems);
        String certificate = text(f.certificateNo());
        LocalDate certOn = parseDate(f.certificateOn(), "certificateOn", problems);
        LocalDate certUntil = parseDate(f.certificateUntil(), "certificateUntil", problems);
        if (stars != null) {
            if (stars < 3 || stars > 5) {
                problems.add(Violation.of("stars", "catalogue.product.stars"));
            }
            if (certificate == null || certOn == null || certUntil == null) {
                problems.add(Violation.of("certificateNo", "catalogue.product.certificateMissing"));
            } else if (certUntil.isBefore(today())) {
                problems.add(Violation.of("certificateUntil", "catalogue.product.certificateExpired",
                        VnFormats.date(certUntil)));
            } else if (!certUntil.isAfter(certOn)) {
                problems.add(Violation.of("certificateUntil", "catalogue.product.certificateDates"));
            }
        } else if (certificate != null) {
            problems.add(Violation.of("stars", "catalogue.product.starsMissing"));
        }
        String unit = text(f.unit());
        if (unit == null || unit.length() > 30) {
            problems.add(Violation.of("unit", "catalogue.product.unit"));
        }
        Integer weight = number(f.weightG(), "weightG", problems);
        if (weight != null && weight <= 0) {
            problems.add(Violation.of("weightG", "catalogue.product.weight"));
        }
        long price = 0;
        Optional<Money> money = f.price() == null || f.price().isBlank() ? Optional.empty() : Money.parse(f.price());
        if (money.isEmpty() || money.get().vnd() <= 0) {
            problems.add(Violation.of("price", "catalogue.product.price"));
        } else {
            price = money.get().vnd();
        }
        Integer stock = number(f.stock(), "stock", problems);
        if (stock != null && stock < 0) {
            problems.add(Violation.of("stock", "catalogue.product.stock"));
        }
        if (stock == null && !f.madeToOrder()) {
            problems.add(Violation.of("stock", "catalogue.product.stockOrMade"));
        }
        List<Seller> stalls = new ArrayList<>();
        if (f.stallCode() == null) {
            if (before != null) {
                stalls.addAll(db.sql("SELECT stall_id, market_id FROM product_stall WHERE product_id = ? ORDER BY position")
                        .param(before.id()).query((rs, n) -> new Seller(rs.getObject(1, UUID.class),
                                markets.findById(rs.getObject(2, UUID.class)).orElseThrow())).list());
            }
        } else {
            // Sent empty: sold by the board, no stall. Otherwise each code must be a stall of this market, or
            // MARKET/STALL of another market of the province that the person may act on.
            for (String token : f.stallCode().toUpperCase(java.util.Locale.ROOT).split("[,;\\s]+")) {
                if (token.isBlank()) {
                    continue;
                }
                int slash = token.indexOf('/');
                Market where = slash < 0 ? market : otherMarket(market, token.substring(0, slash), problems);
                if (where == null) {
                    continue;
                }
                String code = token.substring(slash + 1);
                UUID stall = db.sql("SELECT id FROM stall WHERE market_id = ? AND code = ?").params(where.id(), code)
                        .query(UUID.class).optional().orElse(null);
                if (stall == null) {
                    problems.add(Violation.of("stallCode", "catalogue.product.stall", code, where.name()));
                } else if (stalls.stream().noneMatch(s -> s.stallId().equals(stall))) {
                    stalls.add(new Seller(stall, where));
                }
            }
            if (stalls.size() > MAX_STALLS) {
                problems.add(Violation.of("stallCode", "catalogue.product.stalls", MAX_STALLS));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(name, nameEn, description, f.group(), producer, f.producerKind(), commune, stars,
                stars == null ? null : certificate, stars == null ? null : certOn, stars == null ? null : certUntil,
                unit, weight, price, stock, List.copyOf(stalls));
    }

    private ProductImages.Resized image(byte[] photo) {
        try {
            return ProductImages.process(photo, maxPhotoBytes, 40_000_000L);
        } catch (ProductImages.Refused r) {
            throw new InvalidInputException(Violation.of("photo", "catalogue.photo." + r.reason,
                    maxPhotoBytes / 1_000_000));
        }
    }

    private void storeStalls(UUID productId, List<Seller> stalls) {
        for (int i = 0; i < stalls.size(); i++) {
            Seller s = stalls.get(i);
            db.sql("""
                    INSERT INTO product_stall (product_id, stall_id, market_id, province_code, position)
                    VALUES (?, ?, ?, ?, ?)""").params(productId, s.stallId(), s.market().id(),
                            s.market().provinceCode(), i).update();
        }
    }

    /**
     * Another market named in a stall code: of the same province, and one the person may act on (the market's
     * own board and the province); otherwise a message, as if the market were not there.
     */
    private Market otherMarket(Market home, String code, List<Violation> problems) {
        Market other = markets.find(code).filter(m -> m.provinceCode().equals(home.provinceCode())).orElse(null);
        if (other != null && !other.id().equals(home.id())) {
            try {
                markets.forStaff(other.code(), vn.cho40.identity.Permission.PRODUCT_EDIT);
            } catch (RuntimeException outsideTheirArea) {
                other = null;
            }
        }
        if (other == null) {
            problems.add(Violation.of("stallCode", "catalogue.product.stallMarket", code));
        }
        return other;
    }

    private void storePhoto(UUID productId, Market market, ProductImages.Resized image, int position) {
        db.sql("""
                INSERT INTO product_photo (id, product_id, market_id, province_code, position, width, height, large,
                    medium, small, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(clock), productId, market.id(), market.provinceCode(), position, image.width(),
                        image.height(), image.large(), image.medium(), image.small(), Timestamp.from(clock.instant()))
                .update();
    }

    private static String searchKey(Checked c) {
        return SearchText.fold(c.name() + " " + (c.nameEn() == null ? "" : c.nameEn()) + " " + c.producer());
    }

    private static String dedupeKey(Checked c) {
        return SearchText.fold(c.name()) + "|" + SearchText.fold(c.producer());
    }

    private static String text(String s) {
        String c = SearchText.clean(s);
        return c == null || c.isEmpty() ? null : c;
    }

    private static Integer number(String s, String field, List<Violation> problems) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String digits = s.strip().replace(".", "").replace(",", "").replace(" ", "");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            problems.add(Violation.of(field, "catalogue.number", s.strip()));
            return null;
        }
    }

    static LocalDate parseDate(String s, String field, List<Violation> problems) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Optional<LocalDate> d = VnFormats.parseDate(s);
        if (d.isEmpty()) {
            try {
                d = Optional.of(LocalDate.parse(s.strip()));
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(Violation.of(field, "catalogue.date", s.strip()));
            }
        }
        return d.orElse(null);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static Product map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Date on = rs.getDate(17);
        java.sql.Date until = rs.getDate(18);
        return new Product(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                (Integer) (rs.getObject(15) == null ? null : rs.getInt(15)), rs.getString(16),
                on == null ? null : on.toLocalDate(), until == null ? null : until.toLocalDate(), rs.getString(19),
                (Integer) rs.getObject(20), rs.getLong(21), (Integer) rs.getObject(22), rs.getBoolean(23),
                rs.getInt(24), rs.getInt(25), codes(rs.getArray(26)));
    }

    private static List<String> codes(java.sql.Array a) throws java.sql.SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }
}
