package dev.cinema.query.rebuild;

import dev.cinema.platform.observability.EventProcessorsNeeded;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Readiness on the query side: a projection's slot processor is needed while the slot table says
 * it runs (its LIVE slots); a slot that is empty, paused for a rebuild's cut or being reset is
 * stopped on purpose. Every other processor (none today) is always needed.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionReadiness {

    @Bean
    EventProcessorsNeeded projectionSlotsMeantToRun(RebuildableProjections projections, ProjectionRebuilds rebuilds) {
        return name -> !projections.routeOfGroup().containsKey(name) || rebuilds.meantToRun(name);
    }
}
