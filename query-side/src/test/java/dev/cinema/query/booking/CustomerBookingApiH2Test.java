package dev.cinema.query.booking;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CustomerBookingApiH2Test extends CustomerBookingApiIntegrationTest {}
