package org.parley.gateway.config;

import java.util.Optional;

/**
 * {@code <store url user password>}: the JDBC store. {@code jdbc:h2:file:} URLs with relative paths are
 * already resolved against the configuration file's directory.
 */
public record StoreConfig(String url, Optional<String> user, Optional<String> password) {

    @Override
    public String toString() {
        return "StoreConfig[url=" + url + ", user=" + user.orElse("") + ", password=" + (password.isPresent() ? "***" : "") + "]";
    }
}
