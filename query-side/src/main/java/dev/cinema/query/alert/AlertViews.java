package dev.cinema.query.alert;

import dev.cinema.contracts.alert.AlertView;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Alerts as their customer reads them: the stored facts joined to the catalogue facts, the text written now. */
@Component
class AlertViews {

    private final AlertScreeningRows screenings;
    private final AlertFilmRows films;
    private final AlertCinemaRows cinemas;

    AlertViews(AlertScreeningRows screenings, AlertFilmRows films, AlertCinemaRows cinemas) {
        this.screenings = screenings;
        this.films = films;
        this.cinemas = cinemas;
    }

    AlertView view(AlertRow row) {
        return views(List.of(row)).get(0);
    }

    List<AlertView> views(List<AlertRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, AlertScreeningRow> screeningsById = byId(
                screenings.findAllById(rows.stream()
                        .map(row -> row.screeningId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet())),
                screening -> screening.id);
        Map<String, AlertFilmRow> filmsById = byId(
                films.findAllById(rows.stream()
                        .map(row -> filmId(row, screeningsById))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet())),
                film -> film.id);
        Map<String, AlertCinemaRow> cinemasById = byId(
                cinemas.findAllById(screeningsById.values().stream()
                        .map(screening -> screening.cinemaId)
                        .collect(Collectors.toSet())),
                cinema -> cinema.id);
        return rows.stream()
                .map(row -> {
                    AlertScreeningRow screening = row.screeningId == null ? null : screeningsById.get(row.screeningId);
                    String filmId = filmId(row, screeningsById);
                    AlertFilmRow film = filmId == null ? null : filmsById.get(filmId);
                    AlertCinemaRow cinema = screening == null ? null : cinemasById.get(screening.cinemaId);
                    AlertTexts.Showing showing = new AlertTexts.Showing(
                            film == null ? null : film.title,
                            cinema == null ? null : cinema.name,
                            cinema == null ? null : ZoneId.of(cinema.timeZone),
                            screening == null ? null : screening.startsAt,
                            screening == null ? null : screening.cancellationReason);
                    return new AlertView(
                            row.id,
                            row.type,
                            AlertTexts.text(row.type, row.details(), showing),
                            row.occurredAt,
                            row.readAt != null,
                            row.bookingId,
                            row.screeningId,
                            filmId,
                            row.paymentId,
                            row.refundId);
                })
                .toList();
    }

    /** The film the alert names, or else the one its screening shows. */
    private static String filmId(AlertRow row, Map<String, AlertScreeningRow> screenings) {
        if (row.filmId != null) {
            return row.filmId;
        }
        AlertScreeningRow screening = row.screeningId == null ? null : screenings.get(row.screeningId);
        return screening == null ? null : screening.filmId;
    }

    private static <T> Map<String, T> byId(Collection<T> rows, Function<T, String> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
