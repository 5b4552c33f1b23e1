package dev.cinema.command;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

/**
 * The shape of the command side: features depend one way (catalogue ← booking ← payment), and the
 * domain decides in its own words, knowing nothing of HTTP or of the web layer.
 */
class CommandSideArchitectureTest {

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cinema.command");

    @Test
    void theCatalogueKnowsNothingOfBookingsOrPayments() {
        noClasses()
                .that()
                .resideInAPackage("dev.cinema.command.catalogue..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.cinema.command.booking..", "dev.cinema.command.payment..")
                .because("screenings sell seats to whoever asks; bookings and payments build on them")
                .check(commandSide);
    }

    @Test
    void bookingsKnowNothingOfPayments() {
        noClasses()
                .that()
                .resideInAPackage("dev.cinema.command.booking..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.cinema.command.payment..")
                .because("a payment settles a booking, never the reverse")
                .check(commandSide);
    }

    @Test
    void aggregatesDependOnNoSpringAndNoWebClass() {
        noClasses()
                .that()
                .areAnnotatedWith(Aggregate.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.servlet..",
                        "dev.cinema.platform.web..",
                        "dev.cinema.command.config..")
                .because("aggregates decide in the domain's words; the web layer turns refusals into statuses")
                .check(commandSide);
    }

    @Test
    void commandHandlersKnowNothingOfHttp() {
        noClasses()
                .that()
                .containAnyMethodsThat(annotatedWith(CommandHandler.class))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "jakarta.servlet..",
                        "dev.cinema.platform.web..")
                .because("a command can come from HTTP, a deadline, a policy or Axon Server alike")
                .check(commandSide);
    }
}
