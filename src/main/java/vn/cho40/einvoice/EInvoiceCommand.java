package vn.cho40.einvoice;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import vn.cho40.shared.Money;
import vn.cho40.shared.VnFormats;

/**
 * {@code ./cho40 einvoice verify FILE.xml}: what is wrong with an invoice file (structure, totals, words,
 * signature), in Vietnamese then English; exit 1 when anything is. {@code ./cho40 einvoice keystore}: a self-signed
 * key store for trying signing out.
 */
public final class EInvoiceCommand {

    private static final ResourceBundle VI = ResourceBundle.getBundle("i18n/einvoice", Locale.ROOT);
    private static final ResourceBundle EN = ResourceBundle.getBundle("i18n/einvoice", Locale.ENGLISH);

    private EInvoiceCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 2 && args[0].equals("verify")) {
            return verify(Path.of(args[1]), out, err);
        }
        if (args.length >= 1 && args[0].equals("keystore")) {
            return keystore(args, out, err, env);
        }
        say(err, "einvoice.cli.usage");
        return 2;
    }

    private static int verify(Path file, PrintStream out, PrintStream err) {
        byte[] xml;
        try {
            xml = Files.readAllBytes(file);
        } catch (IOException e) {
            say(err, "einvoice.cli.unreadable", file);
            return 2;
        }
        DocumentCheck.Result r = DocumentCheck.check(xml);
        if (r.ok()) {
            try {
                var doc = InvoiceXml.parse(xml);
                DocumentShape shape = DocumentShape.ofRoot(doc.getDocumentElement().getTagName()).orElseThrow();
                String printed = text(doc, shape.form()) + (shape.kind() == EInvoices.Kind.RECEIPT ? " " : "")
                        + text(doc, shape.series());
                say(out, shape.kind() == EInvoices.Kind.RECEIPT ? "einvoice.cli.okReceipt" : "einvoice.cli.ok",
                        printed, text(doc, shape.number()),
                        Money.vnd(Long.parseLong(text(doc, "TgTTTBSo"))).format(),
                        r.signer().getSubjectX500Principal().getName());
            } catch (Exception e) {
                say(out, "einvoice.cli.ok", "?", "?", "?", "?");
            }
            return 0;
        }
        say(err, "einvoice.cli.problems", file, r.problems().size());
        for (DocumentCheck.Problem p : r.problems()) {
            err.println("  - " + format(VI, p.key(), p.args().toArray()));
            err.println("    " + format(EN, p.key(), p.args().toArray()));
        }
        return 1;
    }

    private static int keystore(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        String outFile = option(args, "--out");
        String name = option(args, "--name");
        if (outFile == null || name == null) {
            say(err, "einvoice.cli.usage");
            return 2;
        }
        String password = env.get("CHO40_EINVOICE_KEYSTORE_PASSWORD");
        if (password == null || password.length() < 8) {
            say(err, "einvoice.cli.noPassword");
            return 2;
        }
        SigningKeys keys = SigningKeys.selfSigned(name, option(args, "--tax-code"), Instant.now(), Duration.ofDays(730));
        try (OutputStream o = Files.newOutputStream(Path.of(outFile))) {
            keys.save(o, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            say(err, "einvoice.cli.unreadable", outFile);
            return 2;
        }
        say(out, "einvoice.cli.keystoreWritten", outFile, name,
                VnFormats.date(java.time.LocalDate.ofInstant(keys.certificate().getNotAfter().toInstant(),
                        java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
        return 0;
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static String text(org.w3c.dom.Document doc, String tag) {
        var nodes = doc.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static void say(PrintStream to, String key, Object... args) {
        to.println(format(VI, key, args));
        to.println(format(EN, key, args));
    }

    private static String format(ResourceBundle bundle, String key, Object... args) {
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
    }
}
