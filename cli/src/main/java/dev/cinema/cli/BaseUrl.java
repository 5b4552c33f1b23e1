package dev.cinema.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine;

/** An app's base URL: http or https with a host, kept without a trailing slash. */
final class BaseUrl implements CommandLine.ITypeConverter<String> {

    @Override
    public String convert(String value) {
        try {
            return normalise(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    static String normalise(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + value + "' is not an http(s) URL such as http://localhost:8080");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
