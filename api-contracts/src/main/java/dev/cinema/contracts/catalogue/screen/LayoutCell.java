package dev.cinema.contracts.catalogue.screen;

/**
 * One position in a row of the seat layout: a seat with its number and type, or a gap (an aisle
 * or a missing seat), which keeps the seat map's geometry without being sellable.
 */
public record LayoutCell(Kind kind, String number, SeatType type) {

    public enum Kind {
        SEAT,
        GAP
    }

    public static LayoutCell seat(String number, SeatType type) {
        return new LayoutCell(Kind.SEAT, number, type);
    }

    public static LayoutCell gap() {
        return new LayoutCell(Kind.GAP, null, null);
    }

    /** Not named {@code isSeat}: Jackson would take that for a property and store it in every event. */
    public boolean sellable() {
        return kind == Kind.SEAT;
    }
}
