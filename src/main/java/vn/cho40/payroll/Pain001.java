package vn.cho40.payroll;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.cho40.bank.BankDirectory;
import vn.cho40.shared.SearchText;

/**
 * A run's transfers as an ISO 20022 customer credit-transfer initiation, {@code pain.001.001.09}, for the banks and
 * wallets that take it (WAVE2_RESEARCH §1.2 found none that offer it to small customers yet, so the layouts of
 * BankFile stay the main path). One payment instruction per file: the board's paying account is the debtor, one
 * transaction per line, each with the line's reference as EndToEndId and at the start of the remittance text, so the
 * statement matching (SalaryDebits) finds it whichever field the bank echoes.
 *
 * <p>Amounts are whole đồng with {@code Ccy="VND"} (the currency has no minor unit). Banks are named by their NAPAS
 * BIN as a clearing-system member ({@code ClrSysId/Prtry = NAPAS}): the NAPAS list has no BIC, so none is written.
 * Names and texts are upper case without diacritics, as the bank layouts write them. Built with the JDK's DOM, never
 * by concatenating strings; the test validates the output against the official schema.
 */
public final class Pain001 {

    public static final String CODE = "ISO20022_PAIN001";
    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private static final String CLEARING_SYSTEM = "NAPAS";

    private Pain001() {
    }

    /**
     * Who pays and when: the message id (unique per file, at most 35 characters), the moment the file is made, the
     * board (initiating party and debtor), its paying account and bank BIN, and the requested execution day.
     */
    public record Debtor(String messageId, OffsetDateTime createdAt, String boardName, String accountNo, String bankBin,
                        LocalDate executionDate) {
        public Debtor {
            if (messageId == null || messageId.isBlank() || messageId.length() > 35) {
                throw new IllegalArgumentException("a pain.001 message id has 1 to 35 characters: " + messageId);
            }
            if (accountNo == null || !accountNo.matches("[0-9A-Za-z]{4,34}")) {
                throw new IllegalArgumentException("the board's paying account is needed for a pain.001 file");
            }
        }
    }

    public static BankFile.Written write(Debtor debtor, YearMonth period, String marketCode,
                                         List<BankFile.Transfer> transfers) {
        if (transfers.isEmpty()) {
            throw new IllegalArgumentException("a pain.001 file needs at least one transfer");
        }
        long total = 0;
        for (BankFile.Transfer t : transfers) {
            total = Math.addExact(total, t.amountVnd());
        }
        Document doc = newDocument();
        Element root = doc.createElementNS(NAMESPACE, "Document");
        doc.appendChild(root);
        Element initiation = add(root, "CstmrCdtTrfInitn");
        Element header = add(initiation, "GrpHdr");
        add(header, "MsgId", debtor.messageId());
        add(header, "CreDtTm", debtor.createdAt().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        add(header, "NbOfTxs", String.valueOf(transfers.size()));
        add(header, "CtrlSum", String.valueOf(total));
        add(add(header, "InitgPty"), "Nm", text(debtor.boardName(), 140));

        Element payment = add(initiation, "PmtInf");
        add(payment, "PmtInfId", debtor.messageId());
        add(payment, "PmtMtd", "TRF");
        add(payment, "BtchBookg", "false"); // one debit per person: the statement then shows each salary
        add(payment, "NbOfTxs", String.valueOf(transfers.size()));
        add(payment, "CtrlSum", String.valueOf(total));
        add(add(add(payment, "PmtTpInf"), "CtgyPurp"), "Cd", "SALA");
        add(add(payment, "ReqdExctnDt"), "Dt", debtor.executionDate().toString());
        add(add(payment, "Dbtr"), "Nm", text(debtor.boardName(), 140));
        account(add(payment, "DbtrAcct"), debtor.accountNo());
        agent(add(payment, "DbtrAgt"), debtor.bankBin());
        add(payment, "ChrgBr", "DEBT");
        Map<String, String> shortNames = BankDirectory.shipped().shortNames();
        for (BankFile.Transfer t : transfers) {
            Element tx = add(payment, "CdtTrfTxInf");
            Element id = add(tx, "PmtId");
            add(id, "InstrId", t.ref());
            add(id, "EndToEndId", t.ref());
            Element amount = add(add(tx, "Amt"), "InstdAmt", String.valueOf(t.amountVnd()));
            amount.setAttribute("Ccy", "VND");
            Element creditorAgent = add(tx, "CdtrAgt");
            agent(creditorAgent, t.bin());
            String bankName = shortNames.get(t.bin());
            if (bankName != null) {
                add((Element) creditorAgent.getFirstChild(), "Nm", text(bankName, 140));
            }
            add(add(tx, "Cdtr"), "Nm", text(t.name(), 140));
            account(add(tx, "CdtrAcct"), t.account());
            add(add(tx, "RmtInf"), "Ustrd", BankFile.content(t.ref(), period, 140));
        }
        byte[] bytes = serialise(doc);
        return new BankFile.Written("luong-" + marketCode + "-" + period + "-pain001.xml", "application/xml",
                bytes, transfers.size(), total);
    }

    /** A bank by its NAPAS BIN: {@code FinInstnId/ClrSysMmbId}, the clearing system named as a proprietary code. */
    private static void agent(Element parent, String bin) {
        if (bin == null || !bin.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("a bank is named by its 6-digit NAPAS BIN: " + bin);
        }
        Element member = add(add(parent, "FinInstnId"), "ClrSysMmbId");
        add(add(member, "ClrSysId"), "Prtry", CLEARING_SYSTEM);
        add(member, "MmbId", bin);
    }

    /** A domestic account number (not an IBAN): {@code Id/Othr/Id}, with the currency. */
    private static void account(Element parent, String number) {
        add(add(add(parent, "Id"), "Othr"), "Id", number);
        add(parent, "Ccy", "VND");
    }

    private static String text(String s, int max) {
        String ascii = SearchText.upperAscii(s == null ? "" : s).strip();
        return ascii.length() > max ? ascii.substring(0, max) : ascii;
    }

    private static Element add(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        parent.appendChild(e);
        return e;
    }

    private static Element add(Element parent, String name, String text) {
        Element e = add(parent, name);
        e.setTextContent(text);
        return e;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] serialise(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            doc.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
