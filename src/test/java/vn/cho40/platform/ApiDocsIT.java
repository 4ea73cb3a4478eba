package vn.cho40.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;

/**
 * The OpenAPI document says who may call each operation and how it fails: every operation has security (HTTP Basic
 * or the session cookie, the webhook signature, or explicitly none), an operationId, a summary and its 4xx answers
 * as problem+json with the shared Problem schema. Writes the document to target/openapi.json, which CI lints with
 * Redocly (.ci/run); this test catches the same regressions with ./mvnw verify alone.
 */
@IntegrationTest
class ApiDocsIT {

    private static final Set<String> SCHEMES = Set.of(ApiProblems.BASIC, ApiProblems.SESSION,
            ApiProblems.WEBHOOK_SIGNATURE);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @LocalServerPort
    int port;

    private JsonNode doc;

    @BeforeEach
    void fetchAndWrite() throws IOException {
        Http.Response r = new Http(port).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        Files.writeString(Path.of("target", "openapi.json"), r.body(), StandardCharsets.UTF_8);
        doc = r.json();
    }

    @Test
    void everyOperationHasSecurityAnIdASummaryAndProblemAnswers() {
        assertThat(doc.at("/components/securitySchemes").propertyNames()).containsAll(SCHEMES);
        assertThat(doc.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors", "hint");
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        operations().forEach((where, op) -> {
            if (!op.has("security")) {
                problems.add(where + ": no security");
            } else {
                op.get("security").forEach(requirement -> requirement.propertyNames().forEach(scheme -> {
                    if (!SCHEMES.contains(scheme)) {
                        problems.add(where + ": unknown scheme " + scheme);
                    }
                }));
            }
            String id = op.path("operationId").asString("");
            if (!id.matches("[a-z][A-Za-z0-9_]*") || !ids.add(id)) {
                problems.add(where + ": operationId missing or repeated: " + id);
            }
            if (op.path("summary").asString("").isBlank()) {
                problems.add(where + ": no summary");
            }
            List<String> clientErrors = op.path("responses").propertyNames().stream().filter(s -> s.startsWith("4"))
                    .toList();
            if (clientErrors.isEmpty()) {
                problems.add(where + ": no 4xx answer");
            }
            for (String status : clientErrors) {
                if (!op.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asString("")
                        .equals("#/components/schemas/Problem")) {
                    problems.add(where + ": " + status + " is not a Problem");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void securityFollowsTheSecurityChain() {
        assertThat(security("/api/v1/markets", "get")).as("the open directory").isEmpty();
        assertThat(security("/api/v1/admin-units/{code}", "get")).as("open data").isEmpty();
        assertThat(security("/api/v1/markets", "post")).containsExactly(ApiProblems.BASIC, ApiProblems.SESSION);
        assertThat(security("/api/v1/traders/{id}", "get")).containsExactly(ApiProblems.BASIC, ApiProblems.SESSION);
        assertThat(security("/webhooks/sepay/{market}", "post")).containsExactly(ApiProblems.WEBHOOK_SIGNATURE);
        assertThat(doc.at("/paths/~1api~1v1~1traders~1{id}/get/responses").propertyNames())
                .contains("400", "401", "403", "404");
        assertThat(doc.at("/paths/~1api~1v1~1markets/get/responses").propertyNames()).as("public: no 401")
                .contains("400").doesNotContain("401");
    }

    @Test
    void theBillingApiIsDocumentedAsItAnswers() {
        Map<String, JsonNode> ops = operations();
        Map<String, String> ids = new java.util.HashMap<>();
        ops.forEach((where, op) -> ids.put(op.path("operationId").asString(""), where));
        assertThat(ids).containsEntry("listBills", "GET /api/v1/markets/{code}/bills")
                .containsEntry("getBill", "GET /api/v1/bills/{id}")
                .containsEntry("runBilling", "POST /api/v1/markets/{code}/billing-runs")
                .containsEntry("recordMeterReading", "POST /api/v1/markets/{code}/meter-readings");
        JsonNode bill = doc.at("/components/schemas/BillJson/properties");
        assertThat(bill.propertyNames()).contains("id", "number", "stallCode", "traderId", "period", "dueDate",
                "totalVnd", "paidVnd", "status", "paymentCode", "qrPayload");
        // The run's period takes a month, a quarter or a day of tickets, as the server does; the pattern says so.
        java.util.regex.Pattern period = java.util.regex.Pattern.compile(
                doc.at("/components/schemas/RunRequest/properties/period/pattern").asString());
        assertThat(List.of("2026-11", "2026-Q4", "15/11/2026")).allMatch(p -> period.matcher(p).matches());
        assertThat(List.of("2026-13", "11/2026", "2026-Q5")).noneMatch(p -> period.matcher(p).matches());
        assertThat(doc.at("/components/schemas/DraftBillJson/properties").propertyNames())
                .as("a preview shows each bill's lines").contains("stallCode", "totalVnd", "lines");
        assertThat(doc.at("/components/schemas/UnbillableJson/properties").propertyNames())
                .contains("stallCode", "reason", "charge", "message");
    }

    private List<String> security(String path, String method) {
        JsonNode op = doc.path("paths").path(path).path(method);
        assertThat(op.isMissingNode()).as(method + " " + path).isFalse();
        List<String> schemes = new ArrayList<>();
        op.get("security").forEach(r -> schemes.addAll(r.propertyNames()));
        return schemes;
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> ops = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    ops.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
        assertThat(ops).as("the API and the webhooks").hasSizeGreaterThan(30);
        return ops;
    }
}
