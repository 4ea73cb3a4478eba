package vn.cho40.platform;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several servers on one database each run the scheduler; a job marked {@code @SchedulerLock} runs on whichever
 * takes its lease first and is skipped by the others. The lease is held on the database's clock (servers' clocks
 * may differ) and lapses after the job's lockAtMostFor, so a server killed mid-job does not block it for good.
 * Work inside a job is still claimed row by row (reminders, snapshots), so a lapsed lease never does it twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class JobLeases {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
