/**
 * The gateway's configuration, {@code conf/gateway.xml} in namespace {@code urn:parley:gateway:1}: loaded once by
 * {@link org.parley.gateway.config.ConfigLoader} into the immutable {@link org.parley.gateway.config.GatewayConfig}
 * records, validated against {@code conf/gateway.xsd} (packaged in the jar) and semantically, with every problem
 * reported as a {@link org.parley.gateway.config.ConfigProblem} naming file, line, column and the element or
 * attribute. {@link org.parley.gateway.config.ConfigFileChecks} checks the certificate, key and trust files the
 * configuration names (RFC 6125 names for XMPP domains and the SIP FQDN) as a separate step.
 */
package org.parley.gateway.config;
