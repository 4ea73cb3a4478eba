package vn.cho40.payment;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * JSON with object keys sorted recursively and no whitespace, escaped as JavaScript's JSON.stringify does
 * (only quotes, backslashes and control characters; Vietnamese and '/' kept as they are): what Casso v2 signs.
 */
final class CanonicalJson {

    /** Deeper than this is refused: no provider nests so deep, and the recursion must stay bounded. */
    static final int MAX_DEPTH = 64;

    /** Thrown for JSON nested deeper than {@link #MAX_DEPTH}: bad input, which callers refuse as malformed. */
    static final class TooDeep extends IllegalArgumentException {
        TooDeep() {
            super("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private CanonicalJson() {
    }

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, 0);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out, depth + 1);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out, depth + 1);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.asString(), out);
        } else {
            out.append(node.toString());
        }
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
