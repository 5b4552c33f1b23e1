package dev.cinema.command.booking;

import dev.cinema.contracts.booking.BookingStatus;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BookingIndex extends JpaRepository<BookingIndexEntry, String> {

    List<BookingIndexEntry> findByScreeningIdAndStatusIn(String screeningId, Collection<BookingStatus> statuses);
}
