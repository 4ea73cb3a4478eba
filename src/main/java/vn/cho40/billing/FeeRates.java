package vn.cho40.billing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/** The rate book in the database: what is in force for a province and its markets, and adding a rate. */
@Service
public class FeeRates {

    private final JdbcClient db;
    private final Clock clock;
    private final vn.cho40.audit.AuditLog audit;

    FeeRates(JdbcClient db, Clock clock, vn.cho40.audit.AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
    }

    private static final String SELECT = """
            SELECT id, province_code, market_id, market_class, charge, position_class, covered, seller, unit,
                   price_vnd, vat_included, vat_bp, label, legal_basis, legal_basis_date, legal_issuer,
                   effective_from, effective_to
            FROM fee_rate""";

    /** Every rate of the province (province-wide, per class, and markets' own), whatever its dates. */
    public List<FeeRate> ofProvince(String provinceCode) {
        return db.sql(SELECT + " WHERE province_code = ? ORDER BY charge, effective_from").param(provinceCode)
                .query(FeeRates::map).list();
    }

    public java.util.Optional<FeeRate> get(UUID id) {
        return db.sql(SELECT + " WHERE id = ?").param(id).query(FeeRates::map).optional();
    }

    /**
     * Ends a rate on its last day (the day before the decision that replaces it takes over): only ever earlier than
     * it ran before, never before it began. Bills issued under it keep their amounts.
     */
    @Transactional
    public void end(FeeRate r, LocalDate lastDay, String by) {
        if (lastDay.isBefore(r.effectiveFrom()) || (r.effectiveTo() != null && !lastDay.isBefore(r.effectiveTo()))) {
            throw new InvalidInputException(Violation.of("lastDay", "billing.rate.endRange",
                    vn.cho40.shared.VnFormats.date(r.effectiveFrom()),
                    r.effectiveTo() == null ? "" : vn.cho40.shared.VnFormats.date(r.effectiveTo())));
        }
        db.sql("UPDATE fee_rate SET effective_to = ? WHERE id = ?").params(lastDay, r.id()).update();
        audit.record("FEE_RATE_END", "fee_rate", r.id(), r.marketId(), r.provinceCode(),
                r.charge() + " " + r.legalBasis() + " → " + vn.cho40.shared.VnFormats.date(lastDay));
    }

    /** What is wrong with a rate on its own (its legal basis, price and dates), every problem at once. */
    static List<Violation> problems(FeeRate r) {
        List<Violation> problems = new ArrayList<>();
        if (r.legalBasis() == null || r.legalBasis().strip().length() < 3) {
            problems.add(Violation.of("legalBasis", "billing.rate.noLegalBasis"));
        }
        if (r.legalBasisDate() == null) {
            problems.add(Violation.of("legalBasisDate", "billing.rate.noLegalBasisDate"));
        }
        if (r.legalIssuer() == null || r.legalIssuer().isBlank()) {
            problems.add(Violation.of("legalIssuer", "billing.rate.noLegalIssuer"));
        }
        if (r.priceVnd() <= 0) {
            problems.add(Violation.of("priceVnd", "billing.rate.price"));
        }
        // Only a meter measures kWh or m³: a price per kWh for security could never be billed.
        if (("KWH".equals(r.unit()) && r.charge() != Charge.ELECTRICITY) || ("M3".equals(r.unit()) && r.charge() != Charge.WATER)) {
            problems.add(Violation.of("unit", "billing.rate.unitOfMeter", r.unit().equals("KWH") ? "kWh" : "m³"));
        }
        if (r.effectiveFrom() == null) {
            if (problems.stream().noneMatch(v -> v.field().equals("effectiveFrom"))) {
                problems.add(Violation.of("effectiveFrom", "billing.rate.effectiveFrom"));
            }
        } else if (r.effectiveTo() != null && r.effectiveTo().isBefore(r.effectiveFrom())) {
            problems.add(Violation.of("effectiveTo", "billing.rate.dates"));
        }
        // A price set by a decision cannot be charged for days before the decision was made (no retroactive fees).
        if (r.effectiveFrom() != null && r.legalBasisDate() != null && r.effectiveFrom().isBefore(r.legalBasisDate())) {
            problems.add(Violation.of("effectiveFrom", "billing.rate.beforeDecision",
                    vn.cho40.shared.VnFormats.date(r.legalBasisDate())));
        }
        return problems;
    }

    private static FeeRate map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FeeRate(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                (Integer) rs.getObject(4), Charge.valueOf(rs.getString(5)), rs.getString(6), (Boolean) rs.getObject(7),
                rs.getString(8), rs.getString(9), rs.getLong(10), rs.getBoolean(11), (Integer) rs.getObject(12),
                rs.getString(13), rs.getString(14), rs.getObject(15, LocalDate.class), rs.getString(16),
                rs.getObject(17, LocalDate.class), rs.getObject(18, LocalDate.class));
    }

    /**
     * Adds a rate after checking it: a legal basis (decision number, date, issuer), a positive price, dates in order,
     * and no other rate of the same scope in force on any of its days. One transaction; the province is locked while
     * checking so two boards adding at once cannot both pass.
     */
    @Transactional
    public UUID add(FeeRate r, String by) {
        List<Violation> problems = problems(r);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        db.sql("SELECT pg_advisory_xact_lock(hashtext('fee_rate:' || ?))").param(r.provinceCode()).query().listOfRows();
        for (FeeRate existing : ofProvince(r.provinceCode())) {
            if (existing.overlaps(r)) {
                throw new InvalidInputException(Violation.of("effectiveFrom", "billing.rate.overlap",
                        existing.legalBasis(), vn.cho40.shared.VnFormats.date(existing.effectiveFrom())));
            }
        }
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO fee_rate (id, province_code, market_id, market_class, charge, position_class, covered, seller,
                    unit, price_vnd, vat_included, vat_bp, label, legal_basis, legal_basis_date, legal_issuer,
                    effective_from, effective_to, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, r.provinceCode(), r.marketId(), r.marketClass(), r.charge().name(), r.positionClass(),
                        r.covered(), r.seller(), r.unit(), r.priceVnd(), r.vatIncluded(), r.vatBp(), r.label(),
                        r.legalBasis().strip(), r.legalBasisDate(), r.legalIssuer().strip(), r.effectiveFrom(),
                        r.effectiveTo(), Timestamp.from(clock.instant()), by)
                .update();
        if (!"demo".equals(by)) {
            audit.record("FEE_RATE_ADD", "fee_rate", id, r.marketId(), r.provinceCode(), r.charge() + " "
                    + vn.cho40.shared.Money.vnd(r.priceVnd()).format() + " " + r.unit() + " · " + r.legalBasis().strip());
        }
        return id;
    }

    /** The shipped rate book (data/fees/demo-rates.csv) for a province, once: a province with rates keeps its own. */
    @Transactional
    public int seedDemo(String provinceCode) {
        boolean has = db.sql("SELECT EXISTS (SELECT 1 FROM fee_rate WHERE province_code = ?)").param(provinceCode)
                .query(Boolean.class).single();
        if (has) {
            return 0;
        }
        int added = 0;
        for (CSVRecord c : records()) {
            if (!c.get("province_code").equals(provinceCode)) {
                continue;
            }
            add(new FeeRate(null, provinceCode, null, blankInt(c.get("market_class")), Charge.valueOf(c.get("charge")),
                    blank(c.get("position_class")), blankBool(c.get("covered")), blank(c.get("seller")), c.get("unit"),
                    Long.parseLong(c.get("price_vnd")), Boolean.parseBoolean(c.get("vat_included")),
                    blankInt(c.get("vat_bp")), c.get("label"), c.get("legal_basis"),
                    LocalDate.parse(c.get("legal_basis_date")), c.get("legal_issuer"),
                    LocalDate.parse(c.get("effective_from")),
                    c.get("effective_to").isBlank() ? null : LocalDate.parse(c.get("effective_to"))), "demo");
            added++;
        }
        return added;
    }

    private static List<CSVRecord> records() {
        try (Reader in = new InputStreamReader(new ClassPathResource("data/fees/demo-rates.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Integer blankInt(String s) {
        return s == null || s.isBlank() ? null : Integer.valueOf(s);
    }

    private static Boolean blankBool(String s) {
        return s == null || s.isBlank() ? null : Boolean.valueOf(s);
    }
}
