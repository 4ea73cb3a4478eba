package vn.cho40.metering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cho40.shared.TableFile;

/** A file of meter readings: stall and kind, or the meter's serial; the day read; the value; an optional "x" to confirm a jump. */
final class ReadingFile {

    private static final Map<String, List<String>> ALIASES = Map.of(
            "stall", List.of("ma quay", "quay", "stall", "stall code"),
            "kind", List.of("loai", "loai cong to", "kind", "meter kind"),
            "serial", List.of("so cong to", "so seri", "seri", "serial", "meter serial", "meter"),
            "date", List.of("ngay doc", "ngay", "date", "read on", "reading date"),
            "value", List.of("chi so", "chi so moi", "value", "reading"),
            "confirm", List.of("xac nhan", "confirm", "confirm jump"));
    private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("date", "ngay_doc");
        REQUIRED.put("value", "chi_so");
    }

    static final String TEMPLATE = "ma_quay,loai,so_cong_to,ngay_doc,chi_so,xac_nhan\n"
            + "A-1,điện,,01/12/2026,1234,\nA-2,nước,,01/12/2026,56,\n,,DT-0003,01/12/2026,789,x\n";

    record Line(int number, String stall, String kind, String serial, String date, String value, String confirm) {

        boolean confirmed() {
            String c = confirm == null ? "" : vn.cho40.shared.SearchText.fold(confirm);
            return List.of("x", "co", "yes", "true", "1", "ok").contains(c);
        }
    }

    private ReadingFile() {
    }

    static List<Line> read(String filename, byte[] content) {
        return TableFile.read(filename, content, ALIASES, REQUIRED).stream()
                .map(l -> new Line(l.number(), l.get("stall"), l.get("kind"), l.get("serial"), l.get("date"),
                        l.get("value"), l.get("confirm")))
                .toList();
    }
}
