package vn.cho40.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Viettel and MISA adapters against a provider started inside the test that answers as its documentation says:
 * a login refused, a document refused, a 5xx after or before making the invoice, the same document sent twice. Each
 * time the document is made at most once.
 */
class ProviderAdaptersTest {

    FakeProvider fake;
    ProviderHttp http = new ProviderHttp(Duration.ofSeconds(5));
    final UUID key = UUID.fromString("01a2406e-67a0-7b02-aa36-06b6ef54583d");

    @BeforeEach
    void start() throws Exception {
        fake = new FakeProvider();
        EReceiptAndCorrectionTest.keys();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private OutgoingDocument invoice() {
        return OutgoingDocument.fromXml(key, EInvoiceTest.signed(EInvoiceTest.rentAndElectricity()));
    }

    private EInvoiceProvider.Account viettel(String password, String template) {
        return new EInvoiceProvider.Account(fake.url(), FakeProvider.USER, password, "0100112437", null, template);
    }

    private EInvoiceProvider.Account misa(String password) {
        return new EInvoiceProvider.Account(fake.url(), FakeProvider.USER, password, "0100112437", FakeProvider.APP_ID,
                null);
    }

    @Test
    void theStoredFileIsReadBackAsSigned() {
        OutgoingDocument d = invoice();
        assertThat(d.form()).isEqualTo("1");
        assertThat(d.series()).isEqualTo("C26TAA");
        assertThat(d.number()).isEqualTo(12);
        assertThat(d.total()).isEqualTo(1_009_354);
        assertThat(d.lines()).hasSize(2);
        assertThat(d.lines().get(1).quantityMilli()).isEqualTo(85_000);
        assertThat(d.totalInWords()).startsWith("Một triệu");
    }

    @Test
    void viettelIssuesOnceWhateverHappens() throws Exception {
        ViettelSInvoice viettel = new ViettelSInvoice(http);
        assertThatThrownBy(() -> viettel.send(invoice(), viettel("sai", "1/770")))
                .isInstanceOfSatisfying(EInvoiceProvider.ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(EInvoiceProvider.Failure.AUTH);
                    assertThat(e.getMessage()).contains("invalid_grant");
                });
        assertThatThrownBy(() -> viettel.send(invoice(), viettel(FakeProvider.PASSWORD, "1/999")))
                .isInstanceOfSatisfying(EInvoiceProvider.ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(EInvoiceProvider.Failure.REFUSED);
                    assertThat(e.getMessage()).contains("TEMPLATE_NOT_FOUND", "Mẫu hóa đơn không tồn tại");
                });
        assertThat(fake.invoices).isEmpty();

        // 503 before making it: nothing found under the key, try again later; then it works.
        fake.failNext.add(503);
        assertThatThrownBy(() -> viettel.send(invoice(), viettel(FakeProvider.PASSWORD, "1/770")))
                .isInstanceOfSatisfying(EInvoiceProvider.ProviderException.class,
                        e -> assertThat(e.failure()).isEqualTo(EInvoiceProvider.Failure.UNAVAILABLE));
        EInvoiceProvider.Sent sent = viettel.send(invoice(), viettel(FakeProvider.PASSWORD, "1/770"));
        assertThat(sent.number()).isEqualTo("C26TAA1");
        assertThat(sent.reference()).isEqualTo("R-C26TAA1");
        assertThat(fake.lastBody).contains("\"transactionUuid\":\"" + key + "\"", "\"templateCode\":\"1/770\"",
                "\"invoiceSeries\":\"C26TAA\"", "\"adjustmentType\":\"1\"", "\"taxPercentage\":8",
                "\"totalAmountWithTax\":1009354", "\"itemTotalAmountWithoutTax\":267920");

        // 500 after making it (the answer lost), and the same document again: the one invoice it already made.
        fake.failNext.add(500);
        assertThat(viettel.send(invoice(), viettel(FakeProvider.PASSWORD, "1/770")).number()).isEqualTo("C26TAA1");
        assertThat(viettel.send(invoice(), viettel(FakeProvider.PASSWORD, "1/770")).number()).isEqualTo("C26TAA1");
        assertThat(fake.invoices).hasSize(1);
    }

    @Test
    void misaIssuesOnceWhateverHappens() throws Exception {
        MisaMeInvoice misa = new MisaMeInvoice(http);
        assertThatThrownBy(() -> misa.send(invoice(), misa("sai")))
                .isInstanceOfSatisfying(EInvoiceProvider.ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(EInvoiceProvider.Failure.AUTH);
                    assertThat(e.getMessage()).isEqualTo("InvalidUserNameOrPassword");
                });
        // A buyer tax code the provider refuses (built past our own check, as a stale file could be).
        OutgoingDocument d = invoice();
        OutgoingDocument badBuyer = new OutgoingDocument(d.key(), d.kind(), d.form(), d.series(), d.number(),
                d.issuedOn(), d.paymentMethod(), d.seller(), new EDocument.Party("Hoa", "0100112438", null),
                d.lines(), d.totalBeforeVat(), d.totalVat(), d.total(), d.totalInWords(), null, d.byRate());
        assertThatThrownBy(() -> misa.send(badBuyer, misa(FakeProvider.PASSWORD)))
                .isInstanceOfSatisfying(EInvoiceProvider.ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(EInvoiceProvider.Failure.REFUSED);
                    assertThat(e.getMessage()).contains("InvalidInvoiceData", "Mã số thuế người mua không hợp lệ");
                });

        fake.failNext.add(503);
        assertThatThrownBy(() -> misa.send(invoice(), misa(FakeProvider.PASSWORD)))
                .isInstanceOfSatisfying(EInvoiceProvider.ProviderException.class,
                        e -> assertThat(e.failure()).isEqualTo(EInvoiceProvider.Failure.UNAVAILABLE));
        fake.failNext.add(502);
        EInvoiceProvider.Sent sent = misa.send(invoice(), misa(FakeProvider.PASSWORD));
        assertThat(sent.number()).as("made before the 502: found by RefID").isEqualTo("00000001");
        assertThat(fake.lastBody).contains("\"RefID\":\"" + key + "\"", "\"InvSeries\":\"1C26TAA\"",
                "\"TotalAmountOC\":1009354", "\"VATRateName\":\"8%\"");
        // Sent again: MISA answers DuplicateInvoiceRefID; the adapter answers the invoice it holds.
        assertThat(misa.send(invoice(), misa(FakeProvider.PASSWORD)).number()).isEqualTo("00000001");
        assertThat(fake.invoices).hasSize(1);
    }

    private OutgoingDocument correction(EDocument.Correction kind) {
        EDocument doc = new EDocument(InvoiceSeries.parse("1C26TAA").orElseThrow(), 13,
                java.time.LocalDate.of(2026, 12, 3), "CK", EInvoiceTest.rentAndElectricity().seller(),
                EInvoiceTest.rentAndElectricity().buyer(), java.util.List.of(new EDocument.Line("Điều chỉnh giảm",
                "khoản", 1000, -10_000, -10_000, "8%")), "X", new EDocument.Related(kind, "1",
                "C26TAA", 12, java.time.LocalDate.of(2026, 11, 30), "Giảm"));
        return OutgoingDocument.fromXml(UUID.randomUUID(), EInvoiceTest.signed(doc));
    }

    @Test
    void aCorrectionNamesTheOriginalToTheProvider() throws Exception {
        long originalDate = java.time.LocalDate.of(2026, 11, 30).atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .toInstant().toEpochMilli();
        ViettelSInvoice viettel = new ViettelSInvoice(http);
        viettel.send(correction(EDocument.Correction.ADJUST), viettel(FakeProvider.PASSWORD, "1/770"));
        assertThat(fake.lastBody).contains("\"adjustmentType\":\"5\"", "\"adjustmentInvoiceType\":\"1\"",
                "\"originalInvoiceId\":\"C26TAA12\"", "\"originalInvoiceIssueDate\":" + originalDate,
                "\"originalTemplateCode\":\"1/770\"", "\"adjustedNote\":\"Giảm\"", "\"unitPrice\":-10000");
        viettel.send(correction(EDocument.Correction.REPLACE), viettel(FakeProvider.PASSWORD, "1/770"));
        assertThat(fake.lastBody).contains("\"adjustmentType\":\"3\"", "\"originalInvoiceId\":\"C26TAA12\"")
                .doesNotContain("adjustmentInvoiceType");
        MisaMeInvoice misa = new MisaMeInvoice(http);
        misa.send(correction(EDocument.Correction.ADJUST), misa(FakeProvider.PASSWORD));
        assertThat(fake.lastBody).contains("\"ReferenceType\":2", "\"OrgInvSeries\":\"C26TAA\"", "\"OrgInvNo\":\"12\"",
                "\"InvoiceNote\":\"Giảm\"");
        misa.send(correction(EDocument.Correction.REPLACE), misa(FakeProvider.PASSWORD));
        assertThat(fake.lastBody).contains("\"ReferenceType\":1", "\"OrgInvDate\":\"2026-11-30\"");
    }

    @Test
    void theAuthoritysAnswerIsAskedForUntilItComes() throws Exception {
        for (EInvoiceProvider provider : new EInvoiceProvider[] {new ViettelSInvoice(http), new MisaMeInvoice(http)}) {
            EInvoiceProvider.Account account = provider.mode().equals("MISA") ? misa(FakeProvider.PASSWORD)
                    : viettel(FakeProvider.PASSWORD, "1/770");
            UUID accepted = UUID.randomUUID();
            UUID refused = UUID.randomUUID();
            assertThat(provider.verdict(accepted, account)).as("unknown to the provider").isEqualTo(
                    EInvoiceProvider.Verdict.PENDING);
            for (UUID k : new UUID[] {accepted, refused}) {
                provider.send(OutgoingDocument.fromXml(k, EInvoiceTest.signed(EInvoiceTest.rentAndElectricity())),
                        account);
            }
            assertThat(provider.verdict(accepted, account)).as("sent, no answer yet").isEqualTo(
                    EInvoiceProvider.Verdict.PENDING);
            fake.authorityCodes.put(accepted.toString(), "00BDD6525B75646655B654665B65466565");
            fake.refusals.put(refused.toString(), "Sai mã số thuế người bán");
            assertThat(provider.verdict(accepted, account)).as(provider.mode())
                    .isEqualTo(EInvoiceProvider.Verdict.accepted("00BDD6525B75646655B654665B65466565"));
            assertThat(provider.verdict(refused, account)).as(provider.mode())
                    .isEqualTo(EInvoiceProvider.Verdict.refused("Sai mã số thuế người bán"));
            assertThatThrownBy(() -> provider.verdict(accepted, provider.mode().equals("MISA") ? misa("sai")
                    : viettel("sai", "1/770"))).isInstanceOfSatisfying(EInvoiceProvider.ProviderException.class,
                    e -> assertThat(e.failure()).isEqualTo(EInvoiceProvider.Failure.AUTH));
        }
        fake.close();
        assertThatThrownBy(() -> new ViettelSInvoice(http).verdict(key, viettel(FakeProvider.PASSWORD, "1/770")))
                .as("the provider down").isInstanceOfSatisfying(EInvoiceProvider.ProviderException.class,
                        e -> assertThat(e.failure()).isEqualTo(EInvoiceProvider.Failure.UNAVAILABLE));
    }
}
