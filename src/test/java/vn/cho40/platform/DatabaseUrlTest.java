package vn.cho40.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void keepsJdbcUrlsAsTheyAre() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(url.username()).isNull();
    }

    @Test
    void convertsHostingPanelUrls() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://cho40:p%40ss@db.example.vn/cho40?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.vn:5432/cho40?sslmode=require");
        assertThat(url.username()).isEqualTo("cho40");
        assertThat(url.password()).isEqualTo("p@ss");
    }

    @Test
    void refusesOtherDatabasesWithAMessageInBothLanguages() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://x/y"))
                .hasMessageContaining("DATABASE_URL phải bắt đầu").hasMessageContaining("must start with");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://host")).hasMessageContaining("database name");
    }
}
