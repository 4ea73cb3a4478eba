package vn.cho40.vietqr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cho40.vietqr.Decoded.Invalid;
import vn.cho40.vietqr.Decoded.Reason;
import vn.cho40.vietqr.Decoded.Valid;

class VietQrTest {

    /**
     * Expected CRCs below were computed independently of this codebase, with Python's
     * {@code binascii.crc_hqx(payload, 0xFFFF)} (CRC-16/CCITT-FALSE), not with {@link Crc16}.
     */
    static final String STATIC_VCB = "00020101021138570010A00000072701270006970436011300110012345670208QRIBFTTA"
            + "53037045802VN6304E8DB";
    static final String DYNAMIC_VCB_50K = "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA"
            + "53037045405500005802VN630455FB";

    private static String withCrc(String upTo6304) {
        return upTo6304 + Crc16.hex(Crc16.of(upTo6304, upTo6304.length()));
    }

    private static VietQrPayload valid(String payload) {
        Decoded d = VietQr.decode(payload);
        assertThat(d).as(String.valueOf(d)).isInstanceOf(Valid.class);
        return ((Valid) d).payload();
    }

    private static Reason invalid(String payload) {
        Decoded d = VietQr.decode(payload);
        assertThat(d).as(String.valueOf(d)).isInstanceOf(Invalid.class);
        return ((Invalid) d).reason();
    }

    @Test
    void crcMatchesTheStandardCheckValue() {
        assertThat(Crc16.hex(Crc16.of("123456789", 9))).isEqualTo("29B1");
        assertThat(Crc16.hex(0x0A5)).isEqualTo("00A5");
    }

    @Test
    void encodesStaticAndDynamicCodesByteForByte() {
        assertThat(VietQr.encode(VietQrPayload.staticCode("970436", "0011001234567"))).isEqualTo(STATIC_VCB);
        assertThat(VietQr.encode(new VietQrPayload("970436", "0011001234567", VietQrPayload.Service.TO_ACCOUNT,
                50_000L, null, null, null, true))).isEqualTo(DYNAMIC_VCB_50K);
    }

    @Test
    void decodesEveryField() {
        Decoded d = VietQr.decode(DYNAMIC_VCB_50K);
        assertThat(d).isInstanceOfSatisfying(Valid.class, v -> {
            assertThat(v.bankName()).isEqualTo("Vietcombank");
            assertThat(v.payload().bin()).isEqualTo("970436");
            assertThat(v.payload().account()).isEqualTo("0011001234567");
            assertThat(v.payload().service()).isEqualTo(VietQrPayload.Service.TO_ACCOUNT);
            assertThat(v.payload().amountVnd()).isEqualTo(50_000L);
            assertThat(v.payload().dynamic()).isTrue();
        });
        assertThat(valid(STATIC_VCB).amountVnd()).isNull();
        assertThat(valid(STATIC_VCB.substring(0, STATIC_VCB.length() - 4) + "e8db").bin()).as("lower-case CRC")
                .isEqualTo("970436");
    }

    @Test
    void walletsUseThePhoneAsTheAccountAndPurposesLoseTheirDiacritics() {
        String code = VietQr.encode(VietQrPayload.dynamicCode("971005", "0961234567", 125_000,
                "Đặc sản chè Tân Cương", "HD0001"));
        VietQrPayload p = valid(code);
        assertThat(p.account()).isEqualTo("0961234567");
        assertThat(p.purpose()).isEqualTo("Dac san che Tan Cuong");
        assertThat(p.reference()).isEqualTo("HD0001");
        assertThat(((Valid) VietQr.decode(code)).bankName()).isEqualTo("ViettelMoney");
        assertThat(valid(VietQr.encode(new VietQrPayload("970436", "9704361234567890", VietQrPayload.Service.TO_CARD,
                null, null, null, null, false))).service()).isEqualTo(VietQrPayload.Service.TO_CARD);
    }

    @Test
    void refusesInputThatCannotFitWithAReason() {
        assertThatThrownBy(() -> VietQr.encode(VietQrPayload.dynamicCode("970436", "1", 1000,
                "Thanh toán tiền thuê quầy tháng mười một", null)))
                .isInstanceOfSatisfying(VietQrException.class, e -> assertThat(e.field()).isEqualTo("purpose"))
                .hasMessageContaining("at most 25");
        assertThatThrownBy(() -> VietQr.encode(VietQrPayload.dynamicCode("970436", "1", 500_000_000L, null, null)))
                .hasMessageContaining("NAPAS 247");
        assertThatThrownBy(() -> VietQr.encode(VietQrPayload.staticCode("123456", "1"))).hasMessageContaining("BIN");
        assertThatThrownBy(() -> VietQr.encode(VietQrPayload.staticCode("970436", "12345678901234567890")))
                .hasMessageContaining("1-19");
        assertThatThrownBy(() -> VietQr.encode(VietQrPayload.dynamicCode("970436", "1", 0, null, null)))
                .hasMessageContaining("amount");
    }

    @Test
    void isLenientWhereRealCodesDiffer() {
        // Fields in another order, an unknown field 99, a 40-character purpose, a static code with an amount.
        String reordered = withCrc("00020101021158 02VN5303704".replace(" ", "")
                + "38570010A00000072701270006970436011300110012345670208QRIBFTTA5405120009904abcd"
                + "62440840" + "1234567890".repeat(4) + "6304");
        VietQrPayload p = valid(reordered);
        assertThat(p.amountVnd()).isEqualTo(12_000L);
        assertThat(p.dynamic()).isFalse();
        assertThat(p.purpose()).hasSize(40);
        // A merchant (QRPUSH) code without a transfer service code.
        String push = withCrc("000201010211384200 10A00000072701240006970418011012345678905303704 5802VN6304"
                .replace(" ", ""));
        assertThat(valid(push).service()).isNull();
    }

    @Test
    void namesWhatIsWrongWithABrokenCode() {
        assertThat(invalid("")).isEqualTo(Reason.EMPTY);
        assertThat(invalid(STATIC_VCB.substring(0, STATIC_VCB.length() - 1) + "C")).isEqualTo(Reason.BAD_CRC);
        assertThat(invalid(STATIC_VCB.substring(0, 60))).isIn(Reason.TRUNCATED, Reason.BAD_LENGTH);
        assertThat(invalid(withCrc("000201010211385700 10A00000072801270006970436011300110012345670208QRIBFTTA"
                .replace(" ", "") + "6304"))).isEqualTo(Reason.MISSING_GUID);
        assertThat(invalid(withCrc("0002010102115303704" + "6304"))).isEqualTo(Reason.MISSING_MERCHANT_INFO);
        assertThat(invalid(STATIC_VCB.replace("5802VN6304E8DB", "6304E8DB5802VN"))).isEqualTo(Reason.CRC_NOT_LAST);
        assertThat(invalid("000201XX11")).isEqualTo(Reason.BAD_LENGTH);
        assertThat(invalid("0002010102XX")).isEqualTo(Reason.MISSING_CRC);
        assertThat(invalid(STATIC_VCB.replace("5303704", "5303840"))).isEqualTo(Reason.BAD_CRC);
        assertThat(invalid(withCrc(STATIC_VCB.substring(0, STATIC_VCB.length() - 4).replace("5303704", "5303840"))))
                .isEqualTo(Reason.BAD_CURRENCY);
        assertThat(invalid("00020101021138570010A0000007270127000697043601130011001234567ñ")).isEqualTo(Reason.NOT_ASCII);
    }

    @Test
    void randomValidInputsRoundTrip() {
        Random random = new Random(4_2022);
        String[] bins = {"970436", "970405", "970415", "970418", "971005", "971011", "971025"};
        for (int i = 0; i < 5_000; i++) {
            String account = Long.toString(Math.abs(random.nextLong()) % 10_000_000_000_000L);
            Long amount = random.nextBoolean() ? null : 1 + (long) (random.nextDouble() * VietQr.MAX_AMOUNT_VND);
            String purpose = random.nextBoolean() ? null : "QUAY A-" + random.nextInt(500);
            VietQrPayload in = new VietQrPayload(bins[random.nextInt(bins.length)], account,
                    VietQrPayload.Service.TO_ACCOUNT, amount, purpose, null, null, amount != null);
            VietQrPayload out = valid(VietQr.encode(in));
            assertThat(out).isEqualTo(in);
        }
    }

    @Test
    void anySingleChangedCharacterIsRefused() {
        Random random = new Random(7);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .-";
        for (String code : new String[] {STATIC_VCB, DYNAMIC_VCB_50K,
                VietQr.encode(VietQrPayload.dynamicCode("971005", "0961234567", 35_000, "Rau cu quay B-7", "X1"))}) {
            for (int i = 0; i < code.length(); i++) {
                char original = code.charAt(i);
                for (int k = 0; k < 8; k++) {
                    char c = alphabet.charAt(random.nextInt(alphabet.length()));
                    boolean sameHexInCrc = i >= code.length() - 4 && Character.toUpperCase(c) == original;
                    if (c == original || sameHexInCrc) {
                        continue;
                    }
                    String changed = code.substring(0, i) + c + code.substring(i + 1);
                    assertThat(VietQr.decode(changed)).as("change at %d to '%s' in %s", i, c, code)
                            .isInstanceOf(Invalid.class);
                }
            }
        }
    }
}
