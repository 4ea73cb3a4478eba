package vn.cho40.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** How identity finds a trader by phone without depending on the trader module (which implements it). */
public interface TraderDirectory {

    record TraderIdentity(UUID traderId, String fullName, Set<String> marketCodes) {
    }

    Optional<TraderIdentity> findByPhone(String normalizedPhone);
}
