package vn.cho40.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.cho40.adminunit.AdminUnit.Level;
import vn.cho40.adminunit.AdminUnit.Regime;
import vn.cho40.adminunit.AdminUnitLoader;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.shared.RowProblem;
import vn.cho40.market.StallImportPreview;
import vn.cho40.market.StallImportRejected;
import vn.cho40.market.Stalls;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.trader.TraderImport;
import vn.cho40.trader.TraderImportRejected;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;

/** {@code ./cho40 import ...}: exit 0 when done, 1 when the input was refused (with every reason), 2 on usage. */
@Component
public class ImportCommand {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final AdminUnitLoader loader;
    private final AdminUnits units;
    private final Stalls stalls;
    private final MessageSource messages;

    private final Markets markets;
    private final TraderImport traderImport;
    private final vn.cho40.trader.KeyRotation keyRotation;

    ImportCommand(AdminUnitLoader loader, AdminUnits units, Stalls stalls, MessageSource messages, Markets markets,
                  TraderImport traderImport, vn.cho40.trader.KeyRotation keyRotation) {
        this.keyRotation = keyRotation;
        this.markets = markets;
        this.traderImport = traderImport;
        this.loader = loader;
        this.units = units;
        this.stalls = stalls;
        this.messages = messages;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length >= 1 && args[0].equals("admin-units")) {
            int added = loader.loadAll();
            out.printf("Đơn vị hành chính (administrative units): thêm mới %d; 2025: %d tỉnh, %d xã; "
                            + "trước 2025: %d tỉnh, %d huyện, %d xã%n", added,
                    units.count(Regime.CURRENT, Level.PROVINCE), units.count(Regime.CURRENT, Level.COMMUNE),
                    units.count(Regime.PRE_2025, Level.PROVINCE), units.count(Regime.PRE_2025, Level.DISTRICT),
                    units.count(Regime.PRE_2025, Level.COMMUNE));
            return 0;
        }
        if (args.length >= 2 && args[0].equals("stalls")) {
            return importStalls(args, out, err);
        }
        if (args.length == 1 && args[0].equals("rotate-keys")) {
            out.printf("Đã mã hóa lại %d giá trị bằng khóa mới (re-encrypted values with the current key)%n",
                    keyRotation.rotate());
            return 0;
        }
        if (args.length >= 2 && args[0].equals("traders")) {
            return importTraders(args, out, err);
        }
        err.println("Cách dùng (usage): ./cho40 import admin-units | import stalls TỆP --market MÃ [--dry-run] | import traders TỆP --market MÃ [--dry-run]");
        return 2;
    }

    private int importStalls(String[] args, PrintStream out, PrintStream err) {
        Path file = Path.of(args[1]);
        String market = option(args, "--market");
        boolean dryRun = java.util.Arrays.asList(args).contains("--dry-run");
        if (market == null) {
            err.println("Thiếu --market MÃ_CHỢ (missing --market CODE)");
            return 2;
        }
        return guarded(file, err, () -> {
            byte[] content = Files.readAllBytes(file);
            if (dryRun) {
                StallImportPreview preview = stalls.preview(market, file.getFileName().toString(), content);
                report(preview.problems(), err);
                out.printf("Kiểm tra xong: %d quầy hợp lệ, %d lỗi (checked: valid stalls, problems)%n",
                        preview.rows().size(), preview.problems().size());
                return preview.valid() ? 0 : 1;
            }
            try {
                int saved = stalls.importAll(market, file.getFileName().toString(), content);
                out.printf("Đã nhập %d quầy vào chợ %s (imported stalls)%n", saved, market);
                return 0;
            } catch (StallImportRejected e) {
                report(e.preview().problems(), err);
                err.println("Không nhập quầy nào: sửa các dòng trên rồi chạy lại (nothing imported: fix the lines above)");
                return 1;
            }
        });
    }

    private int importTraders(String[] args, PrintStream out, PrintStream err) {
        Path file = Path.of(args[1]);
        String code = option(args, "--market");
        if (code == null) {
            err.println("Thiếu --market MÃ_CHỢ (missing --market CODE)");
            return 2;
        }
        return guarded(file, err, () -> {
            Market market = markets.get(code);
            var rows = TraderImport.read(file.getFileName().toString(), Files.readAllBytes(file));
            if (java.util.Arrays.asList(args).contains("--dry-run")) {
                TraderImport.Preview preview = traderImport.preview(market, rows);
                report(preview.problems(), err);
                out.printf("Kiểm tra xong: %d dòng, %d lỗi (checked: rows, problems)%n", rows.size(),
                        preview.problems().size());
                return preview.valid() ? 0 : 1;
            }
            try {
                int saved = traderImport.importAll(market, rows);
                out.printf("Đã nhập %d tiểu thương vào chợ %s (imported traders)%n", saved, market.code());
                return 0;
            } catch (TraderImportRejected e) {
                report(e.preview().problems(), err);
                err.println("Không nhập ai: sửa các dòng trên rồi chạy lại (nothing imported: fix the lines above)");
                return 1;
            }
        });
    }

    private interface Step {
        int run() throws IOException;
    }

    /** What every import answers when the file cannot be read or the input is refused as a whole. */
    private int guarded(Path file, PrintStream err, Step step) {
        try {
            return step.run();
        } catch (IOException e) {
            err.println("Không đọc được tệp " + file + " (cannot read file): " + e.getMessage());
            return 1;
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> err.println(messages.getMessage(v.messageKey(), v.args().toArray(), VI)));
            return 1;
        } catch (NotFoundException e) {
            err.println(messages.getMessage(e.messageKey(), e.args().toArray(), VI));
            return 1;
        }
    }

    private void report(java.util.List<RowProblem> problems, PrintStream err) {
        for (RowProblem p : problems) {
            err.printf("Dòng %d: %s%n", p.line(), messages.getMessage(p.messageKey(), p.args().toArray(), VI));
        }
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
