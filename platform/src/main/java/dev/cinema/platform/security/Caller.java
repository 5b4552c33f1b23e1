package dev.cinema.platform.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who sent a request, as read from a verified token. */
public record Caller(String accountId, String email, Set<String> roles) {

    public static Caller from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CinemaJwt.ROLES_CLAIM);
        return new Caller(
                jwt.getSubject(),
                jwt.getClaimAsString(CinemaJwt.EMAIL_CLAIM),
                roles == null ? Set.of() : roles.stream().collect(Collectors.toUnmodifiableSet()));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
