/**
 * The gateway's relational store: a small HikariCP connection pool over any JDBC URL (an embedded H2 file
 * database by default, PostgreSQL for several gateways sharing one store), Flyway schema migrations from
 * {@code classpath:db/migration} applied when the store opens, a health probe, and transaction helpers.
 *
 * <p>Everything here is blocking JDBC. Callers use it from their own threads (start-up, the CLI, the admin
 * server's handler threads, pollers such as {@link org.parley.gateway.allowlist.AllowList}); it must never run
 * on a Netty event loop or a JAIN-SIP thread.
 *
 * <p>Failures an administrator can act on (database unreachable, wrong credentials, migration refused) are
 * reported as {@link org.parley.gateway.store.StoreException} with a message that names the JDBC URL without
 * its password.
 */
package org.parley.gateway.store;
