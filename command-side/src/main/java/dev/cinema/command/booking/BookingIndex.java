package dev.cinema.command.booking;

import dev.cinema.contracts.booking.BookingStatus;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BookingIndex extends JpaRepository<BookingIndexEntry, String> {

    List<BookingIndexEntry> findByScreeningIdAndStatusIn(String screeningId, Collection<BookingStatus> statuses);

    /** Booking id, status, the screening's start and whether it is cancelled, for each booking of the film. */
    @Query("""
            select b.bookingId, b.status, s.startsAt, s.cancelled from BookingIndexEntry b, ScreenSlot s
            where s.screeningId = b.screeningId and b.customerId = :customerId and s.filmId = :filmId""")
    List<Object[]> viewings(@Param("customerId") String customerId, @Param("filmId") String filmId);
}
