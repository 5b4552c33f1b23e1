package dev.cinema.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries, checked where every module's classes are on one class path (so a forbidden
 * dependency would be visible here even if the build let it through).
 */
class ArchitectureTest {

    private final JavaClasses all = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cinema");

    @Test
    void theQuerySideNeverUsesCommandSideCode() {
        noClasses()
                .that()
                .resideInAPackage("dev.cinema.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.cinema.command..")
                .check(all);
    }

    @Test
    void theCommandSideNeverUsesQuerySideCode() {
        noClasses()
                .that()
                .resideInAPackage("dev.cinema.command..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.cinema.query..")
                .check(all);
    }

    @Test
    void contractsDependOnNoFrameworkButAxonsTwoAnnotations() {
        noClasses()
                .that()
                .resideInAPackage("dev.cinema.contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta..",
                        "com.fasterxml..",
                        "dev.cinema.command..",
                        "dev.cinema.query..",
                        "dev.cinema.platform..")
                .check(all);
    }

    @Test
    void thePlatformKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.cinema.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.cinema.command..", "dev.cinema.query..")
                .check(all);
    }
}
