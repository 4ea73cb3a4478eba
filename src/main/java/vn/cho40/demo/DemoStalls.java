package vn.cho40.demo;

import java.util.Random;

/**
 * Synthetic stall lists: zones of 20–40 stalls, fresh food near the entrance, dry goods and clothes
 * further in, as Vietnamese markets are laid out. Seeded by the market code, so every run is the same.
 */
final class DemoStalls {

    private static final String[][] ZONES = {
            {"Thịt", "Cá", "Thịt"},
            {"Rau củ", "Hoa quả", "Rau củ"},
            {"Đồ khô", "Gia vị", "Gạo", "Tạp hóa"},
            {"Ăn uống", "Đặc sản"},
            {"Quần áo", "Giày dép", "Đồ gia dụng"},
    };

    private DemoStalls() {
    }

    static String csv(String marketCode, int count) {
        Random random = new Random(marketCode.hashCode());
        StringBuilder csv = new StringBuilder("ma_quay,khu,nganh_hang,dien_tich_m2\n");
        int zone = 0;
        int inZone = 0;
        int zoneSize = 20 + random.nextInt(21);
        for (int i = 0; i < count; i++) {
            if (inZone == zoneSize) {
                zone++;
                inZone = 0;
                zoneSize = 20 + random.nextInt(21);
            }
            inZone++;
            char letter = (char) ('A' + zone);
            String[] goods = ZONES[zone % ZONES.length];
            String category = goods[random.nextInt(goods.length)];
            // 3 to 12 m², in half square metres.
            int halves = 6 + random.nextInt(19);
            String area = (halves / 2) + (halves % 2 == 1 ? ",5" : "");
            csv.append(letter).append('-').append(inZone).append(",Khu ").append(letter).append(',')
                    .append(category).append(",\"").append(area).append("\"\n");
        }
        return csv.toString();
    }
}
