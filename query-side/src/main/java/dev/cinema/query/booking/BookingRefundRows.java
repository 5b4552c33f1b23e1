package dev.cinema.query.booking;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link CustomerBookingProjection}. */
interface BookingRefundRows extends JpaRepository<BookingRefundRow, String> {

    List<BookingRefundRow> findByBookingIdIn(Collection<String> bookingIds);
}
