package vn.cho40.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With {@code cho40.demo.enabled=true} (the {@code demo} command) the demo province loads at start. */
@Component
@Order(10)
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class DemoStartup implements ApplicationRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoStartup.class);

    private final DemoProvince demo;
    private final DemoTradersExport export;

    DemoStartup(DemoProvince demo, DemoTradersExport export) {
        this.demo = demo;
        this.export = export;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.load();
        export.write();
        StringBuilder banner = new StringBuilder("\n=== Tỉnh mẫu Chợ 4.0: đăng nhập (demo logins), mật khẩu / password: ")
                .append(DemoProvince.DEMO_PASSWORD).append('\n');
        for (String[] login : demo.ensureLogins()) {
            banner.append(String.format("  %-20s %-16s %s %s%n", login[0], login[1], login[2], login[3]));
        }
        banner.append("  tiểu thương (trader): /trader/login, SĐT ").append(demo.demoTraderPhone())
                .append(", mã OTP hiện trên màn hình (code shown on screen)\n");
        log.info(banner.toString());
    }
}
