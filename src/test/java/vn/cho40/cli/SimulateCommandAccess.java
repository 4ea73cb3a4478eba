package vn.cho40.cli;

import java.nio.file.Path;
import java.util.List;

/** Test access to the simulator command's account lookup (the demo folder's file). */
public final class SimulateCommandAccess {

    private SimulateCommandAccess() {
    }

    public static List<String> accounts(Path demoDir, String market) throws Exception {
        return SimulateCommand.accounts(demoDir, market);
    }
}
