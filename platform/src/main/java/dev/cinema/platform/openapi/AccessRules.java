package dev.cinema.platform.openapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call an operation, asked of the app's own security rules (its filter chain and method
 * security) rather than restated by hand, so the documents cannot drift from what is enforced.
 */
final class AccessRules {

    /** Ordered from the most open to the most closed. */
    enum Access {
        /** No token needed. */
        PUBLIC,
        /** Any valid token. */
        SIGNED_IN,
        /** A token with a particular role. */
        ROLE
    }

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "openapi", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    private static final Authentication WITHOUT_ROLES =
            UsernamePasswordAuthenticationToken.authenticated("openapi", null, List.of());

    private final ApplicationContext context;
    private final ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator;

    AccessRules(ApplicationContext context, ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
        this.context = context;
        this.evaluator = evaluator;
    }

    Access of(HandlerMethod handler) {
        Access access = Access.PUBLIC;
        WebInvocationPrivilegeEvaluator rules = evaluator.getIfUnique();
        if (rules != null) {
            for (Endpoint endpoint : endpoints(handler.getMethod())) {
                if (!rules.isAllowed("", endpoint.uri(), endpoint.method(), ANONYMOUS)) {
                    Access needed = rules.isAllowed("", endpoint.uri(), endpoint.method(), WITHOUT_ROLES)
                            ? Access.SIGNED_IN
                            : Access.ROLE;
                    access = needed.compareTo(access) > 0 ? needed : access;
                }
            }
        }
        if (restrictedByMethodSecurity(handler)) {
            access = Access.ROLE;
        }
        return access;
    }

    private static boolean restrictedByMethodSecurity(HandlerMethod handler) {
        for (var element : List.of(handler.getMethod(), handler.getBeanType())) {
            if (AnnotatedElementUtils.hasAnnotation(element, Secured.class)) {
                return true;
            }
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(element, PreAuthorize.class);
            if (rule != null && rule.value().matches("(?s).*has(Any)?(Role|Authority)\\s*\\(.*")) {
                return true;
            }
        }
        return false;
    }

    /** A concrete request for each mapped path and method: path variables become a placeholder. */
    private List<Endpoint> endpoints(Method method) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, candidate) -> {
                if (candidate.getMethod().equals(method)) {
                    endpoints.addAll(endpoints(info));
                }
            });
        }
        return endpoints;
    }

    private static List<Endpoint> endpoints(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<Endpoint> endpoints = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            String uri = pattern.replaceAll("\\{[^/]+}", "x");
            if (methods.isEmpty()) {
                endpoints.add(new Endpoint(uri, "GET"));
            }
            methods.forEach(method -> endpoints.add(new Endpoint(uri, method.name())));
        }
        return endpoints;
    }

    private record Endpoint(String uri, String method) {}
}
