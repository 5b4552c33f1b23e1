package dev.cinema.command.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of a fresh installation (both or neither).
 *
 * @param email    the administrator's e-mail
 * @param password the administrator's first password
 */
@ConfigurationProperties("cinema.bootstrap.admin")
record BootstrapAdminProperties(String email, String password) {

    @Override
    public String toString() {
        return "BootstrapAdminProperties[email=" + email + ", password=(hidden)]";
    }
}
