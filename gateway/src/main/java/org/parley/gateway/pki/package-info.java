/**
 * Development certificates for the configured names ({@code parley certs init} and first-run generation):
 * where each file of {@code conf/gateway.xml} goes, and never overwriting without {@code --force}. The
 * certificate machinery itself is in {@code org.parley.pki}.
 */
package org.parley.gateway.pki;
