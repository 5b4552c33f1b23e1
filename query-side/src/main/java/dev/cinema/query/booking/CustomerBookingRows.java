package dev.cinema.query.booking;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** Customers' bookings; written only by {@link CustomerBookingProjection}. */
interface CustomerBookingRows extends JpaRepository<CustomerBookingRow, String> {

    Page<CustomerBookingRow> findByCustomerId(String customerId, Pageable pageable);

    Optional<CustomerBookingRow> findByIdAndCustomerId(String id, String customerId);

    /** For a reset: the seats of every booking, before the bookings themselves. */
    @Modifying
    @Transactional
    @Query(value = "delete from read_model.customer_booking_seat", nativeQuery = true)
    void deleteAllSeats();

    /** For a reset: the returned seats of every booking, before the bookings themselves. */
    @Modifying
    @Transactional
    @Query(value = "delete from read_model.customer_booking_returned_seat", nativeQuery = true)
    void deleteAllReturnedSeats();
}
