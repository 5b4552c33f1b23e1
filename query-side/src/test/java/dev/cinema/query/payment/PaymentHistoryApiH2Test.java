package dev.cinema.query.payment;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class PaymentHistoryApiH2Test extends PaymentHistoryApiIntegrationTest {}
