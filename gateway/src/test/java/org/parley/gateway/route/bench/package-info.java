/**
 * The routes benchmarks (docs/benchmarks.md, "IM routes" and "Presence"): {@code main}s in test scope, never run by
 * {@code mvn verify}. {@code ImRouteBenchmark} times the same message load through the gateway both ways and through
 * the peers alone (Prosody → Prosody over s2s, sipp → Kamailio → sipp); {@code PresenceBenchmark} times presence
 * updates each way and the restart of a gateway with many stored subscriptions, with its live heap. Both report the
 * CPU time of every process.
 */
package org.parley.gateway.route.bench;
