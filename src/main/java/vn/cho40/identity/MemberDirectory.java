package vn.cho40.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * How identity finds an active community technology team member by phone without depending on the teams module
 * (which implements it): a member logs in with their phone and a one-time code, as traders do.
 */
public interface MemberDirectory {

    /** The session username of a member who logged in by phone: their member id, never a staff login's name. */
    String USERNAME_PREFIX = "member:";

    record MemberIdentity(UUID memberId, String fullName, String communeCode) {
    }

    Optional<MemberIdentity> findByPhone(String normalizedPhone);
}
