package dev.cinema.query.listing;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class ListingApiH2Test extends ListingApiIntegrationTest {}
