package vn.cho40.market;

/** An import refused as a whole, carrying the preview that lists every bad row. */
public class StallImportRejected extends RuntimeException {

    private final StallImportPreview preview;

    public StallImportRejected(StallImportPreview preview) {
        super(preview.problems().size() + " problem(s) in the stall file for " + preview.marketCode());
        this.preview = preview;
    }

    public StallImportPreview preview() {
        return preview;
    }
}
