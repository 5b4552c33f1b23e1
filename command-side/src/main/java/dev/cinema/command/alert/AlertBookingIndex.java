package dev.cinema.command.alert;

import dev.cinema.contracts.booking.BookingStatus;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AlertBookingIndex extends JpaRepository<AlertBookingEntry, String> {

    List<AlertBookingEntry> findByScreeningIdAndStatusOrderByBookingId(String screeningId, BookingStatus status);
}
