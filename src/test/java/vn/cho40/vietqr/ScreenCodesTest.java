package vn.cho40.vietqr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.PaymentCode;

/** Codes drawn for a screen with the fixed mask read back exactly, with ZXing and with zbarimg. */
class ScreenCodesTest {

    @Test
    void randomDynamicCodesDrawnForAScreenDecodeToTheExactPayload() throws Exception {
        Random random = new Random(2026);
        for (int i = 0; i < 200; i++) {
            String account = Long.toString(1_000_000_000L + random.nextLong(9_000_000_000L));
            long amount = 5_000 + random.nextInt(500) * 1_000L;
            String payload = VietQr.encode(VietQrPayload.dynamicCode("970405", account, amount,
                    PaymentCode.generate(random), PaymentCode.generate(random)));
            byte[] png = QrImages.screenPng(payload, 400);
            assertThat(QrImages.read(png)).as(payload).contains(payload);
            if (i % 40 == 0) {
                assertThat(Zbar.decode(png)).isEqualTo(payload);
            }
        }
    }
}
