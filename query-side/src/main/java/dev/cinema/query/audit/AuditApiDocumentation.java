package dev.cinema.query.audit;

import dev.cinema.platform.openapi.NullableProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit answers' references that may be null (OpenAPI 3.0 cannot say so beside a reference). */
@Configuration(proxyBeanMethods = false)
class AuditApiDocumentation {

    /** No checkpoint before the first one is signed. */
    @Bean
    NullableProperties exportSummaryNullables() {
        return NullableProperties.of(ExportSummary.class, "checkpoint");
    }

    /** No broken link when every link holds. */
    @Bean
    NullableProperties integrityReportNullables() {
        return NullableProperties.of(IntegrityReport.class, "firstBroken");
    }
}
