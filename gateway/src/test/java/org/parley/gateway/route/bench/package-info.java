/**
 * The IM routes benchmark (docs/benchmarks.md, "IM routes"): a {@code main} in test scope, never run by
 * {@code mvn verify}, that times the same message load through the gateway both ways and through the peers alone
 * (Prosody → Prosody over s2s, sipp → Kamailio → sipp), with the CPU time of every process.
 */
package org.parley.gateway.route.bench;
