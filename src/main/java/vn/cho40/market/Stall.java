package vn.cho40.market;

import java.math.BigDecimal;
import java.util.UUID;

/** A stall (điểm kinh doanh): code "A-12" is its zone "A" and its number in that zone. */
public record Stall(UUID id, UUID marketId, String zoneCode, String code, GoodsCategory category, BigDecimal areaM2) {
}
