package dev.cinema.cli;

import java.nio.file.Path;

/**
 * Where to call and with which token: the environment first ({@code CINEMA_TOKEN},
 * {@code CINEMA_COMMAND_URL}, {@code CINEMA_QUERY_URL}), then what {@code login} saved, then the
 * default run's ports.
 */
record Session(Api api, Api.Side command, Api.Side query) {

    static final String DEFAULT_COMMAND_URL = "http://localhost:8080";
    static final String DEFAULT_QUERY_URL = "http://localhost:8081";

    static Session open(CinemaCli cli) {
        Io io = cli.io();
        Path file = cli.configFile();
        CliConfig saved = CliConfig.load(file).orElse(null);
        String token = io.env("CINEMA_TOKEN");
        if (token == null && saved != null) {
            token = saved.accessToken();
        }
        if (token == null) {
            throw new CliFailure("Not logged in: run 'cinema login --email YOU' first (it keeps a token in " + file
                    + "), or set CINEMA_TOKEN.");
        }
        String commandUrl = first(io.env("CINEMA_COMMAND_URL"), saved == null ? null : saved.commandUrl());
        String queryUrl = first(io.env("CINEMA_QUERY_URL"), saved == null ? null : saved.queryUrl());
        return new Session(
                new Api(token),
                new Api.Side("command side", BaseUrl.normalise(first(commandUrl, DEFAULT_COMMAND_URL))),
                new Api.Side("query side", BaseUrl.normalise(first(queryUrl, DEFAULT_QUERY_URL))));
    }

    private static String first(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
