package vn.cho40.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import vn.cho40.market.MarketForm;
import vn.cho40.market.MarketClass;
import vn.cho40.market.MarketStatus;
import vn.cho40.market.Markets;
import vn.cho40.market.OperatorType;
import vn.cho40.market.Stalls;

/**
 * Loads the demo markets through the same services staff use, so the demo exercises the real rules.
 * Idempotent: a market that already exists is left as it is.
 */
@Service
public class DemoProvince {

    private static final Logger log = LoggerFactory.getLogger(DemoProvince.class);
    private static final String BY = "demo";

    private final Markets markets;
    private final Stalls stalls;

    DemoProvince(Markets markets, Stalls stalls) {
        this.markets = markets;
        this.stalls = stalls;
    }

    /** Returns how many markets were added (0 when the demo is already loaded). */
    public int load() {
        int added = 0;
        for (CSVRecord r : records()) {
            if (markets.find(r.get("code")).isPresent()) {
                continue;
            }
            addMarket(r);
            added++;
        }
        if (added > 0) {
            log.info("Đã nạp {} chợ mẫu (loaded demo markets)", added);
        }
        return added;
    }

    private void addMarket(CSVRecord r) {
        String code = r.get("code");
        int stallCount = Integer.parseInt(r.get("stalls"));
        markets.create(new MarketForm(code, r.get("name"), r.get("commune_code"), r.get("pre2025_commune_code"),
                r.get("address"), MarketClass.forBusinessPoints(stallCount), OperatorType.valueOf(r.get("operator")),
                "Ban quản lý " + r.get("name").replace("Chợ", "chợ"), "", "", "", date(r.get("planned_on")),
                Boolean.parseBoolean(r.get("free_wifi"))), BY);
        byte[] file = DemoStalls.csv(code, stallCount).getBytes(StandardCharsets.UTF_8);
        stalls.importAll(code, "demo.csv", file);
        MarketStatus target = MarketStatus.valueOf(r.get("status"));
        if (target.compareTo(MarketStatus.ONBOARDING) >= 0) {
            markets.changeStatus(code, MarketStatus.ONBOARDING, date(r.get("onboarding_on")), BY);
        }
        if (target == MarketStatus.LIVE) {
            markets.changeStatus(code, MarketStatus.LIVE, date(r.get("live_on")), BY);
        }
    }

    private static Iterable<CSVRecord> records() {
        try (InputStream in = new ClassPathResource("data/demo/markets.csv").getInputStream()) {
            var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            return format.parse(new InputStreamReader(new java.io.ByteArrayInputStream(in.readAllBytes()),
                    StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
    }
}
