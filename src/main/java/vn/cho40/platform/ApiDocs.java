package vn.cho40.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * What the OpenAPI document says about access and errors, for every operation springdoc finds: its security (none
 * where the security chain lets an anonymous caller in, otherwise HTTP Basic or the session cookie; asked of the
 * chain itself, so the document cannot drift from SecurityConfig) and its 4xx answers as problem+json.
 */
@Component
class ApiDocs implements OpenApiCustomizer {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("docs", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

    ApiDocs(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        this.privileges = privileges;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("cho40").version("v1").description("Chợ 4.0: markets, stalls, traders, VietQR "
                + "codes and payments. Errors are application/problem+json (schema Problem), in Vietnamese, or in "
                + "English with Accept-Language: en."));
        // Relative: the document is right wherever it is served from (behind the TLS proxy too).
        api.servers(List.of(new Server().url("/").description("this server")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components
                .addSecuritySchemes(ApiProblems.BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("basic").description("A staff account's username and password"))
                .addSecuritySchemes(ApiProblems.SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE).name("JSESSIONID").description("The session of the login "
                                + "form (/login) or of a trader's one-time code (/trader/login)"))
                .addSecuritySchemes(ApiProblems.WEBHOOK_SIGNATURE, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Cho40-Signature")
                        .description("A payment provider's signature over the raw body: each webhook's description "
                                + "names its header or body field (payOS, SePay, Casso, cho40 direct)"))
                .addSchemas(ApiProblems.SCHEMA, ApiProblems.schema()));
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> document(path, method, operation)));
        }
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(isPublic(path, method) ? List.of()
                    : List.of(new SecurityRequirement().addList(ApiProblems.BASIC),
                            new SecurityRequirement().addList(ApiProblems.SESSION)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (responses.keySet().stream().anyMatch(status -> status.startsWith("4"))) {
            return; // documented by hand (the webhooks, answered outside Spring MVC): they know their answers
        }
        add(responses, "400", "a parameter, path segment or body that cannot be read");
        if (!operation.getSecurity().isEmpty()) {
            add(responses, "401", "no login, or a wrong username or password");
            add(responses, "403", "the role may not do this, or the market is outside the caller's area");
        }
        if (path.contains("{")) {
            add(responses, "404", "nothing with this code or id in the caller's area");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "422", "refused input: each field's problem under errors");
            if (operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
                add(responses, "413", "a file larger than allowed");
            }
        }
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, ApiProblems.response(description));
        }
    }

    /** Asks the security chain whether an anonymous caller may make this request (path variables filled in). */
    private boolean isPublic(String path, PathItem.HttpMethod method) {
        WebInvocationPrivilegeEvaluator evaluator = privileges.getIfAvailable();
        return evaluator != null
                && evaluator.isAllowed("", path.replaceAll("\\{[^}]+}", "x"), method.name(), ANONYMOUS);
    }
}
