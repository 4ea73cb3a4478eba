package vn.cho40.payment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.cho40.payment.InboundPayment.Direction;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/**
 * ISO 20022 camt.053 (bank-to-customer statement, versions .02 to .13; PROVIDERS.md §4): the first statement's
 * account, its booked opening (OPBD) and closing (CLBD) balances, and its booked (BOOK) entries. Elements are
 * found by local name, whatever the version's namespace. DOCTYPEs are refused (no XXE). Pure.
 */
final class Camt053 {

    private Camt053() {
    }

    static boolean looksLike(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 2048), java.nio.charset.StandardCharsets.UTF_8);
        return head.contains("camt.053") || head.contains("BkToCstmrStmt");
    }

    static Statement read(byte[] content) {
        Element stmt = first(parse(content).getDocumentElement(), "Stmt");
        if (stmt == null) {
            throw invalid("statement.camt.noStatement");
        }
        Element acct = first(stmt, "Acct");
        String account = acct == null ? null : text(first(acct, "Id"));
        Long opening = null;
        Long closing = null;
        for (Element bal : children(stmt, "Bal")) {
            String code = text(first(bal, "Cd"));
            long amount = signed(bal);
            if ("OPBD".equals(code) || ("PRCD".equals(code) && opening == null)) {
                opening = amount;
            } else if ("CLBD".equals(code)) {
                closing = amount;
            }
        }
        if (opening == null || closing == null) {
            throw invalid("statement.balance.missing");
        }
        List<Statement.Entry> entries = new ArrayList<>();
        int n = 0;
        for (Element ntry : children(stmt, "Ntry")) {
            n++;
            Element sts = first(ntry, "Sts");
            String status = sts == null ? "BOOK" : text(first(sts, "Cd") != null ? first(sts, "Cd") : sts);
            if (!"BOOK".equals(status)) {
                continue;
            }
            Element bookg = first(ntry, "BookgDt");
            LocalDate date = bookg == null ? null : date(text(first(bookg, "Dt") != null ? first(bookg, "Dt")
                    : first(bookg, "DtTm")));
            if (date == null) {
                throw new InvalidInputException(Violation.of("file", "statement.camt.entry", n));
            }
            Element amt = direct(ntry, "Amt");
            long amount = whole(amt, n);
            Direction direction = "DBIT".equals(text(direct(ntry, "CdtDbtInd"))) ? Direction.DEBIT : Direction.CREDIT;
            Element rmt = first(ntry, "RmtInf");
            Element dbtr = first(ntry, "Dbtr");
            String reference = text(direct(ntry, "AcctSvcrRef"));
            if (reference == null) {
                reference = text(first(ntry, "EndToEndId"));
            }
            entries.add(new Statement.Entry(n, date, reference, direction, amount,
                    rmt == null ? null : text(first(rmt, "Ustrd")), dbtr == null ? null : text(first(dbtr, "Nm")),
                    null));
        }
        if (entries.isEmpty()) {
            throw invalid("statement.empty");
        }
        return new Statement("CAMT053", account, entries.getFirst().bookedOn(), entries.getLast().bookedOn(), opening,
                closing, entries);
    }

    private static Document parse(byte[] content) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw invalid("statement.camt.unreadable");
        }
    }

    private static long signed(Element bal) {
        long amount = whole(first(bal, "Amt"), 0);
        return "DBIT".equals(text(first(bal, "CdtDbtInd"))) ? -amount : amount;
    }

    /** VND has no minor unit: "50000" or "50000.00" are whole đồng; "50000.5" is refused. */
    private static long whole(Element amt, int entry) {
        try {
            BigDecimal v = new BigDecimal(text(amt));
            if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
                throw new InvalidInputException(Violation.of("file", "statement.camt.entry", entry));
            }
            return v.longValueExact();
        } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
            throw new InvalidInputException(Violation.of("file", "statement.camt.entry", entry));
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static InvalidInputException invalid(String key) {
        return new InvalidInputException(Violation.of("file", key));
    }

    /** The first descendant with this local name, depth first. */
    private static Element first(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        var list = parent.getElementsByTagNameNS("*", name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static Element direct(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }
}
