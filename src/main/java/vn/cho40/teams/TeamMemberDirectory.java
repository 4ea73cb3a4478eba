package vn.cho40.teams;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MemberDirectory;
import vn.cho40.privacy.FieldCipher;

/** Identity's port: an active member found by the keyed hash of their phone (the number itself stays encrypted). */
@Component
class TeamMemberDirectory implements MemberDirectory {

    private final JdbcClient db;
    private final FieldCipher cipher;

    TeamMemberDirectory(JdbcClient db, FieldCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public Optional<MemberIdentity> findByPhone(String normalizedPhone) {
        return db.sql("""
                SELECT m.id, m.full_name, t.commune_code FROM tech_member m JOIN tech_team t ON t.id = m.team_id
                WHERE m.phone_hash = ? AND m.active AND (m.to_on IS NULL OR m.to_on >= current_date)
                ORDER BY m.from_on DESC LIMIT 1""")
                .param(cipher.index("phone", normalizedPhone))
                .query((rs, n) -> new MemberIdentity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }
}
