package org.parley.testkit;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * The Lua configuration of one {@link ProsodyServer} instance: everything in its own directory, listeners on one
 * loopback address, DNS only through the test dnsmasq, debug logging to {@code prosody.log}.
 *
 * @param s2sDirectTlsPort the XEP-0368 direct-TLS s2s port, 0 for none
 * @param logLevel   the lowest level written to {@code prosody.log} ({@code debug}, {@code info}, {@code warn}, …)
 * @param extraLines raw Lua lines appended to the global section
 */
record ProsodyConfig(String domain, String ip, int c2sPort, int s2sPort, int s2sDirectTlsPort, ProsodyServer.Mode mode,
                     InetSocketAddress dns, Path dir, String logLevel, List<String> extraLines) {

    ProsodyConfig {
        extraLines = List.copyOf(extraLines);
    }

    static String render(ProsodyConfig c) {
        StringBuilder lua = new StringBuilder();
        lua.append("-- Prosody instance for ").append(c.domain).append(" (").append(c.mode).append("), written by the test harness\n")
                .append("run_as_root = true\n")
                .append("pidfile = ").append(quote(c.dir.resolve("prosody.pid"))).append('\n')
                .append("data_path = ").append(quote(c.dir.resolve("data"))).append('\n')
                .append("plugin_paths = {}\n")
                .append("log = { ").append(c.logLevel).append(" = ").append(quote(c.dir.resolve("prosody.log"))).append(" }\n")
                .append("interfaces = { \"").append(c.ip).append("\" }\n")
                .append("c2s_ports = { ").append(c.c2sPort).append(" }\n")
                .append("s2s_ports = { ").append(c.s2sPort).append(" }\n")
                .append("c2s_direct_tls_ports = {}\n")
                .append("s2s_direct_tls_ports = { ").append(c.s2sDirectTlsPort > 0 ? c.s2sDirectTlsPort + " " : "")
                .append("}\n")
                // .test is an RFC 6761 name that libunbound answers as an empty zone unless made transparent
                .append("unbound = { resolvconf = false; hoststxt = false; forward = \"")
                .append(c.dns.getAddress().getHostAddress()).append('@').append(c.dns.getPort())
                .append("\"; options = { [\"local-zone:\"] = \"test. transparent\" } }\n")
                .append("modules_enabled = { \"roster\"; \"saslauth\"; \"tls\"; \"dialback\"; \"disco\"; \"ping\"; }\n")
                .append("authentication = \"internal_plain\"\n")
                .append("storage = \"internal\"\n")
                .append("allow_registration = false\n")
                .append("s2s_timeout = 30\n")
                .append("certificates = ").append(quote(c.dir.resolve("certs"))).append('\n')
                .append("c2s_require_encryption = false\n")
                .append("allow_unencrypted_plain_auth = true\n")
                .append("s2s_secure_auth = false\n");
        switch (c.mode) {
            case PLAIN -> lua.append("modules_disabled = { \"tls\" }\n")
                    .append("s2s_require_encryption = false\n");
            // no CA file: only the system anchors, which never include the test CA
            case TLS_DIALBACK -> lua.append("s2s_require_encryption = true\n");
            case TLS -> lua.append("s2s_require_encryption = true\n")
                    .append("ssl = { cafile = ").append(quote(c.dir.resolve("ca.crt"))).append(" }\n");
        }
        c.extraLines.forEach(line -> lua.append(line).append('\n'));
        lua.append("\nVirtualHost \"").append(c.domain).append("\"\n");
        return lua.toString();
    }

    private static String quote(Path path) {
        return "\"" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
