package dev.cinema.query.security;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class QuerySecurityH2Test extends QuerySecurityTest {}
