package vn.cho40.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnit.Regime;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/** Staff accounts managed by administrators, each only inside their own scope. */
@Service
public class UserAdmin {

    private final StaffUsers users;
    private final Access access;
    private final AdminUnits units;
    private final MarketLocator markets;

    private final org.springframework.context.ApplicationEventPublisher events;

    UserAdmin(StaffUsers users, Access access, AdminUnits units, MarketLocator markets,
              org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.access = access;
        this.units = units;
        this.markets = markets;
    }

    public List<StaffUser> list() {
        return users.list(access.requirePermission(Permission.USER_ADMIN).scope());
    }

    public StaffUser create(StaffUsers.NewUser n) {
        CurrentUser admin = access.requirePermission(Permission.USER_ADMIN);
        Scope.Kind kind = n.scopeKind();
        String code = n.scopeCode() == null ? null : n.scopeCode().strip().toUpperCase(java.util.Locale.ROOT);
        Optional<MarketPlace> place = switch (kind == null ? Scope.Kind.TRADER : kind) {
            case NATIONAL -> Optional.of(new MarketPlace(null, null, null));
            case PROVINCE -> units.find(Regime.CURRENT, code).filter(u -> u.level() == AdminUnit.Level.PROVINCE)
                    .map(u -> new MarketPlace(null, null, u.code()));
            case COMMUNE -> units.find(Regime.CURRENT, code).filter(u -> u.level() == AdminUnit.Level.COMMUNE)
                    .map(u -> new MarketPlace(null, u.code(), u.parentCode()));
            case MARKET -> markets.locate(code);
            case TRADER -> Optional.empty();
        };
        if (place.isEmpty()) {
            throw new InvalidInputException(Violation.of("scopeCode", "user.scope.unknown", String.valueOf(code)));
        }
        boolean inside = switch (admin.scope().kind()) {
            case NATIONAL -> true;
            case PROVINCE -> kind != Scope.Kind.NATIONAL && admin.scope().code().equals(place.get().provinceCode());
            default -> false;
        };
        if (!inside) {
            throw new InvalidInputException(Violation.of("scopeCode", "user.scope.outside"));
        }
        requireGrantable(admin, n.role(), kind);
        StaffUser created = users.create(new StaffUsers.NewUser(n.username(), n.fullName(), n.password(), n.role(),
                kind, code, place.get().provinceCode()));
        events.publishEvent(new StaffUserCreated(created.username(), created.role(), created.scopeKind(),
                created.scopeCode(), created.provinceCode()));
        return created;
    }

    /**
     * Roles at or below the creator's only; a system administrator only by a national system administrator
     * and only with national scope (a province-scoped "system admin" would be listed as one while acting as
     * a province admin).
     */
    private static void requireGrantable(CurrentUser admin, Role role, Scope.Kind kind) {
        if (role == null) {
            return; // StaffUsers names the missing role with the other problems
        }
        if (role == Role.SYSTEM_ADMIN && (admin.role() != Role.SYSTEM_ADMIN
                || admin.scope().kind() != Scope.Kind.NATIONAL || kind != Scope.Kind.NATIONAL)) {
            throw new InvalidInputException(Violation.of("role", "user.role.systemAdmin"));
        }
        if (!admin.role().mayGrant(role)) {
            throw new InvalidInputException(Violation.of("role", "user.role.aboveYours"));
        }
    }
}
