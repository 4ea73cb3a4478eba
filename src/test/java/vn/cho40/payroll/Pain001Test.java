package vn.cho40.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The pain.001.001.09 file validated against the official ISO 20022 schema (the Standards Editor's XSD as hbci4j
 * ships it, test scope), with its count, control sum and references read back, and matched by the statement reader.
 */
class Pain001Test {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final List<BankFile.Transfer> TRANSFERS = List.of(
            new BankFile.Transfer("C40L000000000A", "0011223344", "Nguyễn Thị Hoà", "970415", 17_780_000),
            new BankFile.Transfer("C40L000000000B", "000123456789", "Trần Văn Đức", "970436", 5_475_601));
    private static final Pain001.Debtor BOARD = new Pain001.Debtor("C40M0123456789ABCD",
            OffsetDateTime.of(2026, 11, 28, 9, 30, 15, 123, ZoneOffset.ofHours(7)), "Ban quản lý chợ Đại Từ",
            "102010001234", "970415", LocalDate.of(2026, 11, 30));

    static Schema schema() throws SAXException {
        URL xsd = Objects.requireNonNull(Pain001Test.class.getResource("/pain.001.001.09.xsd"), "pain.001.001.09.xsd");
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    }

    static void validate(byte[] xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    @Test
    void theFileIsValidAgainstTheIso20022SchemaAndAddsUp() throws Exception {
        BankFile.Written w = Pain001.write(BOARD, NOV, "TN-DAITU", TRANSFERS);
        validate(w.content());
        assertThat(w.count()).isEqualTo(2);
        assertThat(w.totalVnd()).isEqualTo(23_255_601);
        assertThat(w.filename()).isEqualTo("luong-TN-DAITU-2026-11-pain001.xml");

        Document doc = parse(w.content());
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            public String getNamespaceURI(String p) {
                return Pain001.NAMESPACE;
            }

            public String getPrefix(String u) {
                return "p";
            }

            public java.util.Iterator<String> getPrefixes(String u) {
                return List.of("p").iterator();
            }
        });
        assertThat(x.evaluate("/p:Document/p:CstmrCdtTrfInitn/p:GrpHdr/p:NbOfTxs", doc)).isEqualTo("2");
        assertThat(x.evaluate("//p:GrpHdr/p:CtrlSum", doc)).isEqualTo("23255601");
        assertThat(x.evaluate("//p:GrpHdr/p:CreDtTm", doc)).isEqualTo("2026-11-28T09:30:15+07:00");
        assertThat(x.evaluate("//p:GrpHdr/p:InitgPty/p:Nm", doc)).isEqualTo("BAN QUAN LY CHO DAI TU");
        assertThat(x.evaluate("//p:PmtInf/p:DbtrAcct/p:Id/p:Othr/p:Id", doc)).isEqualTo("102010001234");
        assertThat(x.evaluate("//p:PmtInf/p:ReqdExctnDt/p:Dt", doc)).isEqualTo("2026-11-30");
        assertThat(x.evaluate("//p:PmtInf/p:PmtTpInf/p:CtgyPurp/p:Cd", doc)).isEqualTo("SALA");
        NodeList txs = (NodeList) x.evaluate("//p:CdtTrfTxInf", doc, XPathConstants.NODESET);
        assertThat(txs.getLength()).isEqualTo(2);
        assertThat(x.evaluate("//p:CdtTrfTxInf[2]/p:PmtId/p:EndToEndId", doc)).isEqualTo("C40L000000000B");
        assertThat(x.evaluate("//p:CdtTrfTxInf[2]/p:Amt/p:InstdAmt", doc)).isEqualTo("5475601");
        assertThat(x.evaluate("//p:CdtTrfTxInf[2]/p:Amt/p:InstdAmt/@Ccy", doc)).isEqualTo("VND");
        assertThat(x.evaluate("//p:CdtTrfTxInf[2]/p:CdtrAcct/p:Id/p:Othr/p:Id", doc))
                .as("leading zeros kept").isEqualTo("000123456789");
        assertThat(x.evaluate("//p:CdtTrfTxInf[2]/p:Cdtr/p:Nm", doc)).isEqualTo("TRAN VAN DUC");
        assertThat(x.evaluate("//p:CdtTrfTxInf[2]/p:CdtrAgt/p:FinInstnId/p:ClrSysMmbId/p:MmbId", doc))
                .isEqualTo("970436");
        assertThat(x.evaluate("//p:CdtTrfTxInf[2]/p:CdtrAgt/p:FinInstnId/p:Nm", doc)).isNotBlank();
        assertThat(x.evaluate("//p:CdtTrfTxInf[1]/p:RmtInf/p:Ustrd", doc)).isEqualTo("C40L000000000A LUONG 11/2026");
    }

    @Test
    void theStatementMatchingFindsEachTransferByItsEndToEndId() throws Exception {
        Document doc = parse(Pain001.write(BOARD, NOV, "TN-DAITU", TRANSFERS).content());
        NodeList ids = doc.getElementsByTagNameNS(Pain001.NAMESPACE, "EndToEndId");
        for (int i = 0; i < ids.getLength(); i++) {
            // As a bank echoes it on the statement line: the reference inside other text.
            var m = TransferResults.REF.matcher(("CK LUONG " + ids.item(i).getTextContent() + " TU BQL").toUpperCase());
            assertThat(m.find()).isTrue();
            assertThat(m.group()).isEqualTo(TRANSFERS.get(i).ref());
        }
    }

    @Test
    void aProvincesWorthOfLinesStaysValid() throws Exception {
        List<BankFile.Transfer> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(new BankFile.Transfer("C40L" + String.format("%010d", i), "1019" + i, "Lò Thị Mỷ " + i,
                    i % 2 == 0 ? "970405" : "970418", 4_000_000L + i));
        }
        BankFile.Written w = Pain001.write(BOARD, NOV, "DB-BUNGLAO", many);
        validate(w.content());
        assertThat(w.totalVnd()).isEqualTo(500 * 4_000_000L + 499 * 500 / 2);
    }

    @Test
    void theSchemaIsReallyAppliedAndBadInputIsRefused() throws Exception {
        String xml = new String(Pain001.write(BOARD, NOV, "TN-DAITU", TRANSFERS).content(), StandardCharsets.UTF_8);
        // The same file with the count moved after the control sum is not a pain.001.
        String broken = xml.replace("<NbOfTxs>2</NbOfTxs>", "").replace("</CtrlSum>", "</CtrlSum><NbOfTxs>2</NbOfTxs>");
        assertThatThrownBy(() -> validate(broken.getBytes(StandardCharsets.UTF_8))).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> Pain001.write(BOARD, NOV, "X", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pain001.Debtor("M", BOARD.createdAt(), "BQL", "", "970415", BOARD.executionDate()))
                .hasMessageContaining("paying account");
        assertThatThrownBy(() -> Pain001.write(BOARD, NOV, "X", List.of(
                new BankFile.Transfer("C40L000000000C", "0011", "A", "97041", 1)))).hasMessageContaining("BIN");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
