package vn.cho40.einvoice;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.payment.MatchingLoad;

/**
 * A second server's issuer, in a JVM of its own that {@link EInvoiceKillIT} kills with SIGKILL mid-issue: the real
 * {@link EInvoiceIssuer} (claim, number, sign, store in one transaction per request) on the test's database, with a
 * demo key store of its own in the given folder, issuing one market's requests one at a time until it is killed.
 * It prints how many it has issued after each, so the test knows it is at work. Arguments: JDBC URL, user, password
 * (or "-"), key folder, market id.
 */
final class IssuerToKill {

    /** Its connections' name, so the test can see in pg_stat_activity when one of its transactions is open. */
    static final String APPLICATION_NAME = "cho40-issuer-to-kill";

    private IssuerToKill() {
    }

    public static void main(String[] args) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(args[0]);
        pool.setUsername(args[1]);
        if (!args[2].equals("-")) {
            pool.setPassword(args[2]);
        }
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(5_000);
        pool.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        Clock clock = Clock.systemUTC();
        JdbcClient db = JdbcClient.create(pool);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
        EInvoiceIssuer issuer = new EInvoiceIssuer(db, tx, new SigningKeyring("", "", true, args[3], clock), clock,
                new IssueSources(db, clock, List.of()), new MatchingLoad());
        UUID market = UUID.fromString(args[4]);
        int issued = 0;
        System.out.println("ready");
        while (true) {
            int one;
            try {
                one = issuer.issuePending(market, 1);
            } catch (org.springframework.dao.DataAccessException
                     | org.springframework.transaction.TransactionException e) {
                // A connection lost is a server's everyday event (its transaction rolled back, number and all): log it
                // and go on, as the platform's issuer does; only the kill ends this JVM.
                System.err.println("lost a connection, going on: " + e);
                one = 0;
            }
            issued += one;
            System.out.println("issued " + issued);
            if (one == 0) {
                // nothing due yet: the test sets its requests due once this JVM is ready
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
