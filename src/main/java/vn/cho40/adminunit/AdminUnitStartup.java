package vn.cho40.adminunit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the reference units at first start, before anything else runs (markets point at them). */
@Component
@Order(0)
class AdminUnitStartup implements ApplicationRunner {

    private final AdminUnitLoader loader;

    AdminUnitStartup(AdminUnitLoader loader) {
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments args) {
        loader.loadAll();
    }
}
