package vn.cho40.trader;

import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.cho40.identity.SmsSender;

/**
 * Messages to a trader's own phone from other modules (a bill's reminder): the number is decrypted only to hand it
 * to the SMS gateway, never shown, and nothing is sent where no gateway is configured.
 */
@Service
public class TraderMessages {

    private final Traders traders;
    private final SmsSender sms;

    TraderMessages(Traders traders, SmsSender sms) {
        this.traders = traders;
        this.sms = sms;
    }

    /** Sends a text by SMS; false when this server has no SMS gateway. */
    public boolean sms(UUID traderId, String text) {
        if (!sms.available()) {
            return false;
        }
        sms.send(traders.phoneForSms(traderId), text);
        return true;
    }
}
