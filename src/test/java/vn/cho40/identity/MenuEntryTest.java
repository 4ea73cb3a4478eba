package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One entry decides both whether a link is shown and whether its pages are refused. */
class MenuEntryTest {

    private static final CurrentUser CASHIER = new CurrentUser("thungan", "Thu ngân", Role.MARKET_CASHIER,
            Scope.of(Scope.Kind.MARKET, "TN-DAITU"), null);
    private static final CurrentUser ADMIN = new CurrentUser("admin", "Admin", Role.SYSTEM_ADMIN, Scope.national(),
            null);
    private static final CurrentUser TRADER = new CurrentUser("trader:1", "Hoa", Role.TRADER,
            Scope.trader(java.util.Set.of("TN-DAITU")), UUID.randomUUID());

    @Test
    void aStaffPageIsShownExactlyToTheRolesTheGuardLetsThrough() {
        MenuEntry users = MenuEntry.staff("/admin/users", "nav.users", Permission.USER_ADMIN, 80);
        assertThat(users.shownTo(CASHIER)).isFalse();
        assertThat(users.allows(CASHIER)).isFalse();
        assertThat(users.shownTo(ADMIN)).isTrue();
        assertThat(users.covers("/admin/users")).isTrue();
        assertThat(users.covers("/admin/users/new")).isTrue();
        assertThat(users.covers("/admin/usersx")).as("a sibling path is not below").isFalse();
    }

    @Test
    void theTradersAppIsInTheTradersMenuOnlyAndGuardsNotItsLoginPages() {
        MenuEntry app = MenuEntry.trader("/trader", "nav.myApp", 90);
        assertThat(app.shownTo(TRADER)).isTrue();
        assertThat(app.shownTo(ADMIN)).as("an administrator holds every permission but is no trader").isFalse();
        assertThat(app.covers("/trader/login")).isFalse();
        MenuEntry directory = MenuEntry.open("/", "nav.directory", 0);
        assertThat(directory.shownTo(null)).isTrue();
        assertThat(directory.covers("/admin/users")).isFalse();
    }

    @Test
    void anOpenPageCarriesNoPermission() {
        assertThatThrownBy(() -> new MenuEntry("/", "nav.directory", MenuEntry.Audience.EVERYONE,
                Permission.AUDIT_READ, 0, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
