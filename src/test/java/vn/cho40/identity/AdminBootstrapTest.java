package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.api.Test;

class AdminBootstrapTest {

    @Test
    void aTooShortAdminPasswordStopsTheStartWithAMessageInBothLanguages() {
        StaffUsers users = mock(StaffUsers.class);
        assertThatThrownBy(() -> new AdminBootstrap(users, "admin", "short").run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHO40_ADMIN_PASSWORD cần ít nhất 10 ký tự")
                .hasMessageContaining("needs at least 10 characters");
        verifyNoInteractions(users);
    }
}
