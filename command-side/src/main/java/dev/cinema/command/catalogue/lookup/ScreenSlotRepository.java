package dev.cinema.command.catalogue.lookup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /**
     * The seating policy of the cinema a screening is in, in one statement: the screening (none if
     * unknown), and its cinema's {@code preventStrandedSeats} (null if the screen or the cinema is
     * not in the lookup). Asked on every hold, so it reads one boolean, not the screen's entry
     * with its whole layout.
     */
    @Query("""
            select new dev.cinema.command.catalogue.lookup.SeatingPolicy(
                s.screeningId, cinema.preventStrandedSeats)
            from ScreenSlot s
            left join LookupEntry screen on screen.itemId = s.screenId
            left join LookupEntry cinema on cinema.itemId = screen.parentId
            where s.screeningId = :screeningId""")
    Optional<SeatingPolicy> seatingPolicy(@Param("screeningId") String screeningId);
}
