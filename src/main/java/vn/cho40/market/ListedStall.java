package vn.cho40.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stall as the staff list shows it: whether a trader holds it (an open lease, from {@code leasedSince}) and
 * whether it has a current QR code (made on {@code qrSince}). No trader's name: reading stalls needs no
 * permission to read traders.
 */
public record ListedStall(String code, String zoneCode, String zoneName, GoodsCategory category, BigDecimal areaM2,
                   LocalDate leasedSince, LocalDate qrSince) {

    public boolean leased() {
        return leasedSince != null;
    }

    public boolean hasQr() {
        return qrSince != null;
    }
}
