package dev.cinema.platform.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.platform.web.ApiProperties;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The OpenAPI documents of both apps (each names itself via {@code cinema.api.*}): the bearer
 * scheme behind Swagger UI's "Authorize" button, the problem schema every error uses, and the
 * customizers that document each operation's real answers (see {@link ApiAnswersCustomizer}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI cinemaOpenApi(ApiProperties api) {
        return new OpenAPI()
                .info(new Info()
                        .title(api.title())
                        .description(api.description())
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes(
                                ApiAnswersCustomizer.BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token from POST /api/auth/login of the command API"))
                        .addSchemas(ProblemSchemas.PROBLEM, ProblemSchemas.problem())
                        .addSchemas(ProblemSchemas.FIELD_PROBLEM, ProblemSchemas.fieldProblem()));
    }

    @Bean
    ApiAnswersCustomizer apiAnswersCustomizer(
            ApplicationContext context,
            ObjectProvider<WebInvocationPrivilegeEvaluator> privileges,
            SpringDocConfigProperties springDoc,
            ObjectMapper objectMapper,
            ApiProperties api) {
        return new ApiAnswersCustomizer(
                new AccessRules(context, privileges),
                ModelConverters.getInstance(springDoc.isOpenapi31()),
                objectMapper,
                api.maxRequestBytes());
    }

    @Bean
    NullablePropertiesCustomizer nullablePropertiesCustomizer(ObjectProvider<NullableProperties> declarations) {
        return new NullablePropertiesCustomizer(declarations.orderedStream().toList());
    }

    @Bean
    UnusedSchemas unusedSchemas() {
        return new UnusedSchemas();
    }
}
