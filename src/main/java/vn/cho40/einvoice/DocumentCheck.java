package vn.cho40.einvoice;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.cho40.shared.AmountInWords;

/**
 * Checks an invoice file the way a careful buyer, an auditor or the tax office would: the structure, the form and
 * series, the tax codes, every line's amount, the totals, the amount in words and the seller's signature. Each
 * problem is a message key of the einvoice bundle with its arguments, so the CLI and the lookup page say it in the
 * reader's language.
 */
public final class DocumentCheck {

    /** One thing wrong: the message key and what it names (an element, a line number, the expected value). */
    public record Problem(String key, List<String> args) {
        Problem(String key, String... args) {
            this(key, List.of(args));
        }
    }

    public record Result(List<Problem> problems, X509Certificate signer) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private DocumentCheck() {
    }

    public static Result check(byte[] xml) {
        Document doc;
        try {
            doc = InvoiceXml.parse(xml);
        } catch (SAXException | IOException e) {
            return new Result(List.of(new Problem("einvoice.check.notXml")), null);
        }
        List<Problem> problems = new ArrayList<>();
        Element root = doc.getDocumentElement();
        var found = DocumentShape.ofRoot(root.getTagName());
        Element data = found.map(sh -> first(root, sh.data())).orElse(null);
        if (found.isEmpty() || data == null || !data.hasAttribute("Id")) {
            return new Result(List.of(new Problem("einvoice.check.notInvoice")), null);
        }
        DocumentShape shape = found.get();
        Element common = first(data, "TTChung");
        Element content = first(data, shape.content());
        String c = shape.content();
        for (String[] path : new String[][] {{"TTChung", "PBan"}, {"TTChung", shape.form()}, {"TTChung", shape.series()},
                {"TTChung", shape.number()}, {"TTChung", "NLap"}, {"TTChung", "DVTTe"}, {c, "NBan"},
                {c, "NMua"}, {c, "DSHHDVu"}, {c, "TToan"}}) {
            Element parent = first(data, path[0]);
            if (parent == null || first(parent, path[1]) == null) {
                problems.add(new Problem("einvoice.check.missing", path[0] + "/" + path[1]));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(problems, null);
        }
        String form = text(common, shape.form());
        String series = text(common, shape.series());
        if (shape.kind() == EInvoices.Kind.RECEIPT ? ReceiptSeries.parse(form, series).isEmpty()
                : InvoiceSeries.parse(form + series).isEmpty()) {
            problems.add(new Problem(shape.kind() == EInvoices.Kind.RECEIPT ? "einvoice.check.receiptSeries"
                    : "einvoice.check.series", form + (shape.kind() == EInvoices.Kind.RECEIPT ? " " : "") + series));
        }
        if (!text(common, shape.number()).matches("[1-9][0-9]{0,7}")) {
            problems.add(new Problem("einvoice.check.number", text(common, shape.number())));
        }
        boolean adjusting = related(problems, first(common, "TTHDLQuan"));
        checkTaxCode(problems, first(content, "NBan"), "NBan", true);
        checkTaxCode(problems, first(content, "NMua"), "NMua", false);
        long sum = 0;
        int stt = 0;
        Map<String, Integer> linesAtRate = new HashMap<>();
        for (Element line : children(first(content, "DSHHDVu"), "HHDVu")) {
            stt++;
            long amount = number(problems, line, "ThTien", stt);
            sum += amount;
            linesAtRate.merge(text(line, "TSuat"), 1, Integer::sum);
            String qty = text(line, "SLuong");
            String price = text(line, "DGia");
            if (!qty.isEmpty() && !price.isEmpty()) {
                try {
                    long expected = new BigDecimal(qty).multiply(new BigDecimal(price))
                            .setScale(0, RoundingMode.HALF_UP).longValueExact();
                    if (Math.abs(expected - amount) > 1) {
                        problems.add(new Problem("einvoice.check.lineAmount", String.valueOf(stt),
                                String.valueOf(amount), String.valueOf(expected)));
                    }
                } catch (ArithmeticException | NumberFormatException e) {
                    problems.add(new Problem("einvoice.check.notNumber", "HHDVu[" + stt + "]/SLuong,DGia"));
                }
            }
        }
        if (stt == 0) {
            problems.add(new Problem("einvoice.check.noLines"));
        }
        Element totals = first(content, "TToan");
        long beforeVat = number(problems, totals, "TgTCThue", 0);
        long vat = number(problems, totals, "TgTThue", 0);
        long total = number(problems, totals, "TgTTTBSo", 0);
        if (beforeVat != sum) {
            problems.add(new Problem("einvoice.check.totalBeforeVat", String.valueOf(beforeVat), String.valueOf(sum)));
        }
        Element rates = first(totals, "THTTLTSuat");
        if (rates != null) {
            long vatSum = 0;
            for (Element r : children(rates, "LTSuat")) {
                long expected = VatRates.vat(number(problems, r, "ThTien", 0), text(r, "TSuat"));
                long stated = number(problems, r, "TThue", 0);
                // VAT rounded line by line (a setting invoicing software offers, and how a market's bill is
                // reckoned) may differ from the rate's total by up to a đồng a line.
                if (Math.abs(expected - stated) > Math.max(0, linesAtRate.getOrDefault(text(r, "TSuat"), 0))) {
                    problems.add(new Problem("einvoice.check.vat", text(r, "TSuat"), String.valueOf(stated),
                            String.valueOf(expected)));
                }
                vatSum += stated;
            }
            if (vatSum != vat) {
                problems.add(new Problem("einvoice.check.totalVat", String.valueOf(vat), String.valueOf(vatSum)));
            }
        }
        if (total < 0 && !adjusting) {
            problems.add(new Problem("einvoice.check.negative", String.valueOf(total)));
        }
        if (total != beforeVat + vat) {
            problems.add(new Problem("einvoice.check.total", String.valueOf(total), String.valueOf(beforeVat + vat)));
        }
        String words = text(totals, "TgTTTBChu");
        if (!words.equals(AmountInWords.invoice(total, AmountInWords.Style.NORTHERN))
                && !words.equals(AmountInWords.invoice(total, AmountInWords.Style.SOUTHERN))) {
            problems.add(new Problem("einvoice.check.words", words,
                    AmountInWords.invoice(total, AmountInWords.Style.NORTHERN)));
        }
        XmlSignatures.Verdict signature = XmlSignatures.verify(doc);
        signature.problems().forEach(p -> problems.add(new Problem(p)));
        return new Result(problems, signature.certificate());
    }

    /**
     * Checks the reference to a corrected document, when there is one; true when this document adjusts another (it
     * alone may take an amount off).
     */
    private static boolean related(List<Problem> problems, Element rel) {
        if (rel == null) {
            return false;
        }
        String kind = text(rel, "TCHDon");
        if (!kind.equals("1") && !kind.equals("2")) {
            problems.add(new Problem("einvoice.check.relatedKind", kind));
        }
        for (String name : new String[] {"KHMSHDCLQuan", "KHHDCLQuan", "SHDCLQuan", "NLHDCLQuan"}) {
            if (text(rel, name).isEmpty()) {
                problems.add(new Problem("einvoice.check.missing", "TTHDLQuan/" + name));
            }
        }
        if (!text(rel, "SHDCLQuan").isEmpty() && !text(rel, "SHDCLQuan").matches("[1-9][0-9]{0,7}")) {
            problems.add(new Problem("einvoice.check.number", text(rel, "SHDCLQuan")));
        }
        return kind.equals("2");
    }

    private static void checkTaxCode(List<Problem> problems, Element party, String where, boolean required) {
        String code = text(party, "MST");
        if (code.isEmpty() && !required) {
            return;
        }
        String problem = TaxCode.problem(code);
        if (problem != null) {
            problems.add(new Problem(problem, where + "/MST", code));
        }
    }

    private static long number(List<Problem> problems, Element parent, String name, int line) {
        String t = text(parent, name);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            problems.add(new Problem("einvoice.check.notNumber", (line > 0 ? "HHDVu[" + line + "]/" : "") + name));
            return 0;
        }
    }

    static Element first(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && name.equals(e.getTagName())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = first(parent, name);
        return e == null ? "" : e.getTextContent().strip();
    }
}
