package vn.cho40;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import vn.cho40.cli.DemoLaunch;
import vn.cho40.cli.Help;
import vn.cho40.cli.ImportCommand;

/**
 * The one entry point behind {@code ./cho40}. Commands that need no database (help, and later qr and
 * words) run here without starting Spring or PostgreSQL.
 */
public final class Cho40 {

    private Cho40() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        int exit = switch (command) {
            case "serve" -> serve(rest, false);
            case "demo" -> serve(rest, true);
            case "import" -> runImport(rest);
            case "rotate-keys" -> runImport(new String[] {"rotate-keys"});
            case "qr" -> vn.cho40.vietqr.QrCommand.run(rest, System.out, System.err);
            case "simulate" -> vn.cho40.cli.SimulateCommand.run(rest, System.out, System.err);
            case "payroll" -> vn.cho40.payroll.PayrollCommand.run(rest, System.out, System.err);
            case "words" -> vn.cho40.shared.AmountInWords.cli(rest, System.out, System.err);
            case "national" -> runNational(rest);
            case "cell" -> runCell(rest);
            case "einvoice" -> vn.cho40.einvoice.EInvoiceCommand.run(rest, System.out, System.err, System.getenv());
            case "help", "--help", "-h" -> Help.print(System.out);
            default -> Help.unknown(command, System.err);
        };
        if (exit != Integer.MIN_VALUE) {
            System.exit(exit);
        }
    }

    /**
     * Runs the web platform; returns MIN_VALUE so main does not exit while the server runs. The demo gets a
     * database of its own (DemoLaunch); a start refused by the platform has been reported by Spring Boot already.
     */
    private static int serve(String[] args, boolean demo) {
        String[] effective = args;
        if (demo) {
            DemoLaunch launch = DemoLaunch.of(args, System.getenv(), System.getProperty("user.home"));
            if (launch.refusal() != null) {
                System.err.println(launch.refusal());
                return 2;
            }
            effective = launch.argumentArray();
        }
        try {
            new SpringApplication(Cho40Application.class).run(effective);
        } catch (RuntimeException e) {
            return 1;
        }
        return Integer.MIN_VALUE;
    }

    /**
     * {@code ./cho40 national rebuild}: the national role without its live consumer and without a web server, so it
     * can run beside the national servers.
     */
    private static int runNational(String[] args) {
        String refusal = vn.cho40.national.NationalCommand.refusal(args);
        if (refusal != null) {
            System.err.println(refusal);
            return 2;
        }
        SpringApplication app = new SpringApplication(Cho40Application.class);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN"));
        ConfigurableApplicationContext started;
        try {
            // On the command line, so they win over the environment's CHO40_ROLE. The platform's security needs a
            // web server: a throwaway one on a free loopback port, which nobody is told about.
            started = app.run("--cho40.role=national", "--cho40.national.consume=false", "--cho40.outbox.enabled=false",
                    "--server.port=0", "--server.address=127.0.0.1");
        } catch (RuntimeException e) {
            return 1;
        }
        try (ConfigurableApplicationContext context = started) {
            return context.getBean(vn.cho40.national.NationalCommand.class).run(args, System.out, System.err);
        }
    }

    private static int runImport(String[] args) {
        return withoutWebServer(context -> context.getBean(ImportCommand.class).run(args, System.out, System.err));
    }

    /** {@code ./cho40 cell check}: rows of provinces this cell does not hold (exit 1 when any). */
    private static int runCell(String[] args) {
        if (args.length != 1 || !args[0].equals("check")) {
            System.err.println("Dùng: ./cho40 cell check (usage: ./cho40 cell check)");
            return 2;
        }
        return withoutWebServer(context -> context.getBean(vn.cho40.cell.CellCheck.class).run(System.out));
    }

    /** Starts the platform on its database without a web server, runs one command and stops. */
    private static int withoutWebServer(java.util.function.ToIntFunction<ConfigurableApplicationContext> command) {
        SpringApplication app = new SpringApplication(Cho40Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN"));
        ConfigurableApplicationContext started;
        try {
            // No web server, no scheduled jobs (PlatformConfig) and, on the command line so it wins over the
            // environment, no matching loop: a command does its work and leaves.
            started = app.run("--cho40.matcher.threads=0");
        } catch (RuntimeException e) {
            return 1; // reported by Spring Boot (a demo's database, for one)
        }
        try (ConfigurableApplicationContext context = started) {
            return command.applyAsInt(context);
        }
    }
}
