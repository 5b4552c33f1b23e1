package dev.cinema.query.rebuild;

import dev.cinema.platform.testsupport.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class TwoQueryNodesRebuildH2Test extends TwoQueryNodesRebuildIntegrationTest {}
