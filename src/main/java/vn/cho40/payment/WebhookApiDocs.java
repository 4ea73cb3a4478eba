package vn.cho40.payment;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import vn.cho40.platform.ApiProblems;

/**
 * The webhooks in the OpenAPI document ({@code /v3/api-docs}): they are served by {@link WebhookHandler}, which
 * springdoc cannot see, so they are described here. Our own signed format ({@code /webhooks/direct}), for
 * wallets and banks that integrate directly, is described field by field.
 */
@Component
class WebhookApiDocs implements OpenApiCustomizer {

    private static final String TAG = "Webhooks";

    @Override
    public void customise(OpenAPI api) {
        api.addTagsItem(new Tag().name(TAG).description("Payment notifications in: verified, stored durably before "
                + "the 2xx, deduplicated across channels, then matched and posted to the ledger"));
        provider(api, "payos", "payOS", "HMAC-SHA256 over the sorted data string (CHO40_PAYOS_CHECKSUM_KEY, or the "
                + "market's payos-checksum-key); the signature is in the body", List.of());
        provider(api, "sepay", "SePay", "Authorization: Apikey KEY (CHO40_SEPAY_API_KEY), or X-SePay-Signature: "
                + "sha256=hex(HMAC-SHA256(secret, timestamp + \".\" + raw body)) with X-SePay-Timestamp "
                + "(CHO40_SEPAY_HMAC_SECRET; once it is set, the signature is required)", List.of("Authorization", "X-SePay-Signature", "X-SePay-Timestamp"));
        provider(api, "casso", "Casso", "X-Casso-Signature (CHO40_CASSO_CHECKSUM_KEY), or the legacy secure-token "
                + "header (CHO40_CASSO_SECURE_TOKEN)", List.of("X-Casso-Signature", "secure-token"));
        Operation direct = operation("directWebhook", "cho40 direct v1", "For wallets and banks that integrate directly. Sign "
                + "X-Cho40-Signature = v1=hex(HMAC-SHA256(partner secret, X-Cho40-Timestamp + \".\" + raw body)); "
                + "the timestamp is unix seconds within 5 minutes of the server's clock. Partners' secrets: "
                + "CHO40_DIRECT_PARTNERS=id:secret,... A transfer is deduplicated by (partner, id) and by (account, "
                + "bankReference, direction) across every channel.", directBody());
        for (String name : List.of("X-Cho40-Partner", "X-Cho40-Timestamp", "X-Cho40-Signature")) {
            direct.addParametersItem(new HeaderParameter().name(name).required(true).schema(new StringSchema()));
        }
        api.path("/webhooks/direct", new PathItem().post(direct));
    }

    /** The platform-wide URL and the per-market one (a board with its own provider account). */
    private static void provider(OpenAPI api, String path, String summary, String description,
                                 List<String> headers) {
        for (boolean perMarket : new boolean[] {false, true}) {
            Operation op = operation(path + (perMarket ? "MarketWebhook" : "Webhook"),
                    summary + (perMarket ? ", a market's own account" : ""), description,
                    new ObjectSchema().description("the provider's own JSON, "
                    + "verified on its raw bytes (PROVIDERS.md)"));
            headers.forEach(h -> op.addParametersItem(new HeaderParameter().name(h).schema(new StringSchema())));
            if (perMarket) {
                op.addParametersItem(new PathParameter().name("market").required(true).schema(new StringSchema())
                        .description("the market's code, e.g. TN-DAITU; its secrets come from the market secrets "
                                + "file"));
            }
            api.path("/webhooks/" + path + (perMarket ? "/{market}" : ""), new PathItem().post(op));
        }
    }

    /** Answered to a signature, not to a login: the webhook-signature scheme (each description names its header). */
    private static Operation operation(String id, String summary, String description, Schema<?> body) {
        return new Operation().addTagsItem(TAG).operationId(id).summary(summary).description(description)
                .addSecurityItem(new SecurityRequirement().addList(ApiProblems.WEBHOOK_SIGNATURE))
                .requestBody(new RequestBody().required(true).content(json(body)))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("stored (or a duplicate: nothing "
                                + "changed); {\"success\":true}").content(json(new ObjectSchema()
                                .addProperty("success", new Schema<Boolean>().type("boolean")))))
                        .addApiResponse("400", problem("malformed body, or an amount above the ceiling "
                                + "(CHO40_MAX_AMOUNT_VND); kept for audit (its SHA-256 and first 1 KB)"))
                        .addApiResponse("401", problem("missing or wrong signature, or a stale timestamp; "
                                + "kept for audit (its SHA-256 and first 1 KB)"))
                        .addApiResponse("413", problem("body larger than 256 KB"))
                        .addApiResponse("429", problem("too many refused requests from this address: "
                                + "send again after Retry-After seconds (accepted requests never count)"))
                        .addApiResponse("503", problem("not stored (database away, or no secret "
                                + "configured): send again")));
    }

    private static ApiResponse problem(String description) {
        return ApiProblems.response(description);
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }

    private static Schema<?> directBody() {
        return new ObjectSchema()
                .addProperty("id", new StringSchema().description("the partner's id for this transfer"))
                .addProperty("bankReference", new StringSchema().description("the bank's reference (FT...): the "
                        + "key shared with other channels"))
                .addProperty("account", new StringSchema().description("the receiving account number"))
                .addProperty("bin", new StringSchema().pattern("^[0-9]{6}$").description("the receiving account's "
                        + "bank (NAPAS BIN); an account is a bank and a number, so send it whenever known"))
                .addProperty("direction", new StringSchema()._enum(List.of("in", "out")).description("out is money "
                        + "out: recorded, never announced as a payment"))
                .addProperty("amount", new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ONE)
                        .description("whole đồng, at most CHO40_MAX_AMOUNT_VND (default 10,000,000,000)"))
                .addProperty("bookedAt", new StringSchema().format("date-time")
                        .example("2026-12-01T08:15:00+07:00"))
                .addProperty("virtualAccount", new StringSchema())
                .addProperty("text", new StringSchema().description("the transfer text (may hold a payment code)"))
                .addProperty("reference", new StringSchema().description("our payment code, when known"))
                .addProperty("payerName", new StringSchema())
                .addProperty("payerAccount", new StringSchema())
                .addProperty("payerBank", new StringSchema())
                .required(List.of("id", "account", "direction", "amount", "bookedAt"));
    }
}
