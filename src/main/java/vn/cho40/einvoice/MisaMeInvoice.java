package vn.cho40.einvoice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * MISA meInvoice, in the shapes of its integration API v3 as the research found them (WAVE2_RESEARCH.md §3.2, from
 * the community SDK "MisaConnect" and its copies of MISA's reference): {@code POST {base}/auth/token} with
 * {@code {appid, taxcode, username, password}} answers {@code {Success, Data: token, ErrorCode}}; then
 * {@code Authorization: Bearer …} and {@code CompanyTaxCode}; {@code POST {base}/code/itg/invoicepublishing} takes
 * {@code {SignType, InvoiceData: [{RefID, InvSeries, InvDate, …, OriginalInvoiceDetail, TaxRateInfo}]}} and answers
 * {@code {Success, ErrorCode, Errors, Data}} where {@code Data} is a JSON string of one result per invoice
 * ({@code RefID, TransactionID, InvNo, ErrorCode}). {@code RefID} is the idempotency key: a duplicate answer
 * ({@code DuplicateInvoiceRefID}), a timeout or a 5xx is followed by a look-up by RefID
 * ({@code /code/itg/invoicepublished/invoicestatus}). MISA's paths differ per contract: the board's base URL
 * carries whatever prefix its contract has.
 */
final class MisaMeInvoice implements EInvoiceProvider {

    static final String PUBLISH = "/code/itg/invoicepublishing";
    static final String STATUS = "/code/itg/invoicepublished/invoicestatus?inputType=1";

    private final ProviderHttp http;

    MisaMeInvoice(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public String mode() {
        return "MISA";
    }

    @Override
    public Sent send(OutgoingDocument d, Account a) throws ProviderException {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token(a), "CompanyTaxCode", a.sellerTaxCode());
        ProviderHttp.Answer answer;
        try {
            answer = http.postJson(a.baseUrl() + PUBLISH, Map.of("SignType", 2, "InvoiceData", List.of(invoice(d))),
                    headers);
        } catch (IOException e) {
            return lookUp(d, a, headers).orElseThrow(() -> new ProviderException(Failure.UNAVAILABLE, e.toString()));
        }
        if (answer.status() == 401) {
            throw new ProviderException(Failure.AUTH, "HTTP 401");
        }
        String code = ProviderHttp.text(answer.body(), "ErrorCode");
        if (code.equals("InvalidTokenCode") || code.equals("TokenExpiredCode")) {
            throw new ProviderException(Failure.AUTH, code);
        }
        JsonNode result = first(answer.body());
        String itemCode = ProviderHttp.text(result, "ErrorCode");
        if (answer.serverError() || itemCode.equals("DuplicateInvoiceRefID") || code.equals("DuplicateInvoiceRefID")) {
            Optional<Sent> existing = lookUp(d, a, headers);
            if (existing.isPresent()) {
                return existing.get();
            }
            throw new ProviderException(answer.serverError() ? Failure.UNAVAILABLE : Failure.REFUSED,
                    answer.serverError() ? "HTTP " + answer.status() : "DuplicateInvoiceRefID");
        }
        if (!answer.body().path("Success").asBoolean(false) || !itemCode.isEmpty() || result == null) {
            throw new ProviderException(Failure.REFUSED, describe(answer.body(), code, itemCode));
        }
        return new Sent(ProviderHttp.text(result, "TransactionID"), ProviderHttp.text(result, "InvNo"));
    }

    private String token(Account a) throws ProviderException {
        ProviderHttp.Answer answer;
        try {
            answer = http.postJson(a.baseUrl() + "/auth/token", Map.of("appid", a.appId(), "taxcode",
                    a.sellerTaxCode(), "username", a.username(), "password", a.secret()), Map.of());
        } catch (IOException e) {
            throw new ProviderException(Failure.UNAVAILABLE, e.toString());
        }
        if (answer.serverError()) {
            throw new ProviderException(Failure.UNAVAILABLE, "HTTP " + answer.status());
        }
        String token = ProviderHttp.text(answer.body(), "Data");
        if (!answer.body().path("Success").asBoolean(false) || token.isEmpty()) {
            throw new ProviderException(Failure.AUTH, ProviderHttp.text(answer.body(), "ErrorCode"));
        }
        return token;
    }

    private Optional<Sent> lookUp(OutgoingDocument d, Account a, Map<String, String> headers) {
        try {
            return status(d.key(), a, headers).filter(r -> !ProviderHttp.text(r, "InvNo").isEmpty())
                    .map(r -> new Sent(ProviderHttp.text(r, "TransactionID"), ProviderHttp.text(r, "InvNo")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The authority's answer in MISA's status of the RefID: {@code SendTaxStatus} 2 with {@code InvoiceCode} (the
     * MCCQT), 3 refused; 0, 1 (not finished, sending) and 4 (MISA's own send to the authority failed; MISA sends
     * again) are not an answer yet. These names come from public MISA integrations, not from the research: MISA
     * names no refusal reason field there, so the reason is its {@code ErrorCode} when it gives one.
     */
    @Override
    public Verdict verdict(java.util.UUID key, Account a) throws ProviderException {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token(a), "CompanyTaxCode", a.sellerTaxCode());
        Optional<JsonNode> found;
        try {
            found = status(key, a, headers);
        } catch (IOException e) {
            throw new ProviderException(Failure.UNAVAILABLE, e.toString());
        }
        if (found.isEmpty()) {
            return Verdict.PENDING;
        }
        String taxStatus = ProviderHttp.text(found.get(), "SendTaxStatus");
        String code = ProviderHttp.text(found.get(), "InvoiceCode");
        if (taxStatus.equals("2") && !code.isEmpty()) {
            return Verdict.accepted(code);
        }
        if (taxStatus.equals("3")) {
            String why = ProviderHttp.text(found.get(), "ErrorCode");
            return Verdict.refused(why.isEmpty() ? "SendTaxStatus 3" : why);
        }
        return Verdict.PENDING;
    }

    /** What MISA holds under the RefID ({@code invoicestatus}), if anything. */
    private Optional<JsonNode> status(java.util.UUID key, Account a, Map<String, String> headers) throws IOException {
        ProviderHttp.Answer answer = http.postJson(a.baseUrl() + STATUS, List.of(key.toString()), headers);
        if (answer.serverError()) {
            throw new IOException("HTTP " + answer.status());
        }
        return answer.status() == 200 ? Optional.ofNullable(first(answer.body())) : Optional.empty();
    }

    /** The first per-invoice result: {@code Data} is a JSON array, often sent as a string holding one. */
    private static JsonNode first(JsonNode body) {
        JsonNode data = body.path("Data");
        if (data.isString()) {
            try {
                data = ProviderHttp.JSON.readTree(data.asString());
            } catch (RuntimeException e) {
                return null;
            }
        }
        return data.isArray() && !data.isEmpty() ? data.get(0) : null;
    }

    private static String describe(JsonNode body, String code, String itemCode) {
        List<String> parts = new ArrayList<>();
        for (String c : new String[] {code, itemCode}) {
            if (!c.isEmpty()) {
                parts.add(c);
            }
        }
        JsonNode errors = body.path("Errors");
        if (errors.isArray()) {
            errors.forEach(e -> parts.add(e.asString()));
        }
        return parts.isEmpty() ? "Success=false" : String.join("; ", parts);
    }

    static Map<String, Object> invoice(OutgoingDocument d) {
        Map<String, Object> inv = new LinkedHashMap<>();
        inv.put("RefID", d.key().toString());
        inv.put("InvSeries", d.form() + d.series());
        inv.put("InvDate", d.issuedOn().toString());
        inv.put("CurrencyCode", "VND");
        inv.put("ExchangeRate", 1);
        inv.put("PaymentMethodName", d.paymentMethod());
        inv.put("BuyerLegalName", d.buyer().name());
        inv.put("BuyerTaxCode", d.buyer().taxCode());
        inv.put("BuyerAddress", d.buyer().address());
        inv.put("TotalSaleAmountOC", d.totalBeforeVat());
        inv.put("TotalVATAmountOC", d.totalVat());
        inv.put("TotalAmountOC", d.total());
        inv.put("TotalAmountInWords", d.totalInWords());
        if (d.related() != null) {
            // ReferenceType 1: replaces, 2: adjusts, and InvoiceNote, as a public MISA integration's model has them
            // ("Tính chất hóa đơn (1: thay thế; 2: điều chỉnh)"). How the original is named is in no source found
            // (WAVE2_RESEARCH §3.2 only says MISA has replacement and adjustment): the OrgInv* names below are
            // unconfirmed, to check against the board's MISA contract before a correction goes through MISA.
            inv.put("ReferenceType", d.related().correction() == EDocument.Correction.REPLACE ? 1 : 2);
            inv.put("OrgInvTemplateNo", d.related().form());
            inv.put("OrgInvSeries", d.related().series());
            inv.put("OrgInvNo", String.valueOf(d.related().number()));
            inv.put("OrgInvDate", d.related().issuedOn().toString());
            inv.put("InvoiceNote", d.related().note());
        }
        List<Map<String, Object>> details = new ArrayList<>();
        int n = 1;
        for (EDocument.Line l : d.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("ItemType", 1);
            line.put("SortOrder", n);
            line.put("LineNumber", n++);
            line.put("ItemCode", l.code());
            line.put("ItemName", l.name());
            line.put("UnitName", l.unit());
            line.put("Quantity", java.math.BigDecimal.valueOf(l.quantityMilli(), 3).stripTrailingZeros());
            line.put("UnitPrice", l.unitPriceVnd());
            line.put("AmountOC", l.amountVnd());
            line.put("VATRateName", l.vatRate() == null ? "KCT" : l.vatRate());
            line.put("VATAmountOC", l.vatRate() == null ? 0 : VatRates.vat(l.amountVnd(), l.vatRate()));
            details.add(line);
        }
        inv.put("OriginalInvoiceDetail", details);
        // Per rate as the signed file states it; lines without a rate go under KCT with no VAT.
        Map<String, long[]> byRate = new LinkedHashMap<>();
        d.byRate().forEach((rate, a) -> byRate.put(rate, a.clone()));
        d.lines().stream().filter(l -> l.vatRate() == null)
                .forEach(l -> byRate.computeIfAbsent("KCT", r -> new long[2])[0] += l.amountVnd());
        List<Map<String, Object>> rates = new ArrayList<>();
        byRate.forEach((rate, a) -> rates.add(Map.of("VATRateName", rate, "AmountWithoutVATOC", a[0],
                "VATAmountOC", rate.equals("KCT") ? 0 : a[1])));
        inv.put("TaxRateInfo", rates);
        return inv;
    }
}
