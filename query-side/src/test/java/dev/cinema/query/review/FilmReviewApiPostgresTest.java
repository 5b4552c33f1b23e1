package dev.cinema.query.review;

import dev.cinema.platform.testsupport.PostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
@ActiveProfiles("postgres")
class FilmReviewApiPostgresTest extends FilmReviewApiIntegrationTest {}
