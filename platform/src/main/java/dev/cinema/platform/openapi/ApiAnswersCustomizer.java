package dev.cinema.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.platform.openapi.AccessRules.Access;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.validation.Constraint;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents what each operation really answers, inferred from the handler method and the app's
 * security rules rather than written out on every controller:
 * <ul>
 * <li>a token is needed ({@link AccessRules}): the bearer requirement and 401; a role: 403. A
 * public operation needs no token, but one that is sent and not valid is still a 401;</li>
 * <li>a request body: 400 (malformed or invalid), 413 (too large), 415 (not JSON);</li>
 * <li>query, header or constrained path parameters: 400; a path variable: 404;</li>
 * <li>what the signature cannot say, from {@link ApiAnswer}: 201 (always with its
 * {@code Location} header), 202, and the business refusals (409, 422, 402, 503...);</li>
 * <li>every operation: 503 {@code database-unavailable} with {@code Retry-After}.</li>
 * </ul>
 * Errors are {@code application/problem+json} with the {@code Problem} schema, or a flat copy of it
 * with the extra members an answer names. The wildcard media type never appears: successes are
 * {@code application/json} unless the handler produces another type (Server-Sent Events are
 * {@code text/event-stream}). {@link RequestExample} becomes the request body's example.
 */
public class ApiAnswersCustomizer implements GlobalOperationComponentsCustomizer {

    public static final String BEARER = "bearer-jwt";

    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String EVENT_STREAM = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE;

    private final AccessRules access;
    private final ModelConverters models;
    private final ObjectMapper objectMapper;
    private final long maxRequestBytes;

    ApiAnswersCustomizer(AccessRules access, ModelConverters models, ObjectMapper objectMapper, long maxRequestBytes) {
        this.access = access;
        this.models = models;
        this.objectMapper = objectMapper;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Not called by springdoc, which hands this customizer the document's components. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return customize(operation, new Components(), handler);
    }

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handler) {
        List<ApiAnswer> declared = List.copyOf(
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), ApiAnswer.class));
        ApiResponses inferred = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<Integer, ApiResponse> answers = new TreeMap<>();

        successes(declared, inferred, answers, components);
        // The operation's own reasons first: they say more than the inferred ones.
        for (ApiAnswer answer : declared) {
            if (answer.status() >= 400) {
                refuse(answers, answer.status(), answer.when(), answer.body(), components);
            }
        }
        security(operation, handler, answers);
        input(handler, answers);
        // Any operation may find its database gone (PostgreSQL restarting or failing over): the
        // exception handler and DatabaseUnavailableFilter answer it alike, whatever the operation.
        refuse(
                answers,
                503,
                "The database it needs cannot be reached right now (code database-unavailable, as while "
                        + "PostgreSQL restarts): send the request again after Retry-After.");
        // Anything else springdoc found (e.g. an explicit @ApiResponse) stays, unless answered above.
        inferred.forEach((code, response) -> {
            if (isNumeric(code) && Integer.parseInt(code) >= 300) {
                answers.putIfAbsent(Integer.parseInt(code), withConcreteMediaTypes(response));
            }
        });

        ApiResponses responses = new ApiResponses();
        answers.forEach((status, response) -> responses.addApiResponse(String.valueOf(status), response));
        operation.setResponses(responses);
        example(operation, handler);
        return operation;
    }

    private void successes(
            List<ApiAnswer> declared, ApiResponses inferred, Map<Integer, ApiResponse> answers, Components components) {
        Content inferredContent = null;
        for (Map.Entry<String, ApiResponse> entry : inferred.entrySet()) {
            if (isSuccess(entry.getKey())) {
                ApiResponse response = withConcreteMediaTypes(entry.getValue());
                if (inferredContent == null) {
                    inferredContent = response.getContent();
                }
                answers.put(Integer.parseInt(entry.getKey()), response);
            }
        }
        List<ApiAnswer> successes =
                declared.stream().filter(answer -> answer.status() < 400).toList();
        if (successes.isEmpty()) {
            return;
        }
        answers.clear();
        for (ApiAnswer answer : successes) {
            ApiResponse response = new ApiResponse().description(sentence(answer.when()));
            Content content = answer.body() == Void.class ? inferredContent : json(schemaOf(answer.body(), components));
            if (content != null && answer.status() != HttpStatus.NO_CONTENT.value()) {
                response.setContent(content);
            }
            if (answer.status() == HttpStatus.CREATED.value()) {
                response.addHeaderObject(
                        "Location",
                        new Header()
                                .required(true)
                                .description("Where the created item can be read")
                                .schema(new StringSchema()));
            }
            answers.put(answer.status(), response);
        }
    }

    private void security(Operation operation, HandlerMethod handler, Map<Integer, ApiResponse> answers) {
        Access needed = access.of(handler);
        if (needed == Access.PUBLIC) {
            operation.setSecurity(List.of());
            refuse(
                    answers,
                    401,
                    "Only when a bearer token is sent anyway and it is not valid (expired, tampered, from "
                            + "another issuer, revoked): this operation needs none.");
            return;
        }
        operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        refuse(
                answers,
                401,
                "The bearer token is missing, expired or not valid, or was revoked (code token-revoked: the account's "
                        + "roles or password changed after it was issued; log in again).");
        if (needed == Access.ROLE) {
            refuse(answers, 403, "The token's roles do not allow this operation.");
        }
    }

    private void input(HandlerMethod handler, Map<Integer, ApiResponse> answers) {
        boolean body = false;
        boolean checkedParameters = false;
        boolean pathVariables = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = true;
            } else if (parameter.hasParameterAnnotation(PathVariable.class)) {
                pathVariables = true;
                checkedParameters |= parameter.getParameterType() != String.class || isConstrained(parameter);
            } else if (parameter.hasParameterAnnotation(RequestParam.class)
                    || parameter.hasParameterAnnotation(RequestHeader.class)
                    || parameter.hasParameterAnnotation(CookieValue.class)) {
                checkedParameters = true;
            }
        }
        if (body) {
            refuse(
                    answers,
                    400,
                    "The body is not well-formed JSON or breaks a rule of its schema"
                            + (checkedParameters ? ", or a parameter is missing or invalid" : "")
                            + "; errors names each field at fault.");
            refuse(answers, 413, "The body is larger than " + maxRequestBytes + " bytes.");
            refuse(answers, 415, "The body is not " + JSON + ".");
        } else if (checkedParameters) {
            refuse(answers, 400, "A parameter is missing or invalid; errors names it.");
        }
        if (pathVariables) {
            refuse(answers, 404, "Nothing is found for the id in the path.");
        }
    }

    private void refuse(Map<Integer, ApiResponse> answers, int status, String when) {
        refuse(answers, status, when, Void.class, null);
    }

    private void refuse(
            Map<Integer, ApiResponse> answers, int status, String when, Class<?> extras, Components components) {
        ApiResponse existing = answers.get(status);
        ApiResponse response = existing != null ? existing : new ApiResponse().content(problemContent(null));
        response.setDescription(
                existing == null ? sentence(when) : existing.getDescription() + " Or: " + sentence(when));
        if (extras != Void.class) {
            response.setContent(problemContent(problemWith(extras, components)));
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE.value() || status == HttpStatus.TOO_MANY_REQUESTS.value()) {
            // Every 503 and 429 of this API is a passing condition (see ApiExceptionHandler).
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .required(true)
                            .description("Seconds to wait before sending the request again")
                            .schema(new StringSchema()));
        }
        answers.put(status, response);
    }

    private static Content problemContent(String schemaName) {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON,
                        new MediaType()
                                .schema(new Schema<>()
                                        .$ref(Objects.requireNonNullElse(schemaName, ProblemSchemas.PROBLEM))));
    }

    /** A flat copy of the problem schema with the members of {@code extras} added. */
    private String problemWith(Class<?> extras, Components components) {
        ResolvedSchema resolved = models.resolveAsResolvedSchema(new AnnotatedType(extras).resolveAsRef(false));
        String own = resolved.schema.getName();
        resolved.referencedSchemas.forEach((name, schema) -> {
            if (!name.equals(own)) {
                register(components, name, schema);
            }
        });
        String name = own.endsWith("Problem") ? own : own + "Problem";
        Schema<?> problem = ProblemSchemas.problem();
        Map<String, Schema> members = resolved.schema.getProperties();
        if (members != null) {
            members.forEach(problem::addProperty);
        }
        problem.setDescription("A problem (see Problem) with these further members: "
                + String.join(", ", members == null ? List.of() : members.keySet()) + ".");
        register(components, name, problem);
        return name;
    }

    private Schema<?> schemaOf(Class<?> type, Components components) {
        ResolvedSchema resolved = models.resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        resolved.referencedSchemas.forEach((name, schema) -> register(components, name, schema));
        return resolved.schema;
    }

    /** Two types may not share a schema name: one would silently stand for the other. */
    private static void register(Components components, String name, Schema<?> schema) {
        Schema<?> existing =
                components.getSchemas() == null ? null : components.getSchemas().get(name);
        if (existing != null && !existing.equals(schema)) {
            throw new IllegalStateException("Two different schemas are named " + name
                    + " in the API document; name one of them with @Schema(name = ...)");
        }
        components.addSchemas(name, schema);
    }

    private void example(Operation operation, HandlerMethod handler) {
        RequestExample example = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestExample.class);
        if (example == null
                || operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null) {
            return;
        }
        Object value;
        try {
            value = objectMapper.readValue(example.value(), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "The request example of " + handler.getShortLogMessage() + " is not JSON", e);
        }
        operation.getRequestBody().getContent().values().forEach(mediaType -> mediaType.setExample(value));
    }

    /** The wildcard media type becomes JSON; an event stream is text, one JSON document per event. */
    private static ApiResponse withConcreteMediaTypes(ApiResponse response) {
        Content content = response.getContent();
        if (content == null) {
            return response;
        }
        Content concrete = new Content();
        content.forEach((type, mediaType) -> {
            if (type.equals(org.springframework.http.MediaType.ALL_VALUE)) {
                concrete.addMediaType(JSON, mediaType);
            } else if (type.equals(EVENT_STREAM)) {
                concrete.addMediaType(
                        EVENT_STREAM,
                        new MediaType()
                                .schema(new StringSchema()
                                        .description("Server-Sent Events; each event's data is one JSON document, "
                                                + "as the operation's description says")));
            } else {
                concrete.addMediaType(type, mediaType);
            }
        });
        response.setContent(concrete);
        return response;
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType(JSON, new MediaType().schema(schema));
    }

    private static boolean isConstrained(MethodParameter parameter) {
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                return true;
            }
        }
        return false;
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static boolean isNumeric(String code) {
        return code.chars().allMatch(Character::isDigit) && !code.isEmpty();
    }

    private static boolean isSuccess(String code) {
        return isNumeric(code) && code.startsWith("2");
    }
}
