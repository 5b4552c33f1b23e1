package dev.cinema.query.rebuild;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every {@link Rebuildable} projection of the query side, found on the class path when the
 * application starts (before Axon builds its processors, which need to know them).
 */
final class RebuildableProjections {

    private final Map<String, RebuildableProjection> byName;

    RebuildableProjections(List<RebuildableProjection> projections) {
        Map<String, RebuildableProjection> named = new LinkedHashMap<>();
        projections.stream()
                .sorted(Comparator.comparing(RebuildableProjection::name))
                .forEach(projection -> {
                    if (named.put(projection.name(), projection) != null) {
                        throw new IllegalStateException("Two rebuildable projections named " + projection.name());
                    }
                });
        this.byName = named;
    }

    static RebuildableProjections scan(String basePackage, ClassLoader classLoader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Rebuildable.class));
        List<RebuildableProjection> found = scanner.findCandidateComponents(basePackage).stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> ClassUtils.resolveClassName(name, classLoader))
                .map(RebuildableProjections::describe)
                .toList();
        return new RebuildableProjections(found);
    }

    private static RebuildableProjection describe(Class<?> type) {
        Rebuildable rebuildable = type.getAnnotation(Rebuildable.class);
        ProcessingGroup group = type.getAnnotation(ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(type.getName() + " is @Rebuildable but has no @ProcessingGroup");
        }
        return new RebuildableProjection(rebuildable.name(), type, group.value(), List.of(rebuildable.tables()));
    }

    List<RebuildableProjection> all() {
        return List.copyOf(byName.values());
    }

    Optional<RebuildableProjection> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Which projection and slot each slot processing group writes (for {@link SlotRouting}). */
    Map<String, SlotRouting.Route> routeOfGroup() {
        Map<String, SlotRouting.Route> routes = new HashMap<>();
        byName.values().forEach(projection -> {
            for (Slot slot : Slot.values()) {
                routes.put(projection.processingGroup(slot), new SlotRouting.Route(projection.name(), slot));
            }
        });
        return routes;
    }

    /** Which projection owns each table (for {@link SlotRouting}). */
    Map<String, String> projectionOfTable() {
        Map<String, String> owners = new HashMap<>();
        byName.values()
                .forEach(projection -> projection.tables().forEach(table -> {
                    String previous = owners.put(table, projection.name());
                    if (previous != null) {
                        throw new IllegalStateException(
                                "Table " + table + " belongs to both " + previous + " and " + projection.name());
                    }
                }));
        return owners;
    }
}
