package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListPageTest {

    private static ListPage<Integer> page(int number, long total) {
        int rows = (int) Math.max(0, Math.min(50, total - ListPage.offset(number, 50)));
        return new ListPage<>(Collections.nCopies(rows, 1), number, 50, total);
    }

    @Test
    void saysWhichRowsOfHowManyItShows() {
        assertThat(page(1, 380).from()).isEqualTo(1);
        assertThat(page(1, 380).to()).isEqualTo(50);
        assertThat(page(8, 380).from()).isEqualTo(351);
        assertThat(page(8, 380).to()).isEqualTo(380);
        assertThat(page(8, 380).pages()).isEqualTo(8);
        assertThat(page(1, 0).from()).isZero();
        assertThat(page(1, 0).pages()).isEqualTo(1);
    }

    @Test
    void aPageBeyondTheLastShowsTheLast() {
        assertThat(ListPage.clamp(99, 380, 50)).isEqualTo(8);
        assertThat(ListPage.clamp(-3, 380, 50)).isEqualTo(1);
        assertThat(ListPage.clamp(5, 0, 50)).isEqualTo(1);
    }

    @Test
    void linksKeepTheFiltersAndLeaveOutEmptyOnes() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", "rau củ");
        filters.put("zone", "");
        filters.put("qr", "without");
        assertThat(ListPage.href("/admin/traders", filters, 3)).isEqualTo("/admin/traders?q=rau+c%E1%BB%A7&qr=without&page=3");
        assertThat(ListPage.href("/admin/traders", filters, 1)).isEqualTo("/admin/traders?q=rau+c%E1%BB%A7&qr=without");
        assertThat(ListPage.href("/x", Map.of(), 1)).isEqualTo("/x");
    }

    @Test
    void thePagerShowsTheEndsAndTheNeighboursWithGaps() {
        List<String> labels = page(6, 1000).links("/x", Map.of()).stream().map(ListPage.Link::label).toList();
        assertThat(labels).containsExactly("1", "…", "4", "5", "6", "7", "8", "…", "20");
        assertThat(page(6, 1000).links("/x", Map.of()).stream().filter(ListPage.Link::current)
                .map(ListPage.Link::href)).containsExactly("/x?page=6");
        assertThat(page(1, 380).previousHref("/x", Map.of())).isNull();
        assertThat(page(1, 380).nextHref("/x", Map.of())).isEqualTo("/x?page=2");
    }

    @Test
    void aWholeListIsSlicedIntoItsPages() {
        List<Integer> all = java.util.stream.IntStream.rangeClosed(1, 120).boxed().toList();
        ListPage<Integer> second = ListPage.slice(all, 2, 50);
        assertThat(second.rows()).startsWith(51).endsWith(100).hasSize(50);
        assertThat(second.total()).isEqualTo(120);
        assertThat(ListPage.slice(all, 9, 50).rows()).as("past the end: the last page").startsWith(101).hasSize(20);
        assertThat(ListPage.slice(List.<Integer>of(), 3, 50).rows()).isEmpty();
    }
}
