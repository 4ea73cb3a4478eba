package vn.cho40.trader;

/** A trader import refused as a whole, carrying every bad line. */
public class TraderImportRejected extends RuntimeException {

    private final TraderImport.Preview preview;

    public TraderImportRejected(TraderImport.Preview preview) {
        super(preview.problems().size() + " problem(s) in the trader file");
        this.preview = preview;
    }

    public TraderImport.Preview preview() {
        return preview;
    }
}
