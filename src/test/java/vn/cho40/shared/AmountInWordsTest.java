package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountInWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0             | không
            5             | năm
            15            | mười lăm
            21            | hai mươi mốt
            105           | một trăm linh năm
            1000          | một nghìn
            15000         | mười lăm nghìn
            121500        | một trăm hai mươi mốt nghìn năm trăm
            205000        | hai trăm linh năm nghìn
            1004000       | một triệu không trăm linh bốn nghìn
            2034015       | hai triệu không trăm ba mươi tư nghìn không trăm mười lăm
            3000000050    | ba tỷ không trăm năm mươi
            1005000       | một triệu không trăm linh năm nghìn
            499999999     | bốn trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín
            1000000000000 | một nghìn tỷ
            """)
    void readsAmountsByTheNorthernRules(long amount, String words) {
        assertThat(AmountInWords.words(amount, AmountInWords.Style.NORTHERN)).isEqualTo(words);
    }

    @Test
    void invoiceFormIsCapitalisedAndEndsInDong() {
        assertThat(AmountInWords.invoice(125_000, AmountInWords.Style.NORTHERN))
                .isEqualTo("Một trăm hai mươi lăm nghìn đồng");
        assertThat(AmountInWords.invoice(1_005_000, AmountInWords.Style.NORTHERN))
                .isEqualTo("Một triệu không trăm linh năm nghìn đồng");
        assertThat(AmountInWords.invoice(0, AmountInWords.Style.NORTHERN)).isEqualTo("Không đồng");
    }

    @Test
    void twoHundredDongCanNeverSoundLikeTwoHundredThousand() {
        assertThat(AmountInWords.invoice(200, AmountInWords.Style.NORTHERN)).isEqualTo("Hai trăm đồng");
        assertThat(AmountInWords.invoice(200_000, AmountInWords.Style.NORTHERN)).isEqualTo("Hai trăm nghìn đồng");
    }

    @Test
    void southernStyleIsASetting() {
        assertThat(AmountInWords.words(1_034_105, AmountInWords.Style.SOUTHERN))
                .isEqualTo("một triệu không trăm ba mươi bốn ngàn một trăm lẻ năm");
        assertThat(AmountInWords.words(2_000_000_000L, AmountInWords.Style.SOUTHERN)).isEqualTo("hai tỉ");
        assertThat(AmountInWords.words(-1_500, AmountInWords.Style.NORTHERN)).isEqualTo("âm một nghìn năm trăm");
    }

    @Test
    void theCommandRefusesAnythingButWholeDong() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        var o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        var e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(AmountInWords.cli(new String[] {"125000"}, o, e)).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8).strip())
                .isEqualTo("Một trăm hai mươi lăm nghìn đồng");
        for (String bad : new String[] {"-5", "12.5", "50,000", "abc", ""}) {
            assertThat(AmountInWords.cli(new String[] {bad}, o, e)).as(bad).isEqualTo(1);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("số đồng nguyên không âm");
    }
}
