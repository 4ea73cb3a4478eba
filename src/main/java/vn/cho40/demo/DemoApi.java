package vn.cho40.demo;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.market.Markets;
import vn.cho40.shared.NotFoundException;
import vn.cho40.trader.StallAccounts;

/**
 * Exists only on a demo server: the made-up account numbers of a market's stalls, so the payment simulator
 * can pay them. A production server has no such endpoint (and no made-up accounts).
 */
@RestController
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class DemoApi {

    private final Markets markets;
    private final StallAccounts accounts;

    DemoApi(Markets markets, StallAccounts accounts) {
        this.markets = markets;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/demo/traders")
    @Operation(summary = "Demo only: made-up traders' phones and stall accounts, for the trader-app load test")
    List<StallAccounts.DemoPair> traders(@RequestParam String market) {
        var m = markets.find(market).orElseThrow(() -> new NotFoundException("market.notFound", market));
        return accounts.demoPairs(m.id(), 1000);
    }

    @GetMapping("/api/v1/demo/accounts")
    @Operation(summary = "Demo only: the receiving accounts of a market's stalls, for ./cho40 simulate payments")
    List<String> accounts(@RequestParam String market) {
        var m = markets.find(market).orElseThrow(() -> new NotFoundException("market.notFound", market));
        return accounts.defaultAccountNumbers(m.id(), 1000);
    }
}
