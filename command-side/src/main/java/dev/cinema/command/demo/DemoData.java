package dev.cinema.command.demo;

import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.account.GrantRoleCommand;
import dev.cinema.contracts.account.RegisterAccountCommand;
import dev.cinema.contracts.account.Role;
import dev.cinema.contracts.catalogue.cinema.Address;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.cinema.CreateCinemaCommand;
import dev.cinema.contracts.catalogue.film.AgeRating;
import dev.cinema.contracts.catalogue.film.CreateFilmCommand;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.location.CreateLocationCommand;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.contracts.catalogue.screen.CreateScreenCommand;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScheduleScreeningCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo catalogue and one account per role, sent as ordinary commands (so they are events like any
 * other). Runs only with the {@code demo} profile and only into an empty catalogue.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Development-only credentials, printed in the README. */
    static final Map<String, Role> ACCOUNTS = Map.of(
            "customer@cinema.dev", Role.CUSTOMER,
            "admin@cinema.dev", Role.ADMIN,
            "auditor@cinema.dev", Role.AUDITOR,
            "analyst@cinema.dev", Role.ANALYST);

    static final String PASSWORD_SUFFIX = "-pass-2026";

    private static final LocalTime[] SHOWTIMES = {LocalTime.of(13, 0), LocalTime.of(16, 30), LocalTime.of(20, 0)};

    private final CommandGateway commands;
    private final CatalogueLookup lookup;
    private final PasswordEncoder passwords;
    private final Clock clock;

    DemoData(CommandGateway commands, CatalogueLookup lookup, PasswordEncoder passwords, Clock clock) {
        this.commands = commands;
        this.lookup = lookup;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (lookup.anyLocation()) {
            log.info("Catalogue is not empty: demo data not loaded again");
            return;
        }
        accounts();
        List<FilmId> showing = films();
        LocationId london = location("London");
        LocationId manchester = location("Manchester");
        LocationId edinburgh = location("Edinburgh");
        ZoneId uk = ZoneId.of("Europe/London");
        List<ScreenId> screens = new ArrayList<>();
        CinemaId southbank = cinema(
                london, "Riverside Picturehouse", new Address("1 Belvedere Road", "London", "SE1 8XX", "GB"), uk);
        screens.add(screen(southbank, "Screen 1", ScreenFormat.IMAX, layout(14, 22, 6, 16)));
        screens.add(screen(southbank, "Screen 2", ScreenFormat.TWO_D, layout(9, 14, 4, 10)));
        CinemaId camden = cinema(london, "Camden Electric", new Address("40 Parkway", "London", "NW1 7AH", "GB"), uk);
        screens.add(screen(camden, "Main", ScreenFormat.TWO_D, layout(10, 16, 4, 12)));
        CinemaId deansgate =
                cinema(manchester, "Deansgate Odeum", new Address("235 Deansgate", "Manchester", "M3 4EN", "GB"), uk);
        screens.add(screen(deansgate, "Screen A", ScreenFormat.THREE_D, layout(12, 18, 5, 13)));
        screens.add(screen(deansgate, "Screen B", ScreenFormat.TWO_D, layout(8, 12, 3, 9)));
        CinemaId leith =
                cinema(edinburgh, "Leith Filmhouse", new Address("88 Lothian Road", "Edinburgh", "EH3 9BZ", "GB"), uk);
        screens.add(screen(leith, "Screen 1", ScreenFormat.DOLBY_CINEMA, layout(11, 16, 4, 12)));
        int scheduled = screenings(screens, showing, uk);
        log.info(
                "Demo data loaded: 3 locations, 4 cinemas, {} screens, {} films, {} screenings, {} accounts",
                screens.size(),
                showing.size() + 2,
                scheduled,
                ACCOUNTS.size());
    }

    private void accounts() {
        ACCOUNTS.forEach((email, role) -> {
            AccountId id = AccountId.random();
            String name = email.substring(0, email.indexOf('@'));
            commands.sendAndWait(
                    new RegisterAccountCommand(id, email, "Demo " + name, passwords.encode(name + PASSWORD_SUFFIX)));
            if (role != Role.CUSTOMER) {
                commands.sendAndWait(new GrantRoleCommand(id, role));
            }
        });
    }

    private List<FilmId> films() {
        LocalDate today = LocalDate.now(clock);
        List<FilmId> showing = new ArrayList<>();
        showing.add(film(
                "The Lighthouse Keeper's Daughter",
                118,
                AgeRating.PG_13,
                Set.of(Genre.DRAMA),
                today.minusDays(12),
                "A keeper's daughter inherits a lamp that shows ships that sank a century ago."));
        showing.add(film(
                "Orbit of Glass",
                142,
                AgeRating.PG_13,
                Set.of(Genre.SCIENCE_FICTION, Genre.THRILLER),
                today.minusDays(5),
                "A repair crew finds a second station hidden in the shadow of their own."));
        showing.add(film(
                "Paper Tigers",
                97,
                AgeRating.PG,
                Set.of(Genre.COMEDY, Genre.FAMILY),
                today.minusDays(20),
                "Three retired origami champions are dragged into one last tournament."));
        showing.add(film(
                "The Long Quiet",
                104,
                AgeRating.R,
                Set.of(Genre.HORROR),
                today.minusDays(2),
                "A sound engineer records a silence that will not stop following her."));
        showing.add(film(
                "Northern Lines",
                131,
                AgeRating.PG_13,
                Set.of(Genre.ACTION, Genre.ADVENTURE),
                today.minusDays(30),
                "A train driver has one night to cross a frozen country with a stolen map."));
        film(
                "Clockwork Harbour",
                112,
                AgeRating.PG,
                Set.of(Genre.ANIMATION, Genre.FAMILY),
                today.plusDays(20),
                "A mechanical gull wants to see what lies beyond the harbour wall.");
        film(
                "Last Light Over Aldgate",
                126,
                AgeRating.R,
                Set.of(Genre.CRIME, Genre.MYSTERY),
                today.plusDays(45),
                "A night-shift detective investigates a robbery that happened tomorrow.");
        return showing;
    }

    private int screenings(List<ScreenId> screens, List<FilmId> films, ZoneId zone) {
        LocalDate firstDay = LocalDate.now(clock.withZone(zone)).plusDays(1);
        Map<SeatType, Money> prices = new EnumMap<>(SeatType.class);
        prices.put(SeatType.STANDARD, Money.of(1250, "GBP"));
        prices.put(SeatType.PREMIUM, Money.of(1650, "GBP"));
        prices.put(SeatType.COUPLE, Money.of(2800, "GBP"));
        prices.put(SeatType.WHEELCHAIR, Money.of(1250, "GBP"));
        int count = 0;
        for (int day = 0; day < 7; day++) {
            for (int s = 0; s < screens.size(); s++) {
                for (int slot = 0; slot < SHOWTIMES.length; slot++) {
                    FilmId film = films.get((day + s + slot) % films.size());
                    commands.sendAndWait(new ScheduleScreeningCommand(
                            ScreeningId.random(),
                            film,
                            screens.get(s),
                            firstDay.plusDays(day)
                                    .atTime(SHOWTIMES[slot])
                                    .atZone(zone)
                                    .toInstant(),
                            prices,
                            true));
                    count++;
                }
            }
        }
        return count;
    }

    private LocationId location(String name) {
        LocationId id = LocationId.random();
        commands.sendAndWait(new CreateLocationCommand(id, name));
        return id;
    }

    private CinemaId cinema(LocationId location, String name, Address address, ZoneId zone) {
        CinemaId id = CinemaId.random();
        commands.sendAndWait(new CreateCinemaCommand(id, location, name, address, zone));
        return id;
    }

    private ScreenId screen(CinemaId cinema, String name, ScreenFormat format, SeatLayout layout) {
        ScreenId id = ScreenId.random();
        commands.sendAndWait(new CreateScreenCommand(id, cinema, name, format, layout));
        return id;
    }

    private FilmId film(
            String title, int runtime, AgeRating rating, Set<Genre> genres, LocalDate release, String synopsis) {
        FilmId id = FilmId.random();
        commands.sendAndWait(new CreateFilmCommand(id, title, runtime, rating, genres, release, synopsis));
        return id;
    }

    /**
     * A realistic auditorium: two aisles splitting each row into blocks, wheelchair spaces at the
     * ends of the front row, premium rows in the middle third and couple seats along the back.
     */
    static SeatLayout layout(int rows, int seatsPerRow, int leftAisleAfter, int rightAisleAfter) {
        List<SeatRow> result = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String label = String.valueOf((char) ('A' + r));
            List<LayoutCell> cells = new ArrayList<>();
            boolean back = r == rows - 1;
            boolean premium = r >= rows / 3 && r < 2 * rows / 3;
            int number = 1;
            int seatsInRow = back ? seatsPerRow / 2 : seatsPerRow;
            for (int position = 1; position <= seatsInRow; position++) {
                SeatType type = back
                        ? SeatType.COUPLE
                        : r == 0 && (position <= 2 || position > seatsInRow - 2)
                                ? SeatType.WHEELCHAIR
                                : premium ? SeatType.PREMIUM : SeatType.STANDARD;
                cells.add(LayoutCell.seat(String.valueOf(number++), type));
                int aisleLeft = back ? leftAisleAfter / 2 : leftAisleAfter;
                int aisleRight = back ? rightAisleAfter / 2 : rightAisleAfter;
                if (position == aisleLeft || position == aisleRight) {
                    cells.add(LayoutCell.gap());
                }
            }
            result.add(new SeatRow(label, cells));
        }
        return new SeatLayout(result);
    }
}
