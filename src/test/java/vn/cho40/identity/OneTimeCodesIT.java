package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.identity.OneTimeCodes.Outcome;
import vn.cho40.identity.OneTimeCodes.Purpose;
import vn.cho40.shared.InvalidInputException;

@IntegrationTest
class OneTimeCodesIT {

    @Autowired
    OneTimeCodes codes;
    @Autowired
    SmsSender sms;
    @Autowired
    TestClock clock;

    private String sentCode(String phone) {
        Matcher m = Pattern.compile("(\\d{6})").matcher(((LogSmsSender) sms).lastMessage(phone).orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void aCodeWorksOnceForItsPurpose() {
        codes.send(Purpose.VERIFY_PHONE, "0961111001");
        String code = sentCode("0961111001");
        assertThat(codes.verify(Purpose.TRADER_LOGIN, "0961111001", code)).isEqualTo(Outcome.NONE);
        assertThat(codes.verify(Purpose.VERIFY_PHONE, "0961111001", code)).isEqualTo(Outcome.ACCEPTED);
        assertThat(codes.verify(Purpose.VERIFY_PHONE, "0961111001", code)).isEqualTo(Outcome.NONE);
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        codes.send(Purpose.VERIFY_PHONE, "0961111002");
        String code = sentCode("0961111002");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(codes.verify(Purpose.VERIFY_PHONE, "0961111002", code)).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void fiveWrongTriesBurnTheCode() {
        codes.send(Purpose.VERIFY_PHONE, "0961111003");
        String code = sentCode("0961111003");
        for (int i = 0; i < 4; i++) {
            assertThat(codes.verify(Purpose.VERIFY_PHONE, "0961111003", wrong(code))).isEqualTo(Outcome.WRONG);
        }
        assertThat(codes.verify(Purpose.VERIFY_PHONE, "0961111003", wrong(code))).isEqualTo(Outcome.TOO_MANY_TRIES);
        assertThat(codes.verify(Purpose.VERIFY_PHONE, "0961111003", code)).isEqualTo(Outcome.TOO_MANY_TRIES);
    }

    @Test
    void atMostThreeCodesPerPhoneInFifteenMinutes() {
        for (int i = 0; i < 3; i++) {
            codes.send(Purpose.TRADER_LOGIN, "0961111004");
        }
        assertThatThrownBy(() -> codes.send(Purpose.TRADER_LOGIN, "0961111004"))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations().getFirst().messageKey()).isEqualTo("otp.tooManySends"));
        clock.advance(Duration.ofMinutes(16));
        codes.send(Purpose.TRADER_LOGIN, "0961111004");
        assertThat(codes.verify(Purpose.TRADER_LOGIN, "0961111004", sentCode("0961111004")))
                .isEqualTo(Outcome.ACCEPTED);
    }
}
