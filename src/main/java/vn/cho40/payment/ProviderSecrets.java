package vn.cho40.payment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Webhook secrets, from configuration only: the platform-wide ones (CHO40_PAYOS_CHECKSUM_KEY ...), our direct
 * partners' (CHO40_DIRECT_PARTNERS = {@code id:secret,id:secret}), and those of markets whose board has its own
 * provider account, in a properties file outside the repository (CHO40_MARKET_SECRETS_FILE, lines like
 * {@code TN-DAITU.payos-checksum-key=...}). The platform's credentials belong to one province
 * (CHO40_PROVIDER_PROVINCE, a 2025 province code), a market's own to that market's province: an exception that names
 * no market waits for that province's administrators.
 */
@Component
class ProviderSecrets {

    enum Name {
        PAYOS_CHECKSUM_KEY, SEPAY_API_KEY, SEPAY_HMAC_SECRET, CASSO_SECURE_TOKEN, CASSO_CHECKSUM_KEY;

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Name, String> platform = new HashMap<>();
    private final Map<String, String> partners = new HashMap<>();
    private final Properties markets = new Properties();
    private final String platformProvince;

    ProviderSecrets(@Value("${cho40.payos.checksum-key:}") String payOsKey,
                    @Value("${cho40.sepay.api-key:}") String sePayApiKey,
                    @Value("${cho40.sepay.hmac-secret:}") String sePayHmacSecret,
                    @Value("${cho40.casso.secure-token:}") String cassoToken,
                    @Value("${cho40.casso.checksum-key:}") String cassoKey,
                    @Value("${cho40.direct.partners:}") String directPartners,
                    @Value("${cho40.market-secrets-file:}") String marketSecretsFile,
                    @Value("${cho40.providers.province:}") String platformProvince,
                    @Value("${cho40.demo.enabled:false}") boolean demo,
                    @Value("${cho40.data-dir}") String dataDir,
                    @Value("${cho40.demo.traffic-markets:TN-DAITU,TN-DU,DB-BUNGLAO}") List<String> demoMarkets)
            throws IOException {
        // The demo's platform credentials serve Thái Nguyên (its main province), so its unplaced payments reach
        // that province's admin; a deployment says which province its credentials serve.
        String province = platformProvince.isBlank() && demo ? "19" : platformProvince;
        this.platformProvince = province.isBlank() ? null : province.strip();
        platform.put(Name.PAYOS_CHECKSUM_KEY, payOsKey);
        platform.put(Name.SEPAY_API_KEY, sePayApiKey);
        platform.put(Name.SEPAY_HMAC_SECRET, sePayHmacSecret);
        platform.put(Name.CASSO_SECURE_TOKEN, cassoToken);
        platform.put(Name.CASSO_CHECKSUM_KEY, cassoKey);
        if (demo) {
            // The demo signs its own traffic: random secrets beside its data fill what is not configured.
            Properties generated = DemoWebhookSecrets.loadOrCreate(Path.of(dataDir));
            // A SePay scheme given explicitly stays the only one: a made-up HMAC secret beside a given API key
            // would make the HMAC required and refuse the requests signed with the key (bench/webhooks.sh).
            boolean sePayGiven = !sePayApiKey.isBlank() || !sePayHmacSecret.isBlank();
            for (Name name : Name.values()) {
                if (sePayGiven && (name == Name.SEPAY_API_KEY || name == Name.SEPAY_HMAC_SECRET)) {
                    continue;
                }
                platform.merge(name, generated.getProperty(name.key()),
                        (given, made) -> given.isBlank() ? made : given);
            }
            partners.put(DemoWebhookSecrets.DIRECT_PARTNER, generated.getProperty("direct"));
            // The demo's busiest markets have provider accounts of their own, registered as a board would: their
            // payments (and those that match nobody) then belong to that market's queue.
            for (String code : demoMarkets) {
                markets.setProperty(code.strip() + "." + Name.SEPAY_API_KEY.key(),
                        DemoWebhookSecrets.marketSePayKey(generated, code.strip()));
            }
        }
        for (String pair : directPartners.split(",")) {
            String[] kv = pair.strip().split(":", 2);
            if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
                partners.put(kv[0].strip(), kv[1].strip());
            }
        }
        if (!marketSecretsFile.isBlank()) {
            try (Reader in = Files.newBufferedReader(Path.of(marketSecretsFile), StandardCharsets.UTF_8)) {
                markets.load(in);
            }
        }
    }

    /** The platform-wide secret, or "" when not configured. */
    String platform(Name name) {
        return platform.getOrDefault(name, "");
    }

    /** The province of the platform's credentials (and direct partners'), or null: then national staff only. */
    String platformProvince() {
        return platformProvince;
    }

    /** A market's own secret, or "" when its board has none configured. */
    String market(String marketCode, Name name) {
        return markets.getProperty(marketCode + "." + name.key(), "").strip();
    }

    boolean hasMarket(String marketCode) {
        return markets.stringPropertyNames().stream().anyMatch(k -> k.startsWith(marketCode + "."));
    }

    String partner(String partnerId) {
        return partnerId == null ? "" : partners.getOrDefault(partnerId, "");
    }
}
