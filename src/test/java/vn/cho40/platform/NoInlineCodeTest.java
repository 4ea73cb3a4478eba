package vn.cho40.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows no inline script or style (PageHeaders): templates and static files must carry
 * none, or the page breaks in the browser without anyone noticing here. Scripts and styles go to static/js, css.
 */
class NoInlineCodeTest {

    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bth:src=|[^>]*\\bsrc=|[^>]*type=\"application/ld\\+json\")[^>]*>" // a script without a file
                    // (JSON-LD is data: never run, so the policy has nothing to block)
                    + "|<style\\b"                                  // a style element
                    + "|\\s(?:th:)?style\\s*="                      // a style attribute
                    + "|\\s(?:th:)?on[a-z]+\\s*="                   // an event handler attribute
                    + "|\\bhx-on\\b|javascript:"                    // htmx inline handlers, script URLs
                    + "|setAttribute\\(\\s*['\"](?:style|on[a-z]+)['\"]|\\beval\\(|new Function\\(",
            Pattern.CASE_INSENSITIVE);

    @Test
    void templatesAndStaticFilesCarryNoInlineScriptOrStyle() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/resources/templates", "src/main/resources/static")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(p -> p.toString().matches(".*\\.(html|js|svg|webmanifest)$")).toList()) {
                    Matcher m = INLINE.matcher(Files.readString(f));
                    while (m.find()) {
                        found.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsWhatThePolicyWouldBlock() {
        for (String bad : List.of("<script>alert(1)</script>", "<p style=\"color:red\">", "<button onclick=\"x()\">",
                "<style>p{}</style>", "<a href=\"javascript:x()\">", "el.setAttribute('style', 'x')")) {
            assertThat(INLINE.matcher(bad).find()).as(bad).isTrue();
        }
        assertThat(INLINE.matcher("<script th:src=\"@{/js/app.js}\" defer></script>").find()).isFalse();
        assertThat(INLINE.matcher("<script type=\"application/ld+json\" th:utext=\"${jsonLd}\"></script>").find())
                .isFalse();
    }
}
