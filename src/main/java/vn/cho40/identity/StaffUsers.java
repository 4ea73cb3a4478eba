package vn.cho40.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/**
 * Staff accounts: creation within the creator's scope and the lookup for password login. Accounts are never
 * locked by failed logins (anyone who knows a username could lock its owner out): guessing is slowed down per
 * username and source address instead (LoginThrottle, asked by StaffLogin).
 */
@Service
public class StaffUsers {

    public static final int MIN_PASSWORD = PasswordRules.MIN_LENGTH;

    private final StaffUserRepository repository;
    private final PasswordEncoder encoder;
    private final Clock clock;

    StaffUsers(StaffUserRepository repository, PasswordEncoder encoder, Clock clock) {
        this.repository = repository;
        this.encoder = encoder;
        this.clock = clock;
    }

    /**
     * For StaffLogin, the only way in by password: the active account under its normalised name. Unknown and
     * inactive names throw, which the login answers exactly like a wrong password.
     */
    UserDetails loadUserByUsername(String username) {
        StaffUserRepository.Row row = repository.find(StaffUsernames.normalize(username))
                .filter(r -> r.user().active())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        StaffUser u = row.user();
        return new Cho40Principal(new CurrentUser(u.username(), u.fullName(), u.role(), u.scope(), null),
                row.passwordHash());
    }

    public record NewUser(String username, String fullName, String password, Role role, Scope.Kind scopeKind,
                          String scopeCode, String provinceCode) {
    }

    /** Creates a staff account. The caller has checked that the scope lies inside their own. */
    @Transactional
    public StaffUser create(NewUser n) {
        return create(n, true);
    }

    /**
     * {@code checkGuessable} false only for the accounts the operator's configuration makes (bootstrap admin, demo
     * logins): their passwords are checked for length where they are read, not against the guessing rules.
     */
    private StaffUser create(NewUser n, boolean checkGuessable) {
        List<Violation> problems = new ArrayList<>();
        String username = StaffUsernames.normalize(n.username());
        if (!username.matches("[a-z0-9._-]{3,40}")) {
            problems.add(Violation.of("username", "user.username.invalid"));
        } else if (repository.find(username).isPresent()) {
            problems.add(Violation.of("username", "user.username.taken", username));
        }
        if (n.fullName() == null || n.fullName().isBlank()) {
            problems.add(Violation.of("fullName", "user.fullName.required"));
        }
        if (checkGuessable) {
            PasswordRules.problem(username, n.password()).ifPresent(key -> problems.add(Violation.of("password", key)));
        } else if (n.password() == null || n.password().length() < MIN_PASSWORD) {
            problems.add(Violation.of("password", "user.password.short"));
        }
        if (n.role() == null || n.role() == Role.TRADER) {
            problems.add(Violation.of("role", "user.role.invalid"));
        }
        if (n.scopeKind() == null || n.scopeKind() == Scope.Kind.TRADER
                || (n.scopeKind() != Scope.Kind.NATIONAL && (n.scopeCode() == null || n.scopeCode().isBlank()))) {
            problems.add(Violation.of("scopeCode", "user.scope.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        StaffUser user = new StaffUser(Ids.newId(clock), username, n.fullName().strip(), n.role(), n.scopeKind(),
                n.scopeKind() == Scope.Kind.NATIONAL ? null : n.scopeCode(), n.provinceCode(), true, null);
        repository.insert(user, encoder.encode(n.password()), clock.instant());
        return user;
    }

    /** Creates the account, or sets its password when it exists: how bootstrap and demo users are made. */
    @Transactional
    public void ensure(NewUser n) {
        String username = StaffUsernames.normalize(n.username());
        if (repository.find(username).isPresent()) {
            repository.setPassword(username, encoder.encode(n.password()));
        } else {
            create(n, false);
        }
    }

    public Optional<StaffUser> find(String username) {
        return repository.find(StaffUsernames.normalize(username)).map(StaffUserRepository.Row::user);
    }

    public List<StaffUser> list(Scope scope) {
        Scope.SqlFilter filter = switch (scope.kind()) {
            case NATIONAL -> new Scope.SqlFilter("true", List.of());
            case PROVINCE -> new Scope.SqlFilter("u.province_code = ?", List.of(scope.code()));
            default -> new Scope.SqlFilter("u.scope_kind = ? AND u.scope_code = ?",
                    List.of(scope.kind().name(), scope.code()));
        };
        return repository.list(filter);
    }
}
