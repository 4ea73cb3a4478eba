package vn.cho40.cell;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Another cell's database as this server reaches it: the provinces it holds, a name for logs and messages (its
 * address without credentials), and a small pool with its own transactions.
 */
public record CellDatabase(String name, List<String> provinces, DataSource dataSource, JdbcTemplate jdbc,
                           TransactionTemplate tx) {

    public CellDatabase {
        provinces = List.copyOf(provinces);
    }

    public static CellDatabase on(String name, List<String> provinces, DataSource dataSource) {
        return new CellDatabase(name, provinces, dataSource, new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Override
    public String toString() {
        return name + " " + provinces;
    }
}
