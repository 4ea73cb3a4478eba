package vn.cho40.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** CHO40_SMS_URL (and CHO40_SMS_TOKEN) select the HTTP gateway; without them codes go to the log. */
@Configuration(proxyBeanMethods = false)
class SmsConfig {

    @Bean
    SmsSender smsSender(@Value("${cho40.sms.url:}") String url, @Value("${cho40.sms.token:}") String token,
                        @Value("${cho40.demo.enabled:false}") boolean demo) {
        return url.isBlank() ? new LogSmsSender(demo) : new HttpSmsSender(url, token);
    }
}
