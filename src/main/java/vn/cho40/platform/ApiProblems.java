package vn.cho40.platform;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;

/**
 * The OpenAPI words for our errors, shared by every module that documents operations by hand (payment's webhooks):
 * the one Problem schema and the security scheme names ApiDocs defines.
 */
public final class ApiProblems {

    /** Staff: username and password on every request. */
    public static final String BASIC = "basicAuth";
    /** The session cookie of the login form or of a trader's one-time code login. */
    public static final String SESSION = "sessionCookie";
    /** A payment provider's or partner's signature over the raw body (each webhook says which). */
    public static final String WEBHOOK_SIGNATURE = "webhookSignature";
    static final String SCHEMA = "Problem";

    private ApiProblems() {
    }

    /** A 4xx or 5xx answer: application/problem+json with the shared Problem schema. */
    public static ApiResponse response(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
    }

    static Schema<?> schema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, parameter, path segment, \"body\", "
                        + "\"file\" or a file's line"))
                .addProperty("message", new StringSchema().description("what to fix, in the caller's language"));
        return new ObjectSchema().description("RFC 9457 problem detail. title, detail and hint are Vietnamese, or "
                        + "English when the request's Accept-Language asks for it (en); never a stack trace or an "
                        + "exception's own message.")
                .addProperty("type", new StringSchema().format("uri").example("https://cho40.vn/problems/not-found"))
                .addProperty("title", new StringSchema().example("Không tìm thấy"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().description("what happened"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("the path asked for"))
                .addProperty("hint", new StringSchema().description("what to do about it"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("refused input, field by "
                        + "field (400, 413, 422)"))
                .addProperty("publicPage", new StringSchema().description("a market outside the caller's area: its "
                        + "public page (403 outside-area)"))
                .addProperty("incident", new StringSchema().description("a fault's code, also in the server's log "
                        + "(500)"))
                .required(List.of("type", "title", "status", "detail"));
    }
}
