package vn.cho40.market;

import vn.cho40.shared.RowProblem;
import java.util.List;

/** What an import would do: the rows it would save, or every problem with its line. Nothing saved yet. */
public record StallImportPreview(String marketCode, List<StallDraft> rows, List<RowProblem> problems) {

    public boolean valid() {
        return problems.isEmpty() && !rows.isEmpty();
    }
}
