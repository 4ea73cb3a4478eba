package vn.cho40.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;

/** Test access to the simulator command's account lookup. */
public final class SimulateCommandAccess {

    private SimulateCommandAccess() {
    }

    public static List<String> accounts(int port, String market) throws Exception {
        return SimulateCommand.accounts(HttpClient.newHttpClient(), URI.create("http://localhost:" + port + "/"),
                market);
    }
}
