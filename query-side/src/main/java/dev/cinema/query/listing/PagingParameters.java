package dev.cinema.query.listing;

import dev.cinema.contracts.listing.Paging;
import dev.cinema.platform.refusal.Refusal;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code page}, {@code size} and {@code sort=property[,asc|desc]} request parameters into a
 * {@link Paging}, accepting only the sort properties a list offers (API names mapped to columns).
 */
public final class PagingParameters {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;

    private PagingParameters() {}

    public static Paging of(int page, int size, String sort, String defaultSort, Map<String, String> sortable) {
        String requested = sort == null || sort.isBlank() ? defaultSort : sort.trim();
        String[] parts = requested.split(",");
        if (parts.length == 0 || parts.length > 2) {
            throw invalidSort(sortable);
        }
        String property = sortable.get(parts[0].trim());
        if (property == null) {
            throw invalidSort(sortable);
        }
        Paging.Direction direction = Paging.Direction.ASC;
        if (parts.length == 2) {
            try {
                direction = Paging.Direction.valueOf(parts[1].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalidSort(sortable);
            }
        }
        return new Paging(page, size, property, direction);
    }

    private static Refusal invalidSort(Map<String, String> sortable) {
        return new Refusal(
                "invalid-sort",
                "sort",
                "sort must be one of " + String.join(", ", new java.util.TreeSet<>(sortable.keySet()))
                        + ", optionally followed by ,asc or ,desc");
    }
}
