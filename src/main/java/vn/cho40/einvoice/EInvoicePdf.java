package vn.cho40.einvoice;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.w3c.dom.Node;
import vn.cho40.shared.VnFormats;
import vn.cho40.vietqr.QrImages;

/**
 * The printed copy of a signed document, drawn from the stored XML itself (what is printed is what was signed):
 * title, form and series, number and date, seller and buyer, the lines, totals per rate, the amount in words, who
 * signed, the lookup code with a QR to the public lookup page, and, for a document kept locally, that it has not
 * been sent to the tax authority. DejaVu is embedded so Vietnamese prints anywhere.
 */
final class EInvoicePdf {

    private EInvoicePdf() {
    }

    static byte[] render(byte[] xml, String lookupUrl, String signedBy, boolean sentToAuthority) {
        return render(xml, lookupUrl, signedBy, sentToAuthority, null, null);
    }

    /**
     * With {@code stateNote}: what happened to the document since (cancelled, replaced, adjusted), printed on top;
     * with {@code authorityCode}: the tax authority's code (MCCQT) once it accepted the document.
     */
    static byte[] render(byte[] xml, String lookupUrl, String signedBy, boolean sentToAuthority, String stateNote,
                         String authorityCode) {
        org.w3c.dom.Document x;
        try {
            x = InvoiceXml.parse(xml);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an invoice file", e);
        }
        DocumentShape shape = DocumentShape.ofRoot(x.getDocumentElement().getTagName())
                .orElseThrow(() -> new IllegalArgumentException("not an invoice or receipt file"));
        boolean receipt = shape.kind() == EInvoices.Kind.RECEIPT;
        var data = DocumentCheck.first(x.getDocumentElement(), shape.data());
        var common = DocumentCheck.first(data, "TTChung");
        var content = DocumentCheck.first(data, shape.content());
        var seller = DocumentCheck.first(content, "NBan");
        var buyer = DocumentCheck.first(content, "NMua");
        var totals = DocumentCheck.first(content, "TToan");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document(PageSize.A4, 40, 40, 36, 36);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.open();
            BaseFont regular = vn.cho40.shared.PdfFonts.regular();
            BaseFont boldFont = vn.cho40.shared.PdfFonts.bold();
            Font text = new Font(regular, 9);
            Font bold = new Font(boldFont, 9);
            if (stateNote != null) {
                Paragraph note = new Paragraph(stateNote, new Font(boldFont, 11));
                note.setAlignment(Element.ALIGN_CENTER);
                doc.add(note);
            }
            Paragraph title = new Paragraph(t(common, shape.title()).toUpperCase(java.util.Locale.ROOT), new Font(boldFont, 15));
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            LocalDate day = LocalDate.parse(t(common, "NLap"));
            Paragraph when = new Paragraph("Ngày " + day.getDayOfMonth() + " tháng " + day.getMonthValue() + " năm "
                    + day.getYear(), text);
            when.setAlignment(Element.ALIGN_CENTER);
            doc.add(when);
            Paragraph symbol = new Paragraph("Mẫu số: " + t(common, shape.form()) + " · Ký hiệu: " + t(common, shape.series())
                    + " · Số: " + t(common, shape.number()), bold);
            symbol.setAlignment(Element.ALIGN_CENTER);
            doc.add(symbol);
            var related = DocumentCheck.first(common, "TTHDLQuan");
            if (related != null) {
                // What the law asks a correcting document to say: which one it replaces or adjusts, and why.
                Paragraph ref = new Paragraph(("1".equals(t(related, "TCHDon")) ? "Thay thế cho" : "Điều chỉnh cho")
                        + (receipt ? " biên lai" : " hóa đơn") + " mẫu số " + t(related, "KHMSHDCLQuan") + " ký hiệu "
                        + t(related, "KHHDCLQuan") + " số " + t(related, "SHDCLQuan") + " ngày "
                        + VnFormats.date(LocalDate.parse(t(related, "NLHDCLQuan")))
                        + (t(related, "GChu").isEmpty() ? "" : ": " + t(related, "GChu")), text);
                ref.setAlignment(Element.ALIGN_CENTER);
                doc.add(ref);
            }
            doc.add(new Paragraph(" ", text));
            doc.add(new Paragraph((receipt ? "Đơn vị thu: " : "Đơn vị bán: ") + t(seller, "Ten"), bold));
            doc.add(new Paragraph("Mã số thuế: " + t(seller, "MST"), text));
            doc.add(new Paragraph("Địa chỉ: " + t(seller, "DChi"), text));
            doc.add(new Paragraph(" ", text));
            doc.add(new Paragraph((receipt ? "Người nộp: " : "Người mua: ") + t(buyer, "Ten"), bold));
            if (!t(buyer, "MST").isEmpty()) {
                doc.add(new Paragraph("Mã số thuế: " + t(buyer, "MST"), text));
            }
            if (!t(buyer, "DChi").isEmpty()) {
                doc.add(new Paragraph("Địa chỉ: " + t(buyer, "DChi"), text));
            }
            doc.add(new Paragraph("Hình thức thanh toán: " + t(common, "HTTToan") + " · Đồng tiền: " + t(common, "DVTTe"),
                    text));

            PdfPTable table = new PdfPTable(new float[] {5, 39, 9, 10, 13, 15, 9});
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            for (String h : new String[] {"STT", receipt ? "Tên loại phí, lệ phí" : "Tên hàng hóa, dịch vụ", "ĐVT",
                    "Số lượng", "Đơn giá", "Thành tiền", receipt ? "" : "Thuế suất"}) {
                table.addCell(cell(h, bold, Element.ALIGN_CENTER));
            }
            for (var line : children(DocumentCheck.first(content, "DSHHDVu"), "HHDVu")) {
                table.addCell(cell(t(line, "STT"), text, Element.ALIGN_CENTER));
                table.addCell(cell(t(line, "THHDVu"), text, Element.ALIGN_LEFT));
                table.addCell(cell(t(line, "DVTinh"), text, Element.ALIGN_CENTER));
                table.addCell(cell(t(line, "SLuong").replace('.', ','), text, Element.ALIGN_RIGHT));
                table.addCell(cell(money(t(line, "DGia")), text, Element.ALIGN_RIGHT));
                table.addCell(cell(money(t(line, "ThTien")), text, Element.ALIGN_RIGHT));
                // A line the XML gives no rate (a fee charged without VAT) reads as a dash, not a blank left to fill.
                table.addCell(cell(receipt || !t(line, "TSuat").isEmpty() ? t(line, "TSuat") : "—", text,
                        Element.ALIGN_CENTER));
            }
            doc.add(table);
            PdfPTable sums = new PdfPTable(new float[] {70, 30});
            sums.setWidthPercentage(100);
            var rates = DocumentCheck.first(totals, "THTTLTSuat");
            for (var r : children(rates, "LTSuat")) {
                sums.addCell(cell("Thuế suất " + t(r, "TSuat") + ": tiền chưa thuế " + money(t(r, "ThTien"))
                        + ", tiền thuế", text, Element.ALIGN_RIGHT));
                sums.addCell(cell(money(t(r, "TThue")), text, Element.ALIGN_RIGHT));
            }
            if (!receipt) {
                // A receipt states fees, which bear no VAT: only its total.
                sums.addCell(cell("Cộng tiền hàng, dịch vụ (chưa thuế)", text, Element.ALIGN_RIGHT));
                sums.addCell(cell(money(t(totals, "TgTCThue")), text, Element.ALIGN_RIGHT));
                sums.addCell(cell("Tiền thuế GTGT", text, Element.ALIGN_RIGHT));
                sums.addCell(cell(money(t(totals, "TgTThue")), text, Element.ALIGN_RIGHT));
            }
            sums.addCell(cell(receipt ? "Tổng số tiền phí, lệ phí" : "Tổng tiền thanh toán", bold, Element.ALIGN_RIGHT));
            sums.addCell(cell(money(t(totals, "TgTTTBSo")), bold, Element.ALIGN_RIGHT));
            doc.add(sums);
            doc.add(new Paragraph("Số tiền viết bằng chữ: " + t(totals, "TgTTTBChu"), bold));
            doc.add(new Paragraph(" ", text));
            doc.add(new Paragraph("Ký bởi: " + signedBy, text));
            if (authorityCode != null) {
                doc.add(new Paragraph("Mã của cơ quan thuế: " + authorityCode, bold));
            } else if (!sentToAuthority) {
                doc.add(new Paragraph("Hóa đơn do ban quản lý ký và công bố trên Chợ 4.0; chưa gửi cơ quan thuế.",
                        text));
            }
            String code = lookupCode(data);
            doc.add(new Paragraph("Mã tra cứu: " + code + " tại " + lookupUrl, bold));
            doc.add(qr(writer, lookupUrl + "?ma=" + code, 90));
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The QR drawn as filled squares, one rectangle per run of dark modules in a row, quiet zone included: no PNG
     * encoded and decoded again (about a millisecond of a document's six), and sharp at any zoom or printer.
     */
    private static Image qr(PdfWriter writer, String payload, float size) {
        BitMatrix m = QrImages.modules(payload);
        float unit = size / m.getWidth();
        PdfTemplate t = writer.getDirectContent().createTemplate(size, size);
        t.setGrayFill(0);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    int from = x;
                    while (x + 1 < m.getWidth() && m.get(x + 1, y)) {
                        x++;
                    }
                    t.rectangle(from * unit, size - (y + 1) * unit, (x - from + 1) * unit, unit);
                }
            }
        }
        t.fill();
        try {
            return Image.getInstance(t);
        } catch (org.openpdf.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    static String lookupCode(org.w3c.dom.Element data) {
        var other = DocumentCheck.first(data, "TTKhac");
        for (var info : children(other, "TTin")) {
            if ("MaTraCuu".equals(t(info, "TTruong"))) {
                return t(info, "DLieu");
            }
        }
        return "";
    }

    private static String money(String digits) {
        try {
            return VnFormats.groupThousands(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return digits;
        }
    }

    private static PdfPCell cell(String s, Font f, int align) {
        PdfPCell c = new PdfPCell(new Phrase(s, f));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        return c;
    }

    private static String t(org.w3c.dom.Element parent, String name) {
        var e = DocumentCheck.first(parent, name);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String name) {
        List<org.w3c.dom.Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof org.w3c.dom.Element e && name.equals(e.getTagName())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

}
