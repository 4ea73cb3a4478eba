package vn.cho40.demo;

import java.nio.file.Path;
import org.springframework.context.ApplicationContext;

/** The demo folder the running test server wrote its traders to (what the simulator and benchmarks read). */
public final class DemoFolder {

    private DemoFolder() {
    }

    public static Path of(ApplicationContext context) {
        return context.getBean(DemoTradersExport.class).dataDir();
    }

    /** The first demo trader of a market: phone and account from the demo's file. */
    public static DemoTradersFile.Entry firstOf(ApplicationContext context, String market) {
        return DemoTradersFile.read(of(context)).orElseThrow().stream().filter(e -> e.market().equals(market))
                .findFirst().orElseThrow();
    }
}
