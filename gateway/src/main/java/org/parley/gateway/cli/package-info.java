/**
 * The {@code parley} command line (picocli): {@code run}, {@code check config}, {@code allow
 * list|add|remove|set}, {@code certs init}, {@code --version}. Commands print results on standard output and
 * problems on standard error; exit codes are in {@link org.parley.gateway.cli.ExitCode}. This is the only
 * package of main code that writes to the console directly.
 */
package org.parley.gateway.cli;
