package org.parley.gateway.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * JDBC URL rewriting: H2 automatic mixed mode for embedded file databases, and redaction of passwords for
 * messages and logs.
 *
 * <p>H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}, H2 "Features: Automatic Mixed Mode") lets a second
 * process open the same database file with the same URL: the first process opens the file embedded and starts a
 * TCP server on a random port, protected by a random key, whose address it writes to the {@code .lock.db} file;
 * later processes connect through it instead of opening (and corrupting) the file. When the first process
 * closes the database, a connected one takes the server over; its open transactions are rolled back. The server
 * binds to the address in the system property {@code h2.bindAddress} when set (the JVM should be started with
 * {@code -Dh2.bindAddress=127.0.0.1}; {@link Store} warns otherwise), else to all interfaces.
 *
 * <p>H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} together with {@code AUTO_SERVER}, so H2's own JVM shutdown hook
 * closes an embedded file database on SIGTERM, concurrently with the gateway's orderly stop: work that still
 * needs the store while stopping cannot rely on it with an embedded H2 file.
 */
final class StoreUrls {

    private static final String H2_PREFIX = "jdbc:h2:";
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)\\b((?:password|pwd)\\s*=)[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("(://[^/@:;?]*):[^/@;?]*@");
    private static final Pattern BARE_H2_PATH = Pattern.compile("(\\.|/|~|[A-Za-z]:[/\\\\]).*");

    private StoreUrls() {
    }

    /**
     * {@code url} with the settings an embedded H2 file database needs here, each appended only if the URL does
     * not set it: {@code AUTO_SERVER=TRUE} (other processes, such as the CLI, share the file) and
     * {@code WRITE_DELAY=0} (a commit is in the file when it returns, so acknowledged changes survive
     * {@code kill -9}; H2's default writes committed transactions up to 500 ms later). Other URLs are returned
     * unchanged.
     */
    static String forEmbeddedH2(String url) {
        if (!isH2FileUrl(url)) {
            return url;
        }
        String result = url;
        while (result.endsWith(";")) {
            result = result.substring(0, result.length() - 1);
        }
        for (String[] setting : new String[][] {{"AUTO_SERVER", "TRUE"}, {"WRITE_DELAY", "0"}}) {
            if (!hasH2Setting(result, setting[0])) {
                result += ";" + setting[0] + "=" + setting[1];
            }
        }
        return result;
    }

    /** Whether {@code url} opens an H2 database file embedded: {@code jdbc:h2:file:…} or a bare path. */
    static boolean isH2FileUrl(String url) {
        if (!url.regionMatches(true, 0, H2_PREFIX, 0, H2_PREFIX.length())) {
            return false;
        }
        String target = url.substring(H2_PREFIX.length());
        return target.regionMatches(true, 0, "file:", 0, "file:".length()) || BARE_H2_PATH.matcher(target).matches();
    }

    private static boolean hasH2Setting(String url, String name) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).strip();
            if (key.toUpperCase(Locale.ROOT).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} (a URL or a message quoting one) with passwords in URL settings and user info masked. */
    static String redact(String text) {
        if (text == null) {
            return "";
        }
        String masked = PASSWORD_SETTING.matcher(text).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1:***@");
    }
}
