package vn.cho40.einvoice;

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
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/** A board's documents per series, the numbers without gaps, and the board's seller setting. */
@Service
class EInvoiceRegister {

    /** The board as seller: name, tax code, address, form and series, and whether a provider sends documents on. */
    record Setting(String sellerName, String sellerTaxCode, String sellerAddress, int form, String series, String mode) {
        public String printed() {
            return form + series;
        }
    }

    /** A series' numbers: how many were issued, the highest, and any number missing below it. */
    record Numbers(String series, int count, int highest, List<Integer> missing) {
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    EInvoiceRegister(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Setting> setting(UUID marketId) {
        return db.sql("""
                SELECT seller_name, seller_tax_code, seller_address, form, series, mode FROM einvoice_setting
                WHERE market_id = ?""").param(marketId)
                .query((rs, n) -> new Setting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6))).optional();
    }

    /** Saves the board's setting after checking every field; a refused setting changes nothing. */
    @Transactional
    void save(UUID marketId, String provinceCode, String name, String taxCode, String address, String printedSeries,
              String by) {
        List<Violation> problems = new ArrayList<>();
        String n = name == null ? "" : java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC);
        String a = address == null ? "" : java.text.Normalizer.normalize(address.strip(), java.text.Normalizer.Form.NFC);
        if (n.length() < 2 || n.length() > 400) {
            problems.add(Violation.of("sellerName", "einvoice.setting.name"));
        }
        String t = taxCode == null ? "" : taxCode.strip();
        String taxProblem = TaxCode.problem(t);
        if (taxProblem != null) {
            problems.add(Violation.of("sellerTaxCode", taxProblem, "", t));
        }
        if (a.length() < 2 || a.length() > 400) {
            problems.add(Violation.of("sellerAddress", "einvoice.setting.address"));
        }
        Optional<InvoiceSeries> series = InvoiceSeries.parse(printedSeries == null ? "" : printedSeries.toUpperCase(java.util.Locale.ROOT));
        if (series.isEmpty()) {
            problems.add(Violation.of("series", "einvoice.setting.series", printedSeries == null ? "" : printedSeries));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        db.sql("""
                INSERT INTO einvoice_setting (market_id, seller_name, seller_tax_code, seller_address, form, series,
                                              updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (market_id) DO UPDATE SET seller_name = EXCLUDED.seller_name,
                    seller_tax_code = EXCLUDED.seller_tax_code, seller_address = EXCLUDED.seller_address,
                    form = EXCLUDED.form, series = EXCLUDED.series, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by""")
                .params(marketId, n, t, a, series.get().form(), series.get().series(), Timestamp.from(clock.instant()), by)
                .update();
        audit.record("EINVOICE_SETTING", "market", marketId, marketId, provinceCode, series.get().printed() + " " + t);
    }

    List<EInvoices.Issued> documents(UUID marketId, String series, int limit) {
        return db.sql(EInvoices.SELECT + " WHERE market_id = ? AND (? = '' OR " + EInvoices.PRINTED + " = ?) "
                        + "ORDER BY form, series, number DESC LIMIT ?")
                .params(marketId, series, series, limit).query(EInvoices::map).list();
    }

    /** Per series of the board: the count, the highest number and the numbers missing below it (none, by design). */
    List<Numbers> numbers(UUID marketId) {
        List<Numbers> out = new ArrayList<>();
        db.sql("SELECT max(" + EInvoices.PRINTED + "), count(*), max(number), kind, form, series FROM e_document "
                        + "WHERE market_id = ? GROUP BY kind, form, series ORDER BY kind, form, series").param(marketId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(5),
                        rs.getString(6)}).list()
                .forEach(r -> {
                    List<Integer> missing = db.sql("""
                            SELECT g FROM generate_series(1, ?) g WHERE NOT EXISTS (SELECT 1 FROM e_document d
                              WHERE d.market_id = ? AND d.form = ? AND d.series = ? AND d.number = g)
                            ORDER BY g LIMIT 50""")
                            .params(r[2], marketId, r[3], r[4]).query(Integer.class).list();
                    out.add(new Numbers((String) r[0], (Integer) r[1], (Integer) r[2], missing));
                });
        return out;
    }
}
