package vn.cho40.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One page of a long staff list: its rows, its number (from 1), the page size and how many rows match in all.
 * Lists are read a page at a time in SQL (LIMIT/OFFSET and a count), never loaded whole.
 */
public record ListPage<T>(List<T> rows, int number, int size, long total) {

    /** Rows per page: enough to scan a zone of a market, few enough for a phone on 3G. */
    public static final int SIZE = 50;
    /** Page numbers shown each side of the current one; the first and last are always shown. */
    private static final int AROUND = 2;

    public ListPage {
        rows = List.copyOf(rows);
        if (number < 1 || size < 1 || total < 0) {
            throw new IllegalArgumentException("page " + number + ", size " + size + ", total " + total);
        }
    }

    /**
     * A page cut from a list already whole in memory: only for lists whose figures need every row first (arrears
     * add up each stall's bills before they can be sorted by age), never as a way round reading a page in SQL.
     */
    public static <T> ListPage<T> slice(List<T> all, int requested, int size) {
        int number = clamp(requested, all.size(), size);
        int from = (int) offset(number, size);
        return new ListPage<>(all.subList(from, Math.min(all.size(), from + size)), number, size, all.size());
    }

    /** The page to read for a requested number: at least 1, at most the last page that has rows. */
    public static int clamp(int requested, long total, int size) {
        long last = Math.max(1, (total + size - 1) / size);
        return (int) Math.min(Math.max(1, requested), last);
    }

    /** The page number a request asks for; anything that is not a number asks for the first page. */
    public static int requested(String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public static long offset(int number, int size) {
        return (long) (number - 1) * size;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The position of the first row shown, counted from 1 ("1–50 of 380"); 0 when nothing matches. */
    public long from() {
        return rows.isEmpty() ? 0 : offset(number, size) + 1;
    }

    public long to() {
        return offset(number, size) + rows.size();
    }

    /** A link in the pager: a page number, or a gap ("…") with no href. */
    public record Link(String label, String href, boolean current) {
        public boolean gap() {
            return href == null;
        }
    }

    /** Links to the first, the last and the pages around this one, each keeping the list's filters. */
    public List<Link> links(String path, Map<String, String> filters) {
        List<Link> links = new ArrayList<>();
        int last = pages();
        int previous = 0;
        for (int n = 1; n <= last; n++) {
            if (n != 1 && n != last && Math.abs(n - number) > AROUND) {
                continue;
            }
            if (previous != 0 && n - previous > 1) {
                links.add(new Link("…", null, false));
            }
            links.add(new Link(String.valueOf(n), href(path, filters, n), n == number));
            previous = n;
        }
        return links;
    }

    public String previousHref(String path, Map<String, String> filters) {
        return number > 1 ? href(path, filters, number - 1) : null;
    }

    public String nextHref(String path, Map<String, String> filters) {
        return number < pages() ? href(path, filters, number + 1) : null;
    }

    /** {@code path?filter=value&…&page=n}; empty filters are left out, page 0 means no page parameter. */
    public static String href(String path, Map<String, String> filters, int page) {
        String query = filters.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (page > 1) {
            query = query.isEmpty() ? "page=" + page : query + "&page=" + page;
        }
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
