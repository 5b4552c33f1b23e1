package dev.cinema.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.platform.refusal.RefusalDetails;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of both APIs as RFC 9457 problem+json. Bad input names the field at fault in an
 * {@code errors} list; nothing leaks a stack trace or an internal class name.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String TYPE_BASE = "https://cinema.dev/problems/";

    /** One input at fault: {@code field} is a JSON path such as {@code layout.rows[2].label}. */
    public record FieldProblem(String field, String message) {}

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refusal(Refusal e) {
        return problem(e.asDetails());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> command(CommandExecutionException e) {
        RefusalDetails details = e.<RefusalDetails>getDetails().orElse(null);
        if (details == null && e.getCause() instanceof Refusal refusal) {
            details = refusal.asDetails();
        }
        if (details == null && e.getCause() instanceof ConcurrencyException) {
            return concurrentModification(e);
        }
        if (details == null) {
            return unexpected(e);
        }
        return problem(details);
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<Object> commandValidation(JSR303ViolationException e) {
        List<FieldProblem> problems = e.getViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return invalidInput(problems);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return invalidInput(problems);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return invalidInput(List.of(new FieldProblem(e.getName(), "must be " + expected)));
    }

    /**
     * Two writers on one aggregate (two command-side processes, or a retry racing the original):
     * the event store's (aggregate, sequence) key lets one win. The command side retries the loser
     * on fresh state a few times before this is reached; if it still lost, that is the system's
     * load, not the caller's doing: try again shortly.
     */
    @ExceptionHandler({ConcurrencyException.class, ConcurrencyFailureException.class})
    ResponseEntity<Object> concurrentModification(Exception e) {
        return problem(new RefusalDetails(
                "concurrent-modification", null, "The system is busy with this item; please try again.", Map.of()));
    }

    /** Method security ({@code @PreAuthorize}) refuses inside the controller, past the filter chain. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return respond(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow this request."));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e) {
        return respond(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A valid bearer token is required."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            // Neither our fault nor the caller's: the request's transaction is all or nothing.
            log.warn("Database unavailable: {}", e.getMessage());
            return respond(DatabaseUnavailable.problem());
        }
        // The one place a 500 may come from: log it whole here, tell the caller nothing internal.
        log.error("Unexpected error", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed. It has been logged.");
        return respond(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return invalidInput(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors errors) {
                // A validated request body: name its fields, not the Java parameter.
                errors.getFieldErrors()
                        .forEach(error -> problems.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
                return;
            }
            RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
            String name = header != null && !header.value().isEmpty()
                    ? header.value()
                    : result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> problems.add(new FieldProblem(name, error.getDefaultMessage())));
        });
        return invalidInput(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
                return respond(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = "has an invalid value";
            if (cause instanceof InvalidFormatException format) {
                message = "must be " + describe(format.getTargetType());
            } else if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                message = "must be " + describe(mismatch.getTargetType());
            }
            return invalidInput(List.of(new FieldProblem(field, message)));
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is missing or is not well-formed JSON.");
        body.setTitle("Malformed request body");
        body.setType(URI.create(TYPE_BASE + "malformed-body"));
        body.setProperty("code", "malformed-body");
        return respond(body);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring's own MVC errors (405, 406, 415, missing parameters...) keep their status and
        // detail but always go out as problem+json.
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    private ResponseEntity<Object> invalidInput(List<FieldProblem> problems) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        body.setTitle("Invalid input");
        body.setType(URI.create(TYPE_BASE + "invalid-input"));
        body.setProperty("code", "invalid-input");
        body.setProperty("errors", problems);
        return respond(body);
    }

    private ResponseEntity<Object> problem(RefusalDetails details) {
        HttpStatus status = RefusalStatuses.of(details.code()).orElse(null);
        if (status == null) {
            log.error("Refusal code '{}' has no status in RefusalStatuses: {}", details.code(), details.message());
            return respond(ProblemDetail.forStatusAndDetail(
                    HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed. It has been logged."));
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, details.message());
        body.setTitle(status.getReasonPhrase());
        if (details.code() != null) {
            body.setType(URI.create(TYPE_BASE + details.code()));
            body.setProperty("code", details.code());
        }
        if (details.field() != null) {
            body.setProperty("errors", List.of(new FieldProblem(details.field(), details.message())));
        }
        details.details().forEach(body::setProperty);
        return respond(body);
    }

    private static ResponseEntity<Object> respond(ProblemDetail body) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (body.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                || body.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            // Every 503 and 429 here is a passing condition: say when to come back. A refusal that
            // knows (a login lockout) says how long; anything else is worth trying again at once.
            Object seconds =
                    body.getProperties() == null ? null : body.getProperties().get(Refusal.RETRY_AFTER_SECONDS);
            response.header(HttpHeaders.RETRY_AFTER, seconds instanceof Number n ? Long.toString(n.longValue()) : "1");
        }
        return response.body(body);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static final Map<Class<?>, String> TYPE_NAMES = Map.of(
            Integer.class,
            "an integer",
            int.class,
            "an integer",
            Long.class,
            "an integer",
            long.class,
            "an integer",
            Boolean.class,
            "true or false",
            boolean.class,
            "true or false",
            java.time.Instant.class,
            "an ISO-8601 instant such as 2026-05-01T18:30:00Z",
            java.time.LocalDate.class,
            "an ISO-8601 date such as 2026-05-01",
            java.time.ZoneId.class,
            "an IANA time zone such as Europe/London",
            String.class,
            "a string");

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        return TYPE_NAMES.getOrDefault(type, "a valid " + type.getSimpleName());
    }
}
