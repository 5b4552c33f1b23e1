package dev.cinema.query.favourite;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class FavouriteApiH2Test extends FavouriteApiIntegrationTest {}
