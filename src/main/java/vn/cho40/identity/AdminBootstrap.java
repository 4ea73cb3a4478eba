package vn.cho40.identity;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first account: a national administrator whose password comes from CHO40_ADMIN_PASSWORD (set again
 * at each start, so an operator can reset it). Without it a random password is made and logged once.
 */
@Component
@Order(1)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private final StaffUsers users;
    private final String username;
    private final String password;

    AdminBootstrap(StaffUsers users, @Value("${cho40.admin.username}") String username,
                   @Value("${cho40.admin.password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!password.isBlank() && password.length() < StaffUsers.MIN_PASSWORD) {
            throw new IllegalStateException("CHO40_ADMIN_PASSWORD cần ít nhất " + StaffUsers.MIN_PASSWORD
                    + " ký tự (CHO40_ADMIN_PASSWORD needs at least " + StaffUsers.MIN_PASSWORD + " characters)");
        }
        if (password.isBlank() && users.find(username).isPresent()) {
            return;
        }
        String effective = password;
        if (effective.isBlank()) {
            byte[] random = new byte[9];
            new SecureRandom().nextBytes(random);
            effective = HexFormat.of().formatHex(random);
            log.warn("Chưa đặt CHO40_ADMIN_PASSWORD: mật khẩu quản trị '{}' là {} (no CHO40_ADMIN_PASSWORD: "
                    + "the admin password is shown once)", username, effective);
        }
        users.ensure(new StaffUsers.NewUser(username, "Quản trị hệ thống", effective, Role.SYSTEM_ADMIN,
                Scope.Kind.NATIONAL, null, null));
    }
}
