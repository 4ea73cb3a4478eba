package vn.cho40.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import vn.cho40.market.Markets;
import vn.cho40.trader.StallAccounts;

/**
 * Writes the demo markets' traders to the demo's data folder ({@link DemoTradersFile}) once the demo is loaded,
 * for the simulator and the benchmarks. Only the demo markets: a trader staff add by hand in a demo is not listed.
 */
@Component
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class DemoTradersExport {

    private static final Logger log = LoggerFactory.getLogger(DemoTradersExport.class);
    /** More than the largest demo market's stalls. */
    private static final int PER_MARKET = 5000;

    private final Markets markets;
    private final StallAccounts accounts;
    private final Path dataDir;

    DemoTradersExport(Markets markets, StallAccounts accounts, @Value("${cho40.data-dir}") String dataDir) {
        this.markets = markets;
        this.accounts = accounts;
        this.dataDir = Path.of(dataDir);
    }

    /** The folder written to (tests read it back: in their settings every read of the data-dir is a new path). */
    Path dataDir() {
        return dataDir;
    }

    void write() {
        List<DemoTradersFile.Entry> entries = new ArrayList<>();
        for (String code : DemoProvince.marketCodes()) {
            markets.find(code).ifPresent(m -> accounts.demoPairs(m.id(), PER_MARKET).forEach(p ->
                    entries.add(new DemoTradersFile.Entry(code, p.stall(), p.phone(), p.account()))));
        }
        DemoTradersFile.write(dataDir, entries);
        log.info("Tiểu thương mẫu cho trình mô phỏng (demo traders for the simulator): {} ({})",
                dataDir.resolve(DemoTradersFile.FILE).toAbsolutePath(), entries.size());
    }
}
