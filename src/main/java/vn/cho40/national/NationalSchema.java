package vn.cho40.national;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The national tables, migrated from {@code db/national} with their own history table, after the platform's own
 * migration (a national server also keeps its logins, sessions and reference data). Only on the national role, so a
 * cell's database never has them.
 */
@Component
@NationalRole
@DependsOn("flywayInitializer")
class NationalSchema {

    NationalSchema(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/national")
                .table("national_schema_history")
                // The schema already holds the platform's tables: start this history below the first national version.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
