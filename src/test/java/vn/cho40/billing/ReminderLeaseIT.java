package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;

/**
 * With several servers on one database the reminder job runs on the one that takes its lease: while another server
 * holds it, this one skips the run; once the lease lapses (that server died), this one takes it and runs.
 */
@IntegrationTest
class ReminderLeaseIT {

    @Autowired
    BillReminders reminders;
    @Autowired
    JdbcClient db;

    @Test
    void theJobRunsOnlyWhereItsLeaseIsTaken() {
        Timestamp otherTook = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        db.sql("DELETE FROM shedlock WHERE name = 'billing.reminders'").update();
        db.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('billing.reminders', now() + "
                + "interval '20 minutes', ?, 'server-b')").param(otherTook).update();

        reminders.daily();
        assertThat(holder()).as("server-b holds the lease: this server skipped the run").isEqualTo("server-b");

        db.sql("UPDATE shedlock SET lock_until = now() - interval '1 second' WHERE name = 'billing.reminders'")
                .update();
        reminders.daily();
        assertThat(holder()).as("the lapsed lease is taken here").isNotEqualTo("server-b");
        assertThat(db.sql("SELECT lock_until <= now() FROM shedlock WHERE name = 'billing.reminders'")
                .query(Boolean.class).single()).as("and given back when the run ends").isTrue();
    }

    private String holder() {
        return db.sql("SELECT locked_by FROM shedlock WHERE name = 'billing.reminders'").query(String.class).single();
    }
}
