package dev.cinema.platform.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the request's correlation id from {@code X-Correlation-Id} (or makes one), answers it in
 * the same header, and keeps it in the MDC while the request is served, from where the command
 * side puts it on the commands it sends. First of all filters, so that every answer carries it, a
 * refused token's 401 included.
 */
public class RequestCorrelationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestCorrelation.acceptOrGenerate(request.getHeader(RequestCorrelation.HEADER));
        response.setHeader(RequestCorrelation.HEADER, id);
        MDC.put(RequestCorrelation.METADATA_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestCorrelation.METADATA_KEY);
        }
    }
}
