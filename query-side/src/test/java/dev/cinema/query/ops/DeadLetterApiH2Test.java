package dev.cinema.query.ops;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class DeadLetterApiH2Test extends DeadLetterApiIntegrationTest {}
