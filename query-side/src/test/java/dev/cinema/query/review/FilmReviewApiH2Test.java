package dev.cinema.query.review;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class FilmReviewApiH2Test extends FilmReviewApiIntegrationTest {}
