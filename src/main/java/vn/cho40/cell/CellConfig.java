package vn.cho40.cell;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.cho40.platform.StartRefused;

/** Reads the cell configuration once at start; a malformed one stops the server with what to fix. */
@Configuration(proxyBeanMethods = false)
class CellConfig {

    @Bean
    CellMap cellMap(Environment env) {
        // A map binds from cho40.cells.19=... and from the environment's CHO40_CELLS_19=... alike.
        Map<String, String> cells = Binder.get(env)
                .bind("cho40.cells", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        try {
            return CellMap.parse(env.getProperty("cho40.cell.provinces", ""), cells);
        } catch (IllegalArgumentException e) {
            throw new StartRefused(e.getMessage(), "Sửa CHO40_CELL_PROVINCES và các CHO40_CELLS_<mã tỉnh> "
                    + "(docs/operations.md, \"Province cells\"). Fix CHO40_CELL_PROVINCES and CHO40_CELLS_<province>.");
        }
    }

    @Bean(destroyMethod = "close")
    CellDatabases cellDatabases(CellMap map) {
        return new CellDatabases(map);
    }
}
