package dev.cinema.command.catalogue.lookup;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LookupEntryRepository extends JpaRepository<LookupEntry, String> {

    /** Row lock on a screen: scheduling on one screen is serialised, so two overlapping screenings cannot both pass. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from LookupEntry e where e.itemId = :id")
    Optional<LookupEntry> lockById(@Param("id") String id);

    boolean existsByKind(LookupEntry.Kind kind);
}
