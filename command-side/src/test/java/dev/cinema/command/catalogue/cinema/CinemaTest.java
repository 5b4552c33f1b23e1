package dev.cinema.command.catalogue.cinema;

import static dev.cinema.command.Refusals.refusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.catalogue.cinema.Address;
import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.cinema.CinemaRetiredEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.cinema.CreateCinemaCommand;
import dev.cinema.contracts.catalogue.cinema.RetireCinemaCommand;
import dev.cinema.contracts.catalogue.cinema.UpdateCinemaCommand;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.platform.refusal.Refusal;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CinemaTest {

    private static final CinemaId CINEMA = CinemaId.of("cinema-1");
    private static final LocationId LOCATION = LocationId.of("location-1");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Address ADDRESS = new Address("Potsdamer Str. 4", "Berlin", "10785", "DE");
    private static final CinemaCreatedEvent CREATED =
            new CinemaCreatedEvent(CINEMA, LOCATION, "Zoo Palast", ADDRESS, BERLIN);

    private final CatalogueLookup lookup = mock(CatalogueLookup.class);
    private FixtureConfiguration<Cinema> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cinema.class);
        fixture.registerInjectableResource(lookup);
    }

    @Test
    void creatingACinemaInAnActiveLocationEmitsCinemaCreated() {
        fixture.givenNoPriorActivity()
                .when(new CreateCinemaCommand(CINEMA, LOCATION, "Zoo Palast", ADDRESS, BERLIN))
                .expectEvents(CREATED);

        verify(lookup).requireActive(LookupEntry.Kind.LOCATION, "location-1", "locationId");
    }

    @Test
    void creatingACinemaInAnUnknownLocationIsRefused() {
        // The same refusal CatalogueLookup.requireActive raises for an id it does not know.
        when(lookup.requireActive(LookupEntry.Kind.LOCATION, "nowhere", "locationId"))
                .thenThrow(new Refusal("unknown-location", "locationId", "No location nowhere"));

        fixture.givenNoPriorActivity()
                .when(new CreateCinemaCommand(CINEMA, LocationId.of("nowhere"), "Zoo Palast", ADDRESS, BERLIN))
                .expectException(refusal("unknown-location", "locationId"))
                .expectNoEvents();
    }

    @Test
    void creatingACinemaWithAnUnknownCountryCodeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCinemaCommand(
                        CINEMA,
                        LOCATION,
                        "Zoo Palast",
                        new Address("Potsdamer Str. 4", "Berlin", "10785", "XX"),
                        BERLIN))
                .expectException(refusal("unknown-country", "address.country"))
                .expectNoEvents();
    }

    @Test
    void creatingACinemaWithACountryNameInsteadOfItsCodeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCinemaCommand(
                        CINEMA,
                        LOCATION,
                        "Zoo Palast",
                        new Address("Potsdamer Str. 4", "Berlin", "10785", "Germany"),
                        BERLIN))
                .expectException(refusal("too-long", "address.country"))
                .expectNoEvents();
    }

    @Test
    void addressFieldsAreTrimmedAndTheCountryCodeUpperCased() {
        fixture.givenNoPriorActivity()
                .when(new CreateCinemaCommand(
                        CINEMA,
                        LOCATION,
                        "  Zoo Palast ",
                        new Address("  Potsdamer Str. 4 ", "\tBerlin ", " 10785  ", " de "),
                        BERLIN))
                .expectEvents(CREATED);
    }

    @Test
    void creatingACinemaWithoutAnAddressIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCinemaCommand(CINEMA, LOCATION, "Zoo Palast", null, BERLIN))
                .expectException(refusal("address-required", "address"))
                .expectNoEvents();
    }

    @Test
    void creatingACinemaWithABlankCityIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCinemaCommand(
                        CINEMA, LOCATION, "Zoo Palast", new Address("Potsdamer Str. 4", " ", "10785", "DE"), BERLIN))
                .expectException(refusal("blank", "address.city"))
                .expectNoEvents();
    }

    @Test
    void creatingACinemaWithoutATimeZoneIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCinemaCommand(CINEMA, LOCATION, "Zoo Palast", ADDRESS, null))
                .expectException(refusal("time-zone-required", "timeZone"))
                .expectNoEvents();
    }

    @Test
    void updatingACinemaEmitsItsNewDetails() {
        Address moved = new Address("Hardenbergstr. 29a", "Berlin", "10623", "DE");

        fixture.given(CREATED)
                .when(new UpdateCinemaCommand(CINEMA, " Zoo Palast Berlin ", moved, BERLIN))
                .expectEvents(new CinemaUpdatedEvent(CINEMA, "Zoo Palast Berlin", moved, BERLIN));
    }

    @Test
    void updatingACinemaChecksTheAddressAsCreationDoes() {
        fixture.given(CREATED)
                .when(new UpdateCinemaCommand(
                        CINEMA, "Zoo Palast", new Address("Potsdamer Str. 4", "Berlin", "10785", "ZZ"), BERLIN))
                .expectException(refusal("unknown-country", "address.country"))
                .expectNoEvents();
    }

    @Test
    void aRetiredCinemaCannotBeUpdated() {
        fixture.given(CREATED, new CinemaRetiredEvent(CINEMA))
                .when(new UpdateCinemaCommand(CINEMA, "Zoo Palast", ADDRESS, BERLIN))
                .expectException(refusal("cinema-retired", null))
                .expectNoEvents();
    }

    @Test
    void retiringACinemaEmitsCinemaRetired() {
        fixture.given(CREATED).when(new RetireCinemaCommand(CINEMA)).expectEvents(new CinemaRetiredEvent(CINEMA));
    }

    @Test
    void retiringARetiredCinemaAgainEmitsNothing() {
        fixture.given(CREATED, new CinemaRetiredEvent(CINEMA))
                .when(new RetireCinemaCommand(CINEMA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
