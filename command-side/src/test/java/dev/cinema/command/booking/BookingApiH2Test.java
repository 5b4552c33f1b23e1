package dev.cinema.command.booking;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class BookingApiH2Test extends BookingApiIntegrationTest {}
