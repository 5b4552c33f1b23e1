package dev.cinema.command.catalogue.lookup;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ScreenSlotRepository extends JpaRepository<ScreenSlot, String> {

    @Query("""
            select s from ScreenSlot s
            where s.screenId = :screenId and s.cancelled = false and s.screeningId <> :exceptScreeningId
              and s.startsAt < :until and :from < s.occupiedUntil
            order by s.startsAt""")
    List<ScreenSlot> overlapping(
            @Param("screenId") String screenId,
            @Param("from") Instant from,
            @Param("until") Instant until,
            @Param("exceptScreeningId") String exceptScreeningId);
}
