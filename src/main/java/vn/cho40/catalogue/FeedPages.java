package vn.cho40.catalogue;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.market.Markets;
import vn.cho40.shared.NotFoundException;

/**
 * The Google Merchant Center feeds, public: a market's and a province's products that have a photo (Google needs an
 * image), written as they are read.
 */
@Controller
class FeedPages {

    private final Storefront storefront;
    private final Markets markets;
    private final AdminUnits units;

    FeedPages(Storefront storefront, Markets markets, AdminUnits units) {
        this.storefront = storefront;
        this.markets = markets;
        this.units = units;
    }

    @GetMapping("/feeds/google/{marketCode}.xml")
    void market(@PathVariable String marketCode, HttpServletResponse response) throws IOException {
        var m = markets.find(marketCode).orElseThrow(() -> new NotFoundException("market.notFound", marketCode));
        write(response, "Đặc sản " + m.name(), storefront.base() + "/dac-san/cho/" + m.code(),
                storefront.ofMarket(m.code(), null));
    }

    @GetMapping("/feeds/google/province/{code}.xml")
    void province(@PathVariable String code, HttpServletResponse response) throws IOException {
        AdminUnit p = units.find(AdminUnit.Regime.CURRENT, code).filter(u -> u.level() == AdminUnit.Level.PROVINCE)
                .orElseThrow(() -> new NotFoundException("rollout.unit.notFound", code));
        write(response, "Đặc sản " + p.fullName(), storefront.base() + "/dac-san", storefront.ofProvince(code));
    }

    private void write(HttpServletResponse response, String title, String link, List<Listed> all) throws IOException {
        response.setContentType("application/rss+xml;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=900");
        GoogleFeed.write(title, link, "Sản phẩm địa phương bán tại chợ, thanh toán bằng VietQR (Chợ 4.0)",
                all.stream().filter(p -> !p.imageLinks().isEmpty()).toList(), response.getOutputStream());
    }
}
