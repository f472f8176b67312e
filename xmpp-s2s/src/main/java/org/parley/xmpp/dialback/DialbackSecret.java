package org.parley.xmpp.dialback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialback secret of XEP-0185 §3, kept in a file ({@code <xmpp><dialback secret-file>}): generated from
 * {@link SecureRandom} at first start (32 bytes, hex, mode 0600), read on later starts so that keys stay valid
 * across restarts and across gateways sharing the file.
 */
public final class DialbackSecret {

    private static final Logger LOG = LoggerFactory.getLogger(DialbackSecret.class);
    private static final int SECRET_BYTES = 32;

    private DialbackSecret() {
    }

    /** Reads the secret, creating the file (and its directory) first when it does not exist. */
    public static byte[] loadOrCreate(Path file, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            create(file, random);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (text.length() < 32) {
            throw new IOException(file + ": the dialback secret is shorter than 32 characters; delete the file to generate a new one");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes) + "\n";
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, hex, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            LOG.info("generated a new dialback secret in {}", file);
        } catch (FileAlreadyExistsException raced) {
            LOG.debug("dialback secret {} was created concurrently; using it", file);
        }
    }
}
