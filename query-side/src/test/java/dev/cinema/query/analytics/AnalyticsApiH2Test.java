package dev.cinema.query.analytics;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class AnalyticsApiH2Test extends AnalyticsApiIntegrationTest {}
