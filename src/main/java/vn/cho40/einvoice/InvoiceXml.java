package vn.cho40.einvoice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import vn.cho40.shared.AmountInWords;

/**
 * An {@link EDocument} in the tax authority's invoice structure (a receipt in the same shape, see
 * {@link DocumentShape}): {@code HDon} › {@code DLHDon Id="data"}
 * ({@code TTChung}, {@code NDHDon} with {@code NBan}, {@code NMua}, {@code DSHHDVu}, {@code TToan}, then
 * {@code TTKhac} with the lookup code) › {@code DSCKS/NBan}, where the seller's signature goes. Parsing refuses
 * document type declarations: an invoice file comes from outside and must not reach for other files.
 */
public final class InvoiceXml {

    /** The {@code Id} of the signed block, referenced by the signature as {@code #data}. */
    public static final String DATA_ID = "data";

    private InvoiceXml() {
    }

    public static Document build(EDocument d) {
        DocumentShape shape = DocumentShape.of(d.kind());
        Document doc = newBuilder().newDocument();
        Element hdon = doc.createElementNS(null, shape.root());
        doc.appendChild(hdon);
        Element data = child(hdon, shape.data());
        data.setAttribute("Id", DATA_ID);
        data.setIdAttribute("Id", true);

        Element tt = child(data, "TTChung");
        text(tt, "PBan", EDocument.FORMAT_VERSION);
        text(tt, shape.title(), d.title());
        text(tt, shape.form(), d.series().formText());
        text(tt, shape.series(), d.series().seriesText());
        text(tt, shape.number(), String.valueOf(d.number()));
        text(tt, "NLap", d.issuedOn().toString());
        text(tt, "DVTTe", "VND");
        text(tt, "TGia", "1");
        text(tt, "HTTToan", d.paymentMethod());
        if (d.related() != null) {
            // The document this one replaces (TCHDon 1) or adjusts (2); LHDCLQuan 1: one issued under Decree 123.
            EDocument.Related r = d.related();
            Element rel = child(tt, "TTHDLQuan");
            text(rel, "TCHDon", String.valueOf(r.correction().code));
            text(rel, "LHDCLQuan", "1");
            text(rel, "KHMSHDCLQuan", r.form());
            text(rel, "KHHDCLQuan", r.series());
            text(rel, "SHDCLQuan", String.valueOf(r.number()));
            text(rel, "NLHDCLQuan", r.issuedOn().toString());
            if (r.note() != null && !r.note().isBlank()) {
                text(rel, "GChu", r.note());
            }
        }

        Element content = child(data, shape.content());
        party(child(content, "NBan"), d.seller());
        party(child(content, "NMua"), d.buyer());
        Element items = child(content, "DSHHDVu");
        int stt = 1;
        for (EDocument.Line l : d.lines()) {
            Element item = child(items, "HHDVu");
            text(item, "TChat", "1");
            text(item, "STT", String.valueOf(stt++));
            if (l.code() != null) {
                text(item, "MHHDVu", l.code());
            }
            text(item, "THHDVu", l.name());
            text(item, "DVTinh", l.unit());
            text(item, "SLuong", BigDecimal.valueOf(l.quantityMilli(), 3).stripTrailingZeros().toPlainString());
            text(item, "DGia", String.valueOf(l.unitPriceVnd()));
            text(item, "ThTien", String.valueOf(l.amountVnd()));
            if (l.vatRate() != null) {
                text(item, "TSuat", l.vatRate());
            }
        }
        Element totals = child(content, "TToan");
        Map<String, long[]> byRate = d.byRate();
        if (!byRate.isEmpty()) {
            Element rates = child(totals, "THTTLTSuat");
            byRate.forEach((rate, a) -> {
                Element r = child(rates, "LTSuat");
                text(r, "TSuat", rate);
                text(r, "ThTien", String.valueOf(a[0]));
                text(r, "TThue", String.valueOf(a[1]));
            });
        }
        text(totals, "TgTCThue", String.valueOf(d.totalBeforeVat()));
        text(totals, "TgTThue", String.valueOf(d.totalVat()));
        text(totals, "TgTTTBSo", String.valueOf(d.total()));
        text(totals, "TgTTTBChu", AmountInWords.invoice(d.total(), AmountInWords.Style.NORTHERN));

        if (d.lookupCode() != null) {
            Element other = child(data, "TTKhac");
            Element info = child(other, "TTin");
            text(info, "TTruong", "MaTraCuu");
            text(info, "KDLieu", "string");
            text(info, "DLieu", d.lookupCode());
        }
        child(child(hdon, "DSCKS"), "NBan");
        return doc;
    }

    public static byte[] bytes(Document doc) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not write the invoice XML", e);
        }
    }

    /** Reads an invoice file, its {@code DLHDon Id} registered for the signature; no DTD, no external entities. */
    public static Document parse(byte[] xml) throws SAXException, IOException {
        Document doc = newBuilder().parse(new ByteArrayInputStream(xml));
        registerDataId(doc);
        return doc;
    }

    /** Marks the signed block's {@code Id} (of {@code DLHDon} or {@code DLBLai}) as an ID for the signature. */
    static void registerDataId(Document doc) {
        var shape = DocumentShape.ofRoot(doc.getDocumentElement().getTagName());
        if (shape.isPresent()) {
            Element data = DocumentCheck.first(doc.getDocumentElement(), shape.get().data());
            if (data != null && data.hasAttribute("Id")) {
                data.setIdAttribute("Id", true);
            }
        }
    }

    public static String string(Document doc) {
        return new String(bytes(doc), StandardCharsets.UTF_8);
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void party(Element e, EDocument.Party p) {
        text(e, "Ten", p.name());
        if (p.taxCode() != null && !p.taxCode().isBlank()) {
            text(e, "MST", p.taxCode());
        }
        if (p.address() != null && !p.address().isBlank()) {
            text(e, "DChi", p.address());
        }
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(null, name);
        parent.appendChild(e);
        return e;
    }

    private static void text(Element parent, String name, String value) {
        child(parent, name).setTextContent(value);
    }
}
