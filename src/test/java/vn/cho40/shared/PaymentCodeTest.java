package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PaymentCodeTest {

    private final String code = PaymentCode.generate(new Random(7));

    @Test
    void generatedCodesHaveThePrefixTheLengthAndAValidCheckCharacter() {
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            String c = PaymentCode.generate(random);
            assertThat(c).startsWith("C40").hasSize(PaymentCode.LENGTH).doesNotContain("O", "I", "1");
            assertThat(PaymentCode.isValid(c)).isTrue();
        }
    }

    @Test
    void everySingleCharacterChangeIsRefused() {
        for (int i = PaymentCode.PREFIX.length(); i < code.length(); i++) {
            for (char c : PaymentCode.ALPHABET.toCharArray()) {
                if (c != code.charAt(i)) {
                    String changed = code.substring(0, i) + c + code.substring(i + 1);
                    assertThat(PaymentCode.isValid(changed)).as(changed).isFalse();
                }
            }
        }
    }

    @Test
    void findsTheCodeInsideBankManglingLowerCaseDotsAndSplits() {
        String split = code.substring(0, 6) + " " + code.substring(6);
        String dotted = code.substring(0, 4) + "." + code.substring(4);
        for (String text : new String[] {
                "MBVCB.3278432.Thanh toán " + code + ".CT tu 0011004 NGUYEN VAN A toi 190333 TRAN THI B tai VCB",
                "ND:CT DEN:412345 " + code.toLowerCase(),
                "Trả tiền rau " + split + " chị Đào",
                dotted + "-cam on",
                code}) {
            assertThat(PaymentCode.findIn(text)).as(text).isEqualTo(new PaymentCode.Found.One(code));
        }
    }

    @Test
    void noCodeOrABrokenCheckCharacterFindsNothing() {
        String wrongCheck = code.substring(0, code.length() - 1)
                + (code.endsWith("2") ? "3" : "2");
        assertThat(PaymentCode.findIn("Chuyen tien mua rau")).isEqualTo(new PaymentCode.Found.None());
        assertThat(PaymentCode.findIn("ck " + wrongCheck)).isEqualTo(new PaymentCode.Found.None());
        assertThat(PaymentCode.findIn(null)).isEqualTo(new PaymentCode.Found.None());
    }

    @Test
    void twoDifferentCodesAreAmbiguousButTheSameCodeTwiceIsOne() {
        String other = PaymentCode.generate(new Random(99));
        assertThat(PaymentCode.findIn(code + " " + other)).isInstanceOf(PaymentCode.Found.Ambiguous.class);
        assertThat(PaymentCode.findIn(code + " lai " + code)).isEqualTo(new PaymentCode.Found.One(code));
    }
}
