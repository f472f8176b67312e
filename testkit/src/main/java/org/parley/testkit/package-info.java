/**
 * Real peers for the test suites, started on loopback addresses (127.0.0.0/8) with their own configuration,
 * data directory and pid, and stopped by PID: dnsmasq as the test DNS, and (as the suites grow) Prosody,
 * Kamailio, sipp and PostgreSQL. A missing peer fails the test with a message pointing at {@code ./parley test},
 * which installs the Debian packages; nothing here skips.
 */
package org.parley.testkit;
