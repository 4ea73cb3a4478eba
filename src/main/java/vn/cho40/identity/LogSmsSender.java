package vn.cho40.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's SMS adapter (never a real server's, see SmsConfig): writes each message to the log and keeps the
 * last one per phone, so the screen can show the code that a real SMS would have carried.
 */
public class LogSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);
    private static final int MAX_KEPT = 1000;
    private final Map<String, String> lastByPhone = new ConcurrentHashMap<>();

    @Override
    public void send(String phone, String text) {
        log.info("SMS tới {}: {} (SMS not sent: log adapter)", phone, text);
        if (lastByPhone.size() >= MAX_KEPT) {
            lastByPhone.clear();
        }
        lastByPhone.put(phone, text);
    }

    /** The message for the screen: the demo sends no SMS. */
    public Optional<String> forScreen(String phone) {
        return lastMessage(phone);
    }

    public Optional<String> lastMessage(String phone) {
        return Optional.ofNullable(lastByPhone.get(phone));
    }
}
