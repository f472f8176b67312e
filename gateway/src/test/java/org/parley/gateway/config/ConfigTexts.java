package org.parley.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Configuration texts for tests. A {@value #MARK} in a text marks where a problem is expected to be reported;
 * {@link #write} removes it and {@link #markedPosition} says at which line and column it stood.
 */
final class ConfigTexts {

    static final String MARK = "‸";

    /** The smallest valid configuration: everything else at its default. */
    static final String MINIMAL = """
            <gateway xmlns="urn:parley:gateway:1">
              <xmpp><domain>xmpp.example.test</domain></xmpp>
              <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
            </gateway>
            """;

    private ConfigTexts() { }

    /** Writes {@code text} without its mark to {@code file} (creating parent directories) and returns the file. */
    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text.replace(MARK, ""), StandardCharsets.UTF_8);
        return file;
    }

    /** {@code line:column} of the mark in {@code text}. */
    static String markedPosition(String text) {
        int offset = text.indexOf(MARK);
        if (offset < 0 || text.indexOf(MARK, offset + 1) >= 0) {
            throw new IllegalArgumentException("text needs exactly one mark: " + text);
        }
        String before = text.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = offset - before.lastIndexOf('\n');
        return line + ":" + column;
    }
}
