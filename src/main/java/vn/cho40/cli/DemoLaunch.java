package vn.cho40.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How {@code ./cho40 demo} starts: on a database of its own, never on the real server's. The demo keeps its
 * embedded PostgreSQL in {@code CHO40_DEMO_DIR} (default {@code ~/.cho40-demo}), apart from serve's
 * {@code CHO40_DATA_DIR}, and refuses {@code DATABASE_URL}: that names the real database, and the demo would add
 * logins whose password is printed in the README. A demo on a PostgreSQL server (the benchmarks) names it with
 * {@code CHO40_DEMO_DATABASE_URL}. Either the arguments for Spring, or why not (Vietnamese, then English).
 */
public record DemoLaunch(List<String> arguments, String refusal) {

    public static DemoLaunch of(String[] args, Map<String, String> env, String userHome) {
        if (!blank(env.get("DATABASE_URL"))) {
            return refused("""
                    ./cho40 demo không chạy khi có DATABASE_URL: đó là cơ sở dữ liệu thật, và bản demo sẽ thêm vào đó \
                    các tài khoản có mật khẩu in trong README. Bỏ DATABASE_URL (unset DATABASE_URL); muốn chạy demo \
                    trên một máy chủ PostgreSQL thì đặt CHO40_DEMO_DATABASE_URL tới một cơ sở dữ liệu riêng cho demo.
                    ./cho40 demo does not run with DATABASE_URL set: that is the real database, and the demo would add \
                    logins whose password is printed in the README. Unset DATABASE_URL; to run the demo on a \
                    PostgreSQL server, set CHO40_DEMO_DATABASE_URL to a database of the demo's own.""");
        }
        for (String a : args) {
            if (a.startsWith("--cho40.database-url") || a.startsWith("--cho40.data-dir")) {
                return refused("./cho40 demo chọn cơ sở dữ liệu qua CHO40_DEMO_DIR hoặc CHO40_DEMO_DATABASE_URL, "
                        + "không qua " + a.replaceAll("=.*", "") + ".\n./cho40 demo takes its database from "
                        + "CHO40_DEMO_DIR or CHO40_DEMO_DATABASE_URL, not from " + a.replaceAll("=.*", "") + ".");
            }
        }
        List<String> effective = new ArrayList<>(List.of(args));
        effective.add("--cho40.demo.enabled=true");
        effective.add("--cho40.data-dir=" + dataDir(env, userHome));
        // Always given, so a DATABASE_URL-like setting from another property source cannot reach the demo.
        effective.add("--cho40.database-url=" + (blank(env.get("CHO40_DEMO_DATABASE_URL")) ? ""
                : env.get("CHO40_DEMO_DATABASE_URL").strip()));
        return new DemoLaunch(List.copyOf(effective), null);
    }

    /** The demo's data folder: its embedded database, local keys and webhook secrets. */
    public static Path dataDir(Map<String, String> env, String userHome) {
        String dir = env.get("CHO40_DEMO_DIR");
        return Path.of(blank(dir) ? userHome + "/.cho40-demo" : dir.strip()).toAbsolutePath();
    }

    public String[] argumentArray() {
        return arguments.toArray(String[]::new);
    }

    private static DemoLaunch refused(String why) {
        return new DemoLaunch(List.of(), why);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
