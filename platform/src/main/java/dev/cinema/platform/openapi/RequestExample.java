package dev.cinema.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An example request body, as JSON, shown in the OpenAPI document and Swagger UI. Every operation
 * that takes a body has one (the OpenAPI contract test checks it, and that it is valid).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequestExample {
    String value();
}
