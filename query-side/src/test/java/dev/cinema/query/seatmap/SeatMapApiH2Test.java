package dev.cinema.query.seatmap;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class SeatMapApiH2Test extends SeatMapApiIntegrationTest {}
