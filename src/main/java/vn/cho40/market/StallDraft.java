package vn.cho40.market;

import java.math.BigDecimal;

/** A stall that passed every check but is not saved yet (a form, or one row of an import preview). */
public record StallDraft(int line, String code, String zoneCode, String zoneName, GoodsCategory category,
                         BigDecimal areaM2) {
}
