package vn.cho40.einvoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.NotFoundException;

/** The e-documents of a bill and their files, for the board's own tools (staff credentials, HTTP Basic). */
@RestController
@Tag(name = "Hóa đơn điện tử (e-invoices)")
class EInvoiceApi {

    private final EInvoices documents;
    private final EInvoicePages pages;
    private final Markets markets;
    private final String lookupUrl;

    EInvoiceApi(EInvoices documents, EInvoicePages pages, Markets markets,
                @org.springframework.beans.factory.annotation.Value(vn.cho40.shared.PublicUrl.SETTING)
                String publicUrl) {
        this.documents = documents;
        this.pages = pages;
        this.markets = markets;
        this.lookupUrl = publicUrl.replaceAll("/+$", "") + "/tra-cuu";
    }

    @Schema(description = "An e-document: its kind, form and series (e.g. 1C26TAA), number, date, total, the code "
            + "for the public lookup and its state (SIGNED: signed and published here, not yet sent to the tax "
            + "authority; SENT: taken by the board's provider; ERROR: its sending failed and is retried). A receipt's "
            + "series is its form and series, e.g. 01BLP0-001 AB-26E. A replacing or adjusting document names the one "
            + "it corrects.")
    record DocumentJson(String id, @Schema(allowableValues = {"INVOICE", "RECEIPT"}) String kind, String series,
                        int number, LocalDate issuedOn, long totalVnd, String lookupCode,
                        @Schema(allowableValues = {"SIGNED", "SENT", "ACCEPTED", "ERROR", "REPLACED", "ADJUSTED",
                                "CANCELLED"}) String state,
                        @Schema(description = "the document this one replaces or adjusts, if any") String corrects,
                        @Schema(allowableValues = {"REPLACE", "ADJUST"}) String correction) {
    }

    @GetMapping("/api/v1/bills/{id}/documents")
    @Operation(operationId = "billDocuments",
            summary = "Hóa đơn điện tử của một hóa đơn phí: the e-documents issued for a bill (empty until it is paid in full)")
    List<DocumentJson> ofBill(@PathVariable UUID id) {
        List<EInvoices.Issued> issued = documents.documentsOf("bill:" + id);
        UUID market = issued.isEmpty() ? documents.marketOfBill(id)
                .orElseThrow(() -> new NotFoundException("einvoice.notFound", id)) : issued.getFirst().marketId();
        Market m = markets.forStaffOf(market, Permission.BILL_READ,
                () -> new NotFoundException("einvoice.notFound", id));
        return issued.stream().map(d -> new DocumentJson(d.id().toString(), d.kind().name(), d.series(), d.number(),
                d.issuedOn(), d.totalVnd(), d.lookupCode(), d.state(),
                d.corrects() == null ? null : d.corrects().toString(), d.correction())).toList();
    }

    @GetMapping("/api/v1/documents/{id}.xml")
    @ApiResponse(responseCode = "200", description = "the signed XML, as stored",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary")))
    @Operation(operationId = "documentXml", summary = "Tệp XML đã ký của hóa đơn điện tử: a document's signed XML")
    ResponseEntity<byte[]> xml(@PathVariable UUID id) {
        EInvoices.Issued d = pages.scoped(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + EInvoicePages.fileName(d) + ".xml\"")
                .body(documents.xml(d.id()));
    }

    @GetMapping("/api/v1/documents/{id}.pdf")
    @ApiResponse(responseCode = "200", description = "the printed copy",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @Operation(operationId = "documentPdf", summary = "Bản in PDF của hóa đơn điện tử: a document's PDF")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        EInvoices.Issued d = pages.scoped(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + EInvoicePages.fileName(d) + ".pdf\"")
                .body(LookupPages.pdf(documents.xml(d.id()), lookupUrl, d));
    }
}
