package dev.cinema.command.ops;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class ProcessorStatusApiH2Test extends ProcessorStatusApiIntegrationTest {}
