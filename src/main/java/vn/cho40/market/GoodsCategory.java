package vn.cho40.market;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.cho40.shared.SearchText;

/** What a stall sells. Each has its Vietnamese name, which imports accept with or without diacritics. */
public enum GoodsCategory {
    THIT("Thịt"),
    CA("Cá"),
    RAU_CU("Rau củ"),
    HOA_QUA("Hoa quả"),
    DO_KHO("Đồ khô"),
    GIA_VI("Gia vị"),
    GAO("Gạo, ngũ cốc"),
    QUAN_AO("Quần áo"),
    GIAY_DEP("Giày dép"),
    DO_GIA_DUNG("Đồ gia dụng"),
    AN_UONG("Ăn uống"),
    TAP_HOA("Tạp hóa"),
    DAC_SAN("Đặc sản, OCOP"),
    KHAC("Khác");

    private final String nameVi;

    GoodsCategory(String nameVi) {
        this.nameVi = nameVi;
    }

    public String nameVi() {
        return nameVi;
    }

    /** "thit", "Thịt", "THIT" all give THIT; "Gạo" gives GAO (the first word of the name is enough). */
    public static Optional<GoodsCategory> parse(String text) {
        String folded = SearchText.fold(text);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(c -> folded.equals(SearchText.fold(c.name().replace('_', ' ')))
                        || folded.equals(SearchText.fold(c.nameVi))
                        || folded.equals(SearchText.fold(c.nameVi.split(",")[0])))
                .findFirst();
    }

    public static List<String> namesVi() {
        return Arrays.stream(values()).map(GoodsCategory::nameVi).toList();
    }
}
