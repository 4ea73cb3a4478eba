package vn.cho40.einvoice;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * The board as seller: name, tax code, address, the invoices' form and series, the receipts' (none until set),
     * and who sends documents on: LOCAL (kept and published here, not sent) or a provider, with its address, user,
     * the name of the environment variable that holds its secret (never the secret), and MISA's app id or Viettel's
     * template code.
     */
    record Setting(String sellerName, String sellerTaxCode, String sellerAddress, int form, String series,
                   String receiptForm, String receiptSeries, String mode, String providerBaseUrl,
                   String providerUsername, String providerSecretRef, String providerAppId, String providerTemplate) {
        public String printed() {
            return form + series;
        }
    }

    /** What the board typed in the setting form, unchecked. */
    record SettingForm(String sellerName, String sellerTaxCode, String sellerAddress, String series, String receiptForm,
                       String receiptSeries, String mode, String providerBaseUrl, String providerUsername,
                       String providerSecretRef, String providerAppId, String providerTemplate) {
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
                SELECT seller_name, seller_tax_code, seller_address, form, series, receipt_form, receipt_series, mode,
                       provider_base_url, provider_username, provider_secret_ref, provider_app_id, provider_template
                FROM einvoice_setting WHERE market_id = ?""").param(marketId)
                .query((rs, n) -> new Setting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13))).optional();
    }

    /** Saves the board's setting after checking every field; a refused setting changes nothing. */
    @Transactional
    void save(UUID marketId, String provinceCode, SettingForm f, String by) {
        List<Violation> problems = new ArrayList<>();
        String n = nfc(f.sellerName());
        String a = nfc(f.sellerAddress());
        if (n.length() < 2 || n.length() > 400) {
            problems.add(Violation.of("sellerName", "einvoice.setting.name"));
        }
        String t = f.sellerTaxCode() == null ? "" : f.sellerTaxCode().strip();
        String taxProblem = TaxCode.problem(t);
        if (taxProblem != null) {
            problems.add(Violation.of("sellerTaxCode", taxProblem, "", t));
        }
        if (a.length() < 2 || a.length() > 400) {
            problems.add(Violation.of("sellerAddress", "einvoice.setting.address"));
        }
        String printedSeries = f.series() == null ? "" : f.series().strip();
        Optional<InvoiceSeries> series = InvoiceSeries.parse(printedSeries.toUpperCase(java.util.Locale.ROOT));
        if (series.isEmpty()) {
            problems.add(Violation.of("series", "einvoice.setting.series", printedSeries));
        }
        String rf = upper(f.receiptForm());
        String rs = upper(f.receiptSeries());
        if (!rf.isEmpty() || !rs.isEmpty()) {
            if (!ReceiptSeries.validForm(rf)) {
                problems.add(Violation.of("receiptForm", "einvoice.setting.receiptForm", rf));
            }
            if (!ReceiptSeries.validSeries(rs)) {
                problems.add(Violation.of("receiptSeries", "einvoice.setting.receiptSeries", rs));
            }
        }
        ProviderSetting provider = ProviderSetting.check(f, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        db.sql("""
                INSERT INTO einvoice_setting (market_id, seller_name, seller_tax_code, seller_address, form, series,
                                              receipt_form, receipt_series, mode, provider_base_url, provider_username,
                                              provider_secret_ref, provider_app_id, provider_template, updated_at,
                                              updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (market_id) DO UPDATE SET seller_name = EXCLUDED.seller_name,
                    seller_tax_code = EXCLUDED.seller_tax_code, seller_address = EXCLUDED.seller_address,
                    form = EXCLUDED.form, series = EXCLUDED.series, receipt_form = EXCLUDED.receipt_form,
                    receipt_series = EXCLUDED.receipt_series, mode = EXCLUDED.mode,
                    provider_base_url = EXCLUDED.provider_base_url, provider_username = EXCLUDED.provider_username,
                    provider_secret_ref = EXCLUDED.provider_secret_ref, provider_app_id = EXCLUDED.provider_app_id,
                    provider_template = EXCLUDED.provider_template, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by""")
                .params(marketId, n, t, a, series.get().form(), series.get().series(), rf.isEmpty() ? null : rf,
                        rs.isEmpty() ? null : rs, provider.mode(), provider.baseUrl(), provider.username(),
                        provider.secretRef(), provider.appId(), provider.template(), Timestamp.from(clock.instant()), by)
                .update();
        audit.record("EINVOICE_SETTING", "market", marketId, marketId, provinceCode, series.get().printed() + " "
                + (rf.isEmpty() ? "" : rf + " " + rs + " ") + t + " " + provider.mode());
    }

    /** Which document each charge type gets (charges missing from the map get an invoice). */
    Map<String, EInvoices.Kind> kinds(UUID marketId) {
        Map<String, EInvoices.Kind> kinds = new java.util.HashMap<>();
        db.sql("SELECT charge, kind FROM einvoice_charge_kind WHERE market_id = ?").param(marketId)
                .query((rs, n) -> kinds.put(rs.getString(1), EInvoices.Kind.valueOf(rs.getString(2)))).list();
        return kinds;
    }

    /**
     * Sets the document kind per charge type. A receipt needs the board's receipt form and series first (or its
     * paid bills would wait); a refused setting changes nothing.
     */
    @Transactional
    void saveKinds(UUID marketId, String provinceCode, List<String> charges, Map<String, String> asked, String by) {
        Map<String, EInvoices.Kind> kinds = new java.util.LinkedHashMap<>();
        List<Violation> problems = new ArrayList<>();
        for (String charge : charges) {
            String k = asked.getOrDefault("kind_" + charge, "INVOICE");
            if (!k.equals("INVOICE") && !k.equals("RECEIPT")) {
                problems.add(Violation.of("kind_" + charge, "einvoice.kinds.kind"));
                continue;
            }
            kinds.put(charge, EInvoices.Kind.valueOf(k));
        }
        boolean receipts = kinds.containsValue(EInvoices.Kind.RECEIPT);
        if (receipts && setting(marketId).map(Setting::receiptForm).isEmpty()) {
            problems.add(Violation.of("kinds", "einvoice.kinds.noReceiptSeries"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.from(clock.instant());
        kinds.forEach((charge, kind) -> db.sql("""
                INSERT INTO einvoice_charge_kind (market_id, charge, kind, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (market_id, charge) DO UPDATE SET kind = EXCLUDED.kind, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by""").params(marketId, charge, kind.name(), now, by).update());
        audit.record("EINVOICE_KINDS", "market", marketId, marketId, provinceCode, kinds.entrySet().stream()
                .filter(e -> e.getValue() == EInvoices.Kind.RECEIPT).map(Map.Entry::getKey).toList().toString());
    }

    private static String nfc(String s) {
        return s == null ? "" : java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
    }

    private static String upper(String s) {
        return s == null ? "" : s.strip().toUpperCase(java.util.Locale.ROOT);
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
