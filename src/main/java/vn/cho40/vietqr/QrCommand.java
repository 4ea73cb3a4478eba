package vn.cho40.vietqr;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./cho40 qr encode|decode|png}: no Spring, no database, one line of output. Exit 0 when valid, 1 when
 * the input or code is invalid, 2 on wrong usage.
 */
public final class QrCommand {

    private QrCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err);
        }
        try {
            return switch (args[0]) {
                case "encode" -> encode(args, out);
                case "decode" -> args.length < 2 ? usage(err) : decode(args[1], out);
                case "png" -> args.length < 2 || option(args, "--out") == null ? usage(err) : png(args, out);
                default -> usage(err);
            };
        } catch (VietQrException e) {
            err.println("Không tạo được mã (" + e.field() + "): " + e.getMessage());
            return 1;
        } catch (NumberFormatException e) {
            err.println("Số tiền phải là số đồng nguyên, vd. 50000 (amount must be whole đồng)");
            return 1;
        } catch (IOException e) {
            err.println("Không ghi được tệp (cannot write file): " + e.getMessage());
            return 1;
        }
    }

    private static int encode(String[] args, PrintStream out) {
        String amount = option(args, "--amount");
        boolean card = java.util.Arrays.asList(args).contains("--card");
        VietQrPayload p = new VietQrPayload(option(args, "--bin"), option(args, "--account"),
                card ? VietQrPayload.Service.TO_CARD : VietQrPayload.Service.TO_ACCOUNT,
                amount == null ? null : Long.parseLong(amount), option(args, "--purpose"), option(args, "--reference"),
                null, amount != null);
        out.println(VietQr.encode(p));
        return 0;
    }

    private static int decode(String payload, PrintStream out) {
        Decoded d = VietQr.decode(payload);
        out.println(json(d));
        return d instanceof Decoded.Valid ? 0 : 1;
    }

    private static int png(String[] args, PrintStream out) throws IOException {
        String size = option(args, "--size");
        Decoded d = VietQr.decode(args[1]);
        if (d instanceof Decoded.Invalid invalid) {
            out.println(json(invalid));
            return 1;
        }
        Path file = Path.of(option(args, "--out"));
        Files.write(file, QrImages.png(args[1], size == null ? 600 : Integer.parseInt(size)));
        out.println(file.toAbsolutePath());
        return 0;
    }

    /** The decode result as one JSON object: valid, bin, bank, account, service, amount, purpose, dynamic. */
    public static String json(Decoded d) {
        if (d instanceof Decoded.Valid v) {
            VietQrPayload p = v.payload();
            return "{\"valid\":true,\"bin\":" + str(p.bin()) + ",\"bank\":" + str(v.bankName()) + ",\"account\":"
                    + str(p.account()) + ",\"service\":" + str(p.service() == null ? null : p.service().code())
                    + ",\"amount\":" + (p.amountVnd() == null ? "null" : p.amountVnd()) + ",\"purpose\":"
                    + str(p.purpose()) + ",\"reference\":" + str(p.reference()) + ",\"dynamic\":" + p.dynamic() + "}";
        }
        Decoded.Invalid i = (Decoded.Invalid) d;
        return "{\"valid\":false,\"error\":" + str(i.reason().name()) + ",\"detail\":" + str(i.detail()) + "}";
    }

    private static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static int usage(PrintStream err) {
        err.println("Cách dùng (usage): ./cho40 qr encode --bin BIN --account SỐ [--amount ĐỒNG] [--purpose \"NỘI DUNG\"] "
                + "[--card] | qr decode PAYLOAD | qr png PAYLOAD --out TỆP.png [--size PX]");
        return 2;
    }
}
