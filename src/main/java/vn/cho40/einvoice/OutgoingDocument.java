package vn.cho40.einvoice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A signed document as the providers' adapters map it, read back from the stored XML (what is sent is what was
 * signed): the idempotency key (the document's id), kind, form and series, number, date, seller and buyer, lines,
 * totals, the amount in words, and the document it replaces or adjusts.
 */
record OutgoingDocument(UUID key, EInvoices.Kind kind, String form, String series, long number, LocalDate issuedOn,
                        String paymentMethod, EDocument.Party seller, EDocument.Party buyer, List<EDocument.Line> lines,
                        long totalBeforeVat, long totalVat, long total, String totalInWords, EDocument.Related related,
                        Map<String, long[]> byRate) {

    static OutgoingDocument fromXml(UUID key, byte[] xml) {
        org.w3c.dom.Document doc;
        try {
            doc = InvoiceXml.parse(xml);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a document file", e);
        }
        DocumentShape shape = DocumentShape.ofRoot(doc.getDocumentElement().getTagName())
                .orElseThrow(() -> new IllegalArgumentException("neither an invoice nor a receipt"));
        Element data = DocumentCheck.first(doc.getDocumentElement(), shape.data());
        Element common = DocumentCheck.first(data, "TTChung");
        Element content = DocumentCheck.first(data, shape.content());
        Element totals = DocumentCheck.first(content, "TToan");
        List<EDocument.Line> lines = new ArrayList<>();
        for (Node n = DocumentCheck.first(content, "DSHHDVu").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element l && l.getTagName().equals("HHDVu")) {
                long qtyMilli = new java.math.BigDecimal(t(l, "SLuong")).movePointRight(3).longValueExact();
                lines.add(new EDocument.Line(t(l, "THHDVu"), t(l, "DVTinh"), qtyMilli, Long.parseLong(t(l, "DGia")),
                        Long.parseLong(t(l, "ThTien")), blank(t(l, "TSuat")), blank(t(l, "MHHDVu"))));
            }
        }
        // Amount before VAT and VAT per rate as the signed file states them (a bill's VAT is rounded line by line, so
        // they are not always the rate of the total).
        Map<String, long[]> byRate = new LinkedHashMap<>();
        Element rates = DocumentCheck.first(totals, "THTTLTSuat");
        for (Node n = rates == null ? null : rates.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element r && r.getTagName().equals("LTSuat")) {
                byRate.put(t(r, "TSuat"), new long[] {Long.parseLong(t(r, "ThTien")), Long.parseLong(t(r, "TThue"))});
            }
        }
        Element rel = DocumentCheck.first(common, "TTHDLQuan");
        EDocument.Related related = rel == null ? null : new EDocument.Related(
                "1".equals(t(rel, "TCHDon")) ? EDocument.Correction.REPLACE : EDocument.Correction.ADJUST,
                t(rel, "KHMSHDCLQuan"), t(rel, "KHHDCLQuan"), Long.parseLong(t(rel, "SHDCLQuan")),
                LocalDate.parse(t(rel, "NLHDCLQuan")), blank(t(rel, "GChu")));
        return new OutgoingDocument(key, shape.kind(), t(common, shape.form()), t(common, shape.series()),
                Long.parseLong(t(common, shape.number())), LocalDate.parse(t(common, "NLap")), t(common, "HTTToan"),
                party(DocumentCheck.first(content, "NBan")), party(DocumentCheck.first(content, "NMua")), lines,
                Long.parseLong(t(totals, "TgTCThue")), Long.parseLong(t(totals, "TgTThue")),
                Long.parseLong(t(totals, "TgTTTBSo")), t(totals, "TgTTTBChu"), related, byRate);
    }

    private static EDocument.Party party(Element e) {
        return new EDocument.Party(t(e, "Ten"), blank(t(e, "MST")), blank(t(e, "DChi")));
    }

    private static String t(Element parent, String name) {
        Element e = DocumentCheck.first(parent, name);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }
}
