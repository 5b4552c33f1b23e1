package dev.cinema.contracts;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * The contracts are shared by every app and stored in the event store for good, so they must stay
 * plain Java: a framework type in a message would leak into every consumer and into old events.
 */
@AnalyzeClasses(packages = "dev.cinema.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {

    @ArchTest
    static final ArchRule contractsDoNotDependOnSpringJakartaOrJackson = noClasses()
            .that()
            .resideInAPackage("dev.cinema.contracts..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..", "com.fasterxml..")
            .because("messages are plain records; serialisation is configured by the apps, not annotated in");

    @ArchTest
    static final ArchRule theOnlyAxonTypesUsedAreTargetAggregateIdentifierAndRevision = noClasses()
            .that()
            .resideInAPackage("dev.cinema.contracts..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.axonframework..")
                    .and(not(type(TargetAggregateIdentifier.class)))
                    .and(not(type(Revision.class))))
            .because("routing and upcasting metadata are the only Axon concepts a message may carry");

    /**
     * Top-level only: nested types (such as {@code LayoutCell.Kind}) belong to their owner and are
     * not messages. Interfaces neither: the aggregates' event markers ({@code BookingEvent}...) are
     * kinds of messages, not messages.
     */
    @ArchTest
    static final ArchRule messagesViewsPagesAndIdsAreRecords = classes()
            .that()
            .resideInAPackage("dev.cinema.contracts..")
            .and()
            .areTopLevelClasses()
            .and()
            .areNotInterfaces()
            .and()
            .haveNameMatching(".*\\.[^.$]*(Command|Event|Query|View|Page|Id)")
            .should()
            .beRecords()
            .because("messages must be immutable and compare by value");
}
