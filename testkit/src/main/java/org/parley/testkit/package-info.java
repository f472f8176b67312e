/**
 * Real peers for the test suites, started on loopback addresses (127.0.0.0/8) with their own configuration,
 * data directory and pid, and stopped by PID: dnsmasq as the test DNS ({@link org.parley.testkit.DnsmasqServer}),
 * Kamailio as the SIP Access Edge with mutual TLS ({@link org.parley.testkit.KamailioEdge}) and sipp as SIP
 * users ({@link org.parley.testkit.SippAgent}), plus a minimal XMPP client for the benchmarks
 * ({@link org.parley.testkit.RawC2sClient}). A missing peer fails the test with a message pointing at
 * {@code ./parley test}, which installs the Debian packages; nothing here skips.
 */
package org.parley.testkit;
