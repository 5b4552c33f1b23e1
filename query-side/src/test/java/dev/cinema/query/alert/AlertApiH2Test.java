package dev.cinema.query.alert;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class AlertApiH2Test extends AlertApiIntegrationTest {}
