package vn.cho40.platform;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The JDBC form of {@code DATABASE_URL}. Accepts what operators paste: {@code jdbc:postgresql://...} as is,
 * or the {@code postgres://user:password@host:port/db} form that hosting panels print.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public static DatabaseUrl parse(String url) {
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL phải bắt đầu bằng jdbc:postgresql://, postgres:// hoặc postgresql:// "
                            + "(DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://)");
        }
        URI uri = URI.create(trimmed);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(
                    "DATABASE_URL thiếu máy chủ hoặc tên cơ sở dữ liệu, ví dụ postgres://user:pass@host:5432/cho40 "
                            + "(DATABASE_URL needs a host and a database name)");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
