package dev.cinema.command.config;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class BatchedWritesH2Test extends BatchedWritesIntegrationTest {}
