package dev.cinema.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code login} remembers: both URLs and the bearer token, in a JSON file only its owner can
 * read (it is as good as a password until it expires).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record CliConfig(
        String commandUrl, String queryUrl, String email, String accessToken, String expiresAt, List<String> roles) {

    static final String FILE_NAME = ".cinema-cli.json";
    static final String CONFIG_ENV = "CINEMA_CLI_CONFIG";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** {@code --config}, else {@code CINEMA_CLI_CONFIG}, else {@code ~/.cinema-cli.json}. */
    static Path location(Path option, Io io) {
        if (option != null) {
            return option;
        }
        String fromEnv = io.env(CONFIG_ENV);
        return fromEnv != null ? Path.of(fromEnv) : io.home().resolve(FILE_NAME);
    }

    static Optional<CliConfig> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), CliConfig.class));
        } catch (IOException e) {
            throw new CliFailure("Cannot read " + file + ": " + e.getMessage() + " (log in again to rewrite it)");
        }
    }

    /**
     * Writes to a new file created owner-only, then moves it over the old one, so the token is never
     * readable by others, not even for a moment, and a crash leaves the old file whole.
     */
    void save(Path file) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            createOwnerOnly(temporary);
            Files.write(temporary, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliFailure("Cannot write " + target + ": " + e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
            var handle = file.toFile();
            boolean restricted = handle.setReadable(false, false)
                    && handle.setReadable(true, true)
                    && handle.setWritable(false, false)
                    && handle.setWritable(true, true);
            if (!restricted) {
                throw new IOException("cannot make " + file + " readable by its owner only");
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " appeared while writing; another login running?", e);
        }
    }
}
