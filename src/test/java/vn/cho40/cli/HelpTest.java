package vn.cho40.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpTest {

    @Test
    void listsEveryCommandInVietnameseThenEnglish() {
        String help = Help.text();
        assertThat(help).contains("serve", "demo", "import admin-units", "import stalls");
        assertThat(help.indexOf("Cách dùng")).isLessThan(help.indexOf("Usage"));
        assertThat(help).contains("DATABASE_URL", "SERVER_PORT", "CHO40_DATA_DIR", "CHO40_DEMO_DIR");
    }
}
