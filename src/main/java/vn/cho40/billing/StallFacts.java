package vn.cho40.billing;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/** What billing needs to know of a stall: its market and class, area, position class, cover, seller, charges. */
public record StallFacts(UUID stallId, String stallCode, UUID marketId, String provinceCode, int marketClass,
                         BigDecimal areaM2, String positionClass, boolean covered, String seller, Set<Charge> charges) {
}
