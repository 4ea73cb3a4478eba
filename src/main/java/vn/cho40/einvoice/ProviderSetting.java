package vn.cho40.einvoice;

import java.util.List;
import vn.cho40.shared.Violation;

/**
 * Who sends a board's documents on, as checked from the setting form: LOCAL (signed and published here, marked as not
 * sent: the demo's default), or a licensed provider with its address, user name, the name of the environment variable
 * holding its secret (the secret itself never enters the database or the repository), and MISA's app id or Viettel's
 * template code.
 */
record ProviderSetting(String mode, String baseUrl, String username, String secretRef, String appId, String template) {

    static final List<String> MODES = List.of("LOCAL", "VIETTEL", "MISA");

    static ProviderSetting check(EInvoiceRegister.SettingForm f, List<Violation> problems) {
        String mode = f.mode() == null || f.mode().isBlank() ? "LOCAL" : f.mode().strip();
        if (!MODES.contains(mode)) {
            problems.add(Violation.of("mode", "einvoice.setting.mode"));
            return new ProviderSetting("LOCAL", null, null, null, null, null);
        }
        if (mode.equals("LOCAL")) {
            return new ProviderSetting(mode, null, null, null, null, null);
        }
        String url = blank(f.providerBaseUrl());
        String user = blank(f.providerUsername());
        String ref = blank(f.providerSecretRef());
        String app = blank(f.providerAppId());
        String template = blank(f.providerTemplate());
        if (url == null || !url.matches("https?://[^\\s]+") || url.length() > 300) {
            problems.add(Violation.of("providerBaseUrl", "einvoice.setting.providerBaseUrl"));
        }
        if (user == null || user.length() > 100) {
            problems.add(Violation.of("providerUsername", "einvoice.setting.providerUsername"));
        }
        if (ref == null || !ref.matches("[A-Z][A-Z0-9_]{2,63}")) {
            problems.add(Violation.of("providerSecretRef", "einvoice.setting.providerSecretRef"));
        }
        if (mode.equals("MISA") && (app == null || app.length() > 100)) {
            problems.add(Violation.of("providerAppId", "einvoice.setting.providerAppId"));
        }
        if (mode.equals("VIETTEL") && (template == null || template.length() > 50)) {
            problems.add(Violation.of("providerTemplate", "einvoice.setting.providerTemplate"));
        }
        return new ProviderSetting(mode, url == null ? null : url.replaceAll("/+$", ""), user, ref,
                mode.equals("MISA") ? app : null, mode.equals("VIETTEL") ? template : null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
