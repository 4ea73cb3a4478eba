package vn.cho40.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.cho40.market.Market;
import vn.cho40.market.MarketStatus;
import vn.cho40.market.OperatorType;

/** The printed payroll sheet and the tax documents: what they say, their totals, their signers, their fonts. */
class PayrollPdfsTest {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Market MARKET = new Market(UUID.randomUUID(), "TN-DAITU", "Chợ Đại Từ", "19", "05854", null,
            null, "Tổ dân phố Đình, xã Đại Từ", 2, OperatorType.BOARD, "Ban quản lý chợ Đại Từ", "970415",
            "102010001234", "BQL CHO DAI TU", MarketStatus.LIVE, null, null, null, false, Instant.EPOCH, Instant.EPOCH);

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/payroll", "i18n/messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    private static PayrollLine line(String name, long contract, int worked) {
        PayrollRules rules = PayrollRules.forMonth(YearMonth.of(2026, 11));
        PayCalculator.Result pay = PayCalculator.compute(rules, new PayCalculator.Input(YearMonth.of(2026, 11),
                Region.III, contract, List.of(new PayCalculator.Allowance("LUNCH", 730_000, false, false)), 1, worked,
                21, 0, 0));
        return new PayrollLine(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), name, "Thu ngân", "970415",
                "1234", worked, 21, 1, pay, "C40L0000000001", PayrollLine.PaymentStatus.PENDING, null, null, contract,
                worked < 21);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theSheetIsLandscapeWithEveryLineTheTotalsAndTheThreeSigners() throws Exception {
        List<PayrollLine> lines = new ArrayList<>(List.of(line("Nguyễn Thị Hoà", 8_000_000, 21),
                line("Trần Văn Đức", 30_000_000, 15)));
        PayrollRun run = new PayrollRun(UUID.randomUUID(), MARKET.id(), YearMonth.of(2026, 11), "REGULAR",
                "vn-2026.2", Region.III, 2, 0, 0, 0, 0, 0, "bql.daitu", Instant.parse("2026-11-28T03:00:00Z"), 0, 0);
        byte[] pdf = new PayrollSheetPdf(messages()).sheet(MARKET, run, lines, VI);
        long net = lines.stream().mapToLong(l -> l.pay().netVnd()).sum();
        String text = text(pdf);
        assertThat(text).contains("BẢNG THANH TOÁN TIỀN LƯƠNG", "Tháng 11 năm 2026", "Nguyễn Thị Hoà", "Trần Văn Đức",
                "15/21", "Người lập biểu", "Kế toán trưởng", "Trưởng ban quản lý", "(Ký, họ tên, đóng dấu)",
                "Ngày 28 tháng 11 năm 2026", "Cộng (2)",
                vn.cho40.shared.VnFormats.groupThousands(net), "viết bằng chữ");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            // OpenPDF writes a landscape page as an A4 box turned by 90 degrees.
            boolean turned = page.getRotation() % 180 == 90;
            float width = turned ? page.getMediaBox().getHeight() : page.getMediaBox().getWidth();
            float height = turned ? page.getMediaBox().getWidth() : page.getMediaBox().getHeight();
            assertThat(width).as("landscape").isGreaterThan(height);
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    @Test
    void theCertificateNamesPayerTaxpayerMonthsAndTheTaxWithheld() throws Exception {
        UUID staff = UUID.randomUUID();
        List<TaxWithheld.Sum> months = List.of(
                new TaxWithheld.Sum(staff, "Trần Văn Đức", "4321", YearMonth.of(2026, 10), 30_730_000, 30_000_000,
                        3_150_000, 21_700_000, 5_150_000, 257_500, 27_322_500),
                new TaxWithheld.Sum(staff, "Trần Văn Đức", "4321", YearMonth.of(2026, 11), 31_730_000, 31_000_000,
                        3_150_000, 21_700_000, 6_150_000, 307_500, 28_272_500));
        byte[] pdf = new TaxPdfs(messages()).certificate(MARKET, 2026, "Trần Văn Đức", "•••• 4321", months,
                LocalDate.of(2027, 1, 15), VI);
        String text = text(pdf);
        assertThat(text).contains("CHỨNG TỪ KHẤU TRỪ THUẾ THU NHẬP CÁ NHÂN", "Năm 2026", "Chợ Đại Từ",
                "Trần Văn Đức", "•••• 4321", "từ tháng 10 đến tháng 11 năm 2026", "10/2026", "11/2026",
                "Tổng thu nhập chịu thuế đã trả: 61.000.000 đồng", "Tổng thu nhập tính thuế: 11.300.000 đồng",
                "Số thuế thu nhập cá nhân đã khấu trừ: 565.000 đồng", "Ngày 15 tháng 01 năm 2027")
                .doesNotContain("2.026");
        byte[] report = new TaxPdfs(messages()).report(MARKET, 2026, List.of(TaxWithheld.total(months)), LocalDate.of(
                2027, 1, 15), VI);
        assertThat(text(report)).contains("THUẾ THU NHẬP CÁ NHÂN ĐÃ KHẤU TRỪ", "Năm 2026", "565.000", "Kế toán trưởng");
    }
}
