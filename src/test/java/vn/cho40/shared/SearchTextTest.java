package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldsVietnameseIncludingDWithStroke() {
        assertThat(SearchText.fold("Chợ Đu")).isEqualTo("cho du");
        assertThat(SearchText.fold("Đại Từ")).isEqualTo("dai tu");
        assertThat(SearchText.fold("đồ khô")).isEqualTo("do kho");
        assertThat(SearchText.fold("Nà Hỳ")).isEqualTo("na hy");
    }

    @Test
    void decomposedInputFoldsLikeComposed() {
        String nfd = Normalizer.normalize("Chợ Mường Luân", Normalizer.Form.NFD);
        assertThat(SearchText.fold(nfd)).isEqualTo(SearchText.fold("Chợ Mường Luân")).isEqualTo("cho muong luan");
    }

    @Test
    void punctuationAndSpacesCollapseToSingleSpaces() {
        assertThat(SearchText.fold("  Chợ   trung-tâm,  (Đại Từ) ")).isEqualTo("cho trung tam dai tu");
        assertThat(SearchText.fold("100% _x_")).isEqualTo("100 x");
        assertThat(SearchText.fold(null)).isEmpty();
    }

    @Test
    void wordsAreBounded() {
        assertThat(SearchText.words("a b c d e", 3)).containsExactly("a", "b", "c");
        assertThat(SearchText.words("  ", 3)).isEmpty();
    }

    @Test
    void cleanStoresNfcWithSingleSpaces() {
        String nfd = Normalizer.normalize("Chợ  Đu ", Normalizer.Form.NFD);
        assertThat(SearchText.clean(nfd)).isEqualTo("Chợ Đu");
        assertThat(Normalizer.isNormalized(SearchText.clean(nfd), Normalizer.Form.NFC)).isTrue();
    }
}
