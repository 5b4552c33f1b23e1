package dev.cinema.command.catalogue.location;

import static dev.cinema.command.Refusals.refusal;

import dev.cinema.contracts.catalogue.location.CreateLocationCommand;
import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.contracts.catalogue.location.LocationRenamedEvent;
import dev.cinema.contracts.catalogue.location.LocationRetiredEvent;
import dev.cinema.contracts.catalogue.location.RenameLocationCommand;
import dev.cinema.contracts.catalogue.location.RetireLocationCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocationTest {

    private static final LocationId LOCATION = LocationId.of("location-1");
    private static final LocationCreatedEvent CREATED = new LocationCreatedEvent(LOCATION, "London");

    private FixtureConfiguration<Location> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Location.class);
    }

    @Test
    void creatingALocationStoresItsTrimmedName() {
        fixture.givenNoPriorActivity()
                .when(new CreateLocationCommand(LOCATION, "  London \t"))
                .expectEvents(CREATED);
    }

    @Test
    void creatingALocationWithABlankNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateLocationCommand(LOCATION, "   "))
                .expectException(refusal("blank", "name"))
                .expectNoEvents();
    }

    @Test
    void aNameLongerThanAHundredCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateLocationCommand(LOCATION, "x".repeat(101)))
                .expectException(refusal("too-long", "name"))
                .expectNoEvents();
    }

    @Test
    void aNameOfAHundredCharactersIsAccepted() {
        String longest = "x".repeat(100);

        fixture.givenNoPriorActivity()
                .when(new CreateLocationCommand(LOCATION, longest))
                .expectEvents(new LocationCreatedEvent(LOCATION, longest));
    }

    @Test
    void renamingALocationEmitsTheNewName() {
        fixture.given(CREATED)
                .when(new RenameLocationCommand(LOCATION, " Greater London "))
                .expectEvents(new LocationRenamedEvent(LOCATION, "Greater London"));
    }

    @Test
    void renamingALocationToItsCurrentNameEmitsNothing() {
        fixture.given(CREATED)
                .when(new RenameLocationCommand(LOCATION, " London "))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void renamingToTheNameItHadBeforeTheLastRenameEmitsARename() {
        // The current name comes from the latest rename, not from creation.
        fixture.given(CREATED, new LocationRenamedEvent(LOCATION, "Greater London"))
                .when(new RenameLocationCommand(LOCATION, "London"))
                .expectEvents(new LocationRenamedEvent(LOCATION, "London"));
    }

    @Test
    void renamingARetiredLocationIsRefused() {
        fixture.given(CREATED, new LocationRetiredEvent(LOCATION))
                .when(new RenameLocationCommand(LOCATION, "Greater London"))
                .expectException(refusal("location-retired", null))
                .expectNoEvents();
    }

    @Test
    void retiringALocationEmitsLocationRetired() {
        fixture.given(CREATED)
                .when(new RetireLocationCommand(LOCATION))
                .expectEvents(new LocationRetiredEvent(LOCATION));
    }

    @Test
    void retiringARetiredLocationAgainEmitsNothing() {
        fixture.given(CREATED, new LocationRetiredEvent(LOCATION))
                .when(new RetireLocationCommand(LOCATION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
