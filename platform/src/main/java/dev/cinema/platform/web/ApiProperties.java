package dev.cinema.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What each app's HTTP API calls itself, and how much it reads.
 *
 * @param title           the API's title in its OpenAPI document
 * @param description     the API's description there
 * @param maxRequestBytes larger request bodies are refused (413) before anything reads them
 */
@ConfigurationProperties("cinema.api")
public record ApiProperties(
        @DefaultValue("Cinema ticketing API") String title,
        @DefaultValue("") String description,
        @DefaultValue("1048576") long maxRequestBytes) {}
