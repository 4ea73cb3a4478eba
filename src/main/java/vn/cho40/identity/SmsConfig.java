package vn.cho40.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * CHO40_SMS_URL (and CHO40_SMS_TOKEN) select the HTTP gateway. Without one, the demo shows its codes on screen
 * (and in the log), while a real server makes no code at all: a code in the log would let anyone who reads the
 * log log in as any trader.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfig {

    private static final Logger log = LoggerFactory.getLogger(SmsConfig.class);

    @Bean
    SmsSender smsSender(@Value("${cho40.sms.url:}") String url, @Value("${cho40.sms.token:}") String token,
                        @Value("${cho40.demo.enabled:false}") boolean demo) {
        if (!url.isBlank()) {
            return new HttpSmsSender(url, token);
        }
        if (demo) {
            return new LogSmsSender();
        }
        log.warn("Chưa có cổng SMS (CHO40_SMS_URL): tiểu thương KHÔNG đăng nhập bằng mã được và không gửi được mã xác "
                + "minh số điện thoại. Đặt CHO40_SMS_URL và CHO40_SMS_TOKEN rồi khởi động lại. (No SMS gateway "
                + "(CHO40_SMS_URL): trader login by code is OFF and no phone can be verified. Set CHO40_SMS_URL and "
                + "CHO40_SMS_TOKEN and restart.)");
        return new NoSmsGateway();
    }
}
