package vn.cho40.einvoice;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Viettel SInvoice, in the request shapes production integrations use (WAVE2_RESEARCH.md §3.2, after Odoo's
 * {@code l10n_vn_edi_viettel}): {@code POST {base}/auth/login} with {@code {username, password}} answers an
 * {@code access_token}, sent back as a cookie; {@code createInvoice/{sellerTaxCode}} takes {@code generalInvoiceInfo}
 * (with {@code transactionUuid}, the idempotency key: resent within 3 days it answers the same invoice),
 * {@code sellerInfo}, {@code buyerInfo}, {@code payments}, {@code itemInfo}, {@code taxBreakdowns},
 * {@code summarizeInfo}, and answers {@code {errorCode, description, result{invoiceNo, transactionID,
 * reservationCode}}}; errors come as {@code errorCode}/{@code description} or {@code code}/{@code data}/{@code error}.
 * After a timeout, a 5xx or a duplicate answer the adapter looks the key up ({@code searchInvoiceByTransactionUuid},
 * a form) before it reports a failure.
 */
final class ViettelSInvoice implements EInvoiceProvider {

    static final String API = "/services/einvoiceapplication/api/InvoiceAPI/InvoiceWS/";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ProviderHttp http;

    ViettelSInvoice(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public String mode() {
        return "VIETTEL";
    }

    @Override
    public Sent send(OutgoingDocument d, Account a) throws ProviderException {
        String cookie = "access_token=" + login(a);
        ProviderHttp.Answer answer;
        try {
            answer = http.postJson(a.baseUrl() + API + "createInvoice/" + a.sellerTaxCode(), body(d, a),
                    Map.of("Cookie", cookie));
        } catch (IOException e) {
            // It may have been created before the line dropped: ask for it under its key before trying again.
            return lookUp(d, a, cookie).orElseThrow(() -> new ProviderException(Failure.UNAVAILABLE, e.toString()));
        }
        String error = error(answer.body());
        if (answer.status() == 401 || answer.status() == 403) {
            throw new ProviderException(Failure.AUTH, error.isEmpty() ? "HTTP " + answer.status() : error);
        }
        if (answer.serverError() || error.toUpperCase(java.util.Locale.ROOT).contains("DUPLICATE")
                || error.contains("đã tồn tại")) {
            var existing = lookUp(d, a, cookie);
            if (existing.isPresent()) {
                return existing.get();
            }
            throw new ProviderException(answer.serverError() ? Failure.UNAVAILABLE : Failure.REFUSED,
                    error.isEmpty() ? "HTTP " + answer.status() : error);
        }
        if (!error.isEmpty() || answer.status() >= 400) {
            throw new ProviderException(Failure.REFUSED, error.isEmpty() ? "HTTP " + answer.status() : error);
        }
        JsonNode result = answer.body().path("result");
        return new Sent(ProviderHttp.text(result, "reservationCode"), ProviderHttp.text(result, "invoiceNo"));
    }

    private String login(Account a) throws ProviderException {
        ProviderHttp.Answer answer;
        try {
            answer = http.postJson(a.baseUrl() + "/auth/login", Map.of("username", a.username(), "password",
                    a.secret()), Map.of());
        } catch (IOException e) {
            throw new ProviderException(Failure.UNAVAILABLE, e.toString());
        }
        String token = ProviderHttp.text(answer.body(), "access_token");
        if (answer.serverError()) {
            throw new ProviderException(Failure.UNAVAILABLE, "HTTP " + answer.status());
        }
        if (token.isEmpty() || !error(answer.body()).isEmpty()) {
            throw new ProviderException(Failure.AUTH, error(answer.body()));
        }
        return token;
    }

    /** The invoice already made under this document's key, if any. */
    private java.util.Optional<Sent> lookUp(OutgoingDocument d, Account a, String cookie) {
        try {
            return search(d.key(), a, cookie).filter(first -> !ProviderHttp.text(first, "invoiceNo").isEmpty())
                    .map(first -> new Sent(ProviderHttp.text(first, "reservationCode"),
                            ProviderHttp.text(first, "invoiceNo")));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The authority's answer as Viettel's search by key reports it (its guide §7.21): {@code codeOfTax}, the code the
     * authority gave; {@code exchangeDes}, what went wrong in the exchange with it (a refusal); neither, not yet.
     */
    @Override
    public Verdict verdict(java.util.UUID key, Account a) throws ProviderException {
        String cookie = "access_token=" + login(a);
        java.util.Optional<JsonNode> found;
        try {
            found = search(key, a, cookie);
        } catch (IOException e) {
            throw new ProviderException(Failure.UNAVAILABLE, e.toString());
        }
        if (found.isEmpty()) {
            return Verdict.PENDING;
        }
        String code = ProviderHttp.text(found.get(), "codeOfTax");
        String refusal = ProviderHttp.text(found.get(), "exchangeDes");
        return !code.isEmpty() ? Verdict.accepted(code) : !refusal.isEmpty() ? Verdict.refused(refusal) : Verdict.PENDING;
    }

    /** The first invoice Viettel holds under the key ({@code searchInvoiceByTransactionUuid}, a form), if any. */
    private java.util.Optional<JsonNode> search(java.util.UUID key, Account a, String cookie) throws IOException {
        ProviderHttp.Answer answer = http.postForm(a.baseUrl() + API + "searchInvoiceByTransactionUuid",
                Map.of("supplierTaxCode", a.sellerTaxCode(), "transactionUuid", key.toString()),
                Map.of("Cookie", cookie));
        if (answer.serverError()) {
            throw new IOException("HTTP " + answer.status());
        }
        JsonNode result = answer.body().path("result");
        return answer.status() == 200 && result.isArray() && !result.isEmpty() ? java.util.Optional.of(result.get(0))
                : java.util.Optional.empty();
    }

    /** Viettel answers errors in two shapes: {@code errorCode/description}, or {@code code/data} and {@code error}. */
    static String error(JsonNode body) {
        for (String[] pair : new String[][] {{"errorCode", "description"}, {"code", "data"}, {"error", "error"}}) {
            String code = ProviderHttp.text(body, pair[0]);
            if (!code.isEmpty() && !code.equals("0") && !code.equals("200")) {
                String text = ProviderHttp.text(body, pair[1]);
                return code.equals(text) || text.isEmpty() ? code : code + ": " + text;
            }
        }
        return "";
    }

    static Map<String, Object> body(OutgoingDocument d, Account a) {
        Map<String, Object> general = new LinkedHashMap<>();
        general.put("invoiceType", d.kind() == EInvoices.Kind.RECEIPT ? "BL" : d.form());
        general.put("templateCode", a.template());
        general.put("invoiceSeries", d.series());
        general.put("invoiceIssuedDate", d.issuedOn().atStartOfDay(VIETNAM).toInstant().toEpochMilli());
        general.put("currencyCode", "VND");
        general.put("exchangeRate", 1);
        // Viettel's adjustmentType: 1 an original, 3 a replacement, 5 an adjustment (with adjustmentInvoiceType 1, of
        // money: ours change amounts). The original is named as Viettel knows it: its invoiceNo (series and number,
        // e.g. K21DTT4), issue date in epoch ms and template; adjustedNote is the error's reason (Viettel's guide
        // §7.2/7.30, Odoo's l10n_vn_edi_viettel).
        general.put("adjustmentType", d.related() == null ? "1"
                : d.related().correction() == EDocument.Correction.REPLACE ? "3" : "5");
        if (d.related() != null) {
            if (d.related().correction() == EDocument.Correction.ADJUST) {
                general.put("adjustmentInvoiceType", "1");
            }
            general.put("originalInvoiceId", d.related().series() + d.related().number());
            general.put("originalInvoiceIssueDate",
                    d.related().issuedOn().atStartOfDay(VIETNAM).toInstant().toEpochMilli());
            general.put("originalTemplateCode", a.template());
            general.put("adjustedNote", d.related().note());
            general.put("additionalReferenceDesc", d.related().note());
        }
        general.put("paymentStatus", true);
        general.put("cusGetInvoiceRight", true);
        general.put("transactionUuid", d.key().toString());
        List<Map<String, Object>> items = new ArrayList<>();
        int n = 1;
        for (EDocument.Line l : d.lines()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("lineNumber", n++);
            item.put("selection", 1);
            item.put("itemCode", l.code());
            item.put("itemName", l.name());
            item.put("unitName", l.unit());
            item.put("quantity", java.math.BigDecimal.valueOf(l.quantityMilli(), 3).stripTrailingZeros());
            item.put("unitPrice", l.unitPriceVnd());
            item.put("itemTotalAmountWithoutTax", l.amountVnd());
            item.put("taxPercentage", percent(l.vatRate()));
            item.put("taxAmount", l.vatRate() == null ? 0 : VatRates.vat(l.amountVnd(), l.vatRate()));
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generalInvoiceInfo", general);
        Map<String, Object> seller = new LinkedHashMap<>();
        seller.put("sellerLegalName", d.seller().name());
        seller.put("sellerTaxCode", a.sellerTaxCode());
        seller.put("sellerAddressLine", d.seller().address());
        body.put("sellerInfo", seller);
        Map<String, Object> buyer = new LinkedHashMap<>();
        buyer.put("buyerName", d.buyer().name());
        buyer.put("buyerTaxCode", d.buyer().taxCode());
        buyer.put("buyerAddressLine", d.buyer().address());
        body.put("buyerInfo", buyer);
        body.put("payments", List.of(Map.of("paymentMethodName", d.paymentMethod())));
        body.put("itemInfo", items);
        body.put("taxBreakdowns", taxBreakdowns(d));
        body.put("summarizeInfo", Map.of("totalAmountWithoutTax", d.totalBeforeVat(), "totalTaxAmount", d.totalVat(),
                "totalAmountWithTax", d.total(), "totalAmountWithTaxInWords", d.totalInWords(), "discountAmount", 0));
        return body;
    }

    private static List<Map<String, Object>> taxBreakdowns(OutgoingDocument d) {
        List<Map<String, Object>> out = new ArrayList<>();
        d.byRate().forEach((rate, a) -> out.add(Map.of("taxPercentage", percent(rate), "taxableAmount", a[0],
                "taxAmount", a[1])));
        return out;
    }

    /** Viettel's tax percentage: the rate's number, -1 for not subject to VAT (KCT), -2 for not declared. */
    static Object percent(String rate) {
        if (rate == null || rate.equals("KCT")) {
            return -1;
        }
        if (rate.equals("KKKNT")) {
            return -2;
        }
        return java.math.BigDecimal.valueOf(VatRates.basisPoints(rate), 2).stripTrailingZeros();
    }
}
