package dev.cinema.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class QuerySideArchitectureTest {

    private final JavaClasses querySide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cinema.query");

    @Test
    void theQuerySideNeverDependsOnTheCommandSide() {
        noClasses()
                .that()
                .resideInAPackage("dev.cinema.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.cinema.command..")
                .because("events are the only contract between the two sides")
                .check(querySide);
    }
}
