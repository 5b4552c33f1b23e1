package dev.cinema.command.config;

import dev.cinema.platform.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
@ActiveProfiles("postgres")
class BatchedWritesPostgresTest extends BatchedWritesIntegrationTest {}
