package vn.cho40.payment;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Test-only issuer of payment codes that breaks on demand: asked about a code in {@link #breaking}, it throws, as a
 * bug or a lost connection in an issuer would, so tests can see what matching does when it fails.
 */
public class BrokenIssuer implements PaymentCodes {

    public static final Set<String> breaking = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Target> find(String code) {
        return Optional.empty();
    }

    @Override
    public Map<String, Target> findAll(Collection<String> codes) {
        if (codes.stream().anyMatch(breaking::contains)) {
            throw new IllegalStateException("issuer broken for the test");
        }
        return Map.of();
    }
}
