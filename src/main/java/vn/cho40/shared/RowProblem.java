package vn.cho40.shared;

import java.util.List;

/** What is wrong with one line of an imported file, as a message key and its arguments. */
public record RowProblem(int line, String column, String messageKey, List<Object> args) {

    public static RowProblem of(int line, String column, String messageKey, Object... args) {
        return new RowProblem(line, column, messageKey, List.of(args));
    }
}
