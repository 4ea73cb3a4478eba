package vn.cho40.metering;

/** A readings import refused as a whole, carrying the preview that lists every bad row. */
class ReadingImportRejected extends RuntimeException {

    private final transient ReadingImportPreview preview;

    ReadingImportRejected(ReadingImportPreview preview) {
        super(preview.problems().size() + " problem(s) in the readings file for " + preview.marketCode());
        this.preview = preview;
    }

    ReadingImportPreview preview() {
        return preview;
    }
}
