package dev.cinema.standalone;

import dev.cinema.platform.testsupport.H2Database;
import java.util.Map;

class ReviewsAndFavouritesH2Test extends ReviewsAndFavouritesTest {

    @Override
    Map<String, Object> database() {
        return H2Database.properties();
    }
}
