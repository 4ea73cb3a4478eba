package vn.cho40.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.cho40.trader.TraderImport;

/**
 * Synthetic traders, one per stall: plausible Kinh, Tày and Thái names, valid CCCDs for the province where
 * the trader was born, distinct mobile numbers, and a mix of wallets (Viettel Money, VNPT Money) and bank
 * accounts, as in the programme's markets. Seeded, so every run gives the same people.
 */
final class DemoTraders {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
            "Ngô", "Dương", "Lý", "Nông", "Ma", "Lường", "Lò", "Quàng", "Hà"};
    private static final String[] WOMEN = {"Hoa", "Lan", "Hương", "Mai", "Tuyết", "Thủy", "Hằng", "Nga", "Yến",
            "Thảo", "Hạnh", "Dung", "Liên", "Oanh", "Phượng"};
    private static final String[] MEN = {"Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Thắng", "Cường", "Bình", "Sơn",
            "Quang", "Long", "Đức", "Toàn"};
    private static final String[] MIDDLE_MEN = {"Văn", "Đức", "Minh", "Quốc", "Xuân"};
    private static final String[] MOBILE = {"096", "097", "098", "086", "032", "035", "038", "091", "094", "088",
            "081", "090", "093", "089", "070"};
    /** Wallets most often, then the banks with branches in rural Thái Nguyên and Điện Biên. */
    private static final String[] BANKS = {"971005", "971005", "971005", "971011", "970405", "970405", "970415",
            "970418", "970436"};

    private DemoTraders() {
    }

    /** Rows for the given stall codes; {@code serial} keeps CCCDs and phones distinct across markets. */
    static List<TraderImport.Row> rows(String marketCode, String birthProvince, List<String> stallCodes, int serial) {
        Random random = new Random(marketCode.hashCode() * 31L);
        List<TraderImport.Row> rows = new ArrayList<>();
        for (int i = 0; i < stallCodes.size(); i++) {
            int n = serial + i;
            boolean woman = random.nextInt(10) < 7;
            int year = 1958 + random.nextInt(45);
            String name = FAMILY[random.nextInt(FAMILY.length)] + " "
                    + (woman ? "Thị" : MIDDLE_MEN[random.nextInt(MIDDLE_MEN.length)]) + " "
                    + (woman ? WOMEN[random.nextInt(WOMEN.length)] : MEN[random.nextInt(MEN.length)]);
            int centuryDigit = (year >= 2000 ? 2 : 0) + (woman ? 1 : 0);
            String cccd = "0" + birthProvince + centuryDigit + String.format("%02d", year % 100)
                    + String.format("%06d", 100_000 + n);
            String birth = String.format("%02d/%02d/%d", 1 + random.nextInt(28), 1 + random.nextInt(12), year);
            String phone = MOBILE[n % MOBILE.length] + String.format("%07d", 1_000_000 + n * 37 % 8_999_999);
            String bin = BANKS[random.nextInt(BANKS.length)];
            String account = bin.startsWith("971") ? "" : "1" + String.format("%012d", 4_200_000_000L + n * 7919L);
            rows.add(new TraderImport.Row(i + 2, name, cccd, birth, phone, null, stallCodes.get(i), bin, account, "",
                    "có"));
        }
        return rows;
    }
}
