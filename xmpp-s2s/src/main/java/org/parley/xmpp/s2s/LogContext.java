package org.parley.xmpp.s2s;

import org.slf4j.MDC;

/** Puts the SLF4J MDC keys {@code remote} (peer address) and {@code domain} (peer domain) around a piece of work. */
final class LogContext {

    private LogContext() {
    }

    static void run(Object remote, String domain, Runnable work) {
        String previousRemote = MDC.get("remote");
        String previousDomain = MDC.get("domain");
        MDC.put("remote", String.valueOf(remote));
        MDC.put("domain", domain == null ? "-" : domain);
        try {
            work.run();
        } finally {
            restore("remote", previousRemote);
            restore("domain", previousDomain);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
