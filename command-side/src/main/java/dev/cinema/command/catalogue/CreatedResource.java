package dev.cinema.command.catalogue;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * Body of a 201: the new item's id. The Location header points at the item in the query API,
 * where it appears once the projection has caught up.
 */
public record CreatedResource(String id) {

    public static ResponseEntity<CreatedResource> response(String queryPath, String id) {
        return ResponseEntity.created(URI.create(queryPath + id)).body(new CreatedResource(id));
    }
}
