package dev.cinema.query.alert;

import dev.cinema.platform.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
@ActiveProfiles("postgres")
class AlertApiPostgresTest extends AlertApiIntegrationTest {}
