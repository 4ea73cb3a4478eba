package vn.cho40.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which clients get problem+json outside /api: those whose Accept ranks JSON above HTML. */
class RequestsTest {

    @Test
    void browsersAndWildcardsGetPagesJsonClientsGetProblems() {
        assertThat(Requests.prefersJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isFalse();
        assertThat(Requests.prefersJson("*/*")).isFalse();
        assertThat(Requests.prefersJson(null)).isFalse();
        assertThat(Requests.prefersJson("not a media type;;")).isFalse();
        assertThat(Requests.prefersJson("application/json")).isTrue();
        assertThat(Requests.prefersJson("application/problem+json")).isTrue();
        assertThat(Requests.prefersJson("text/html;q=0.5, application/json")).isTrue();
        assertThat(Requests.prefersJson("application/json;q=0.5, text/html")).isFalse();
        assertThat(Requests.prefersJson("application/json, text/html")).as("a tie: the first listed").isTrue();
        assertThat(Requests.prefersJson("text/html, application/json")).isFalse();
    }
}
