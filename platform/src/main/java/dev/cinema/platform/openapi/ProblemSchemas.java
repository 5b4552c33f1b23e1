package dev.cinema.platform.openapi;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;
import java.util.List;

/** The schema of every error of both APIs: RFC 9457 problem details plus this API's own members. */
final class ProblemSchemas {

    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";

    private ProblemSchemas() {}

    static Schema<?> problem() {
        Schema<?> problem = new ObjectSchema()
                .description("An error, as RFC 9457 problem details (application/problem+json). Further members "
                        + "an operation adds are named in its own problem schema.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .description("URI naming the kind of problem, e.g. "
                                        + "https://cinema.dev/problems/seats-unavailable; about:blank when the "
                                        + "status says it all"))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().format("int32").description("The HTTP status, repeated"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request, for humans"))
                .addProperty("instance", new StringSchema().description("The request's path"))
                .addProperty(
                        "code",
                        new StringSchema()
                                .description("Stable machine-readable reason, e.g. seats-unavailable, email-taken"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref(FIELD_PROBLEM))
                                .description("The inputs at fault, when the request's input is to blame"));
        problem.setRequired(new ArrayList<>(List.of("type", "title", "status")));
        return problem;
    }

    static Schema<?> fieldProblem() {
        Schema<?> field = new ObjectSchema()
                .description("One input at fault")
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("JSON path of a body field (e.g. layout.rows[2].label) or the "
                                        + "name of a parameter or header"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        field.setRequired(new ArrayList<>(List.of("field", "message")));
        return field;
    }
}
