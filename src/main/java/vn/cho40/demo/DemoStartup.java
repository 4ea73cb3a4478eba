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

    private final DemoProvince demo;

    DemoStartup(DemoProvince demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.load();
    }
}
