package vn.cho40.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoodsCategoryTest {

    @Test
    void parsesVietnameseNamesWithOrWithoutDiacriticsAndCodes() {
        assertThat(GoodsCategory.parse("Thịt")).contains(GoodsCategory.THIT);
        assertThat(GoodsCategory.parse("thit")).contains(GoodsCategory.THIT);
        assertThat(GoodsCategory.parse("ĐỒ KHÔ")).contains(GoodsCategory.DO_KHO);
        assertThat(GoodsCategory.parse("rau_cu")).contains(GoodsCategory.RAU_CU);
        assertThat(GoodsCategory.parse("Gạo")).contains(GoodsCategory.GAO);
        assertThat(GoodsCategory.parse("Quần áo")).contains(GoodsCategory.QUAN_AO);
        assertThat(GoodsCategory.parse("xe máy")).isEmpty();
        assertThat(GoodsCategory.parse("")).isEmpty();
    }
}
