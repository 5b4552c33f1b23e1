package dev.cinema.query.alert;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Customers' alerts; written only by {@link AlertProjection}. */
interface AlertRows extends JpaRepository<AlertRow, String> {

    Page<AlertRow> findByCustomerId(String customerId, Pageable pageable);

    Page<AlertRow> findByCustomerIdAndReadAtIsNull(String customerId, Pageable pageable);

    long countByCustomerIdAndReadAtIsNull(String customerId);
}
