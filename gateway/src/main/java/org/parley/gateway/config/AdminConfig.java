package org.parley.gateway.config;

/** {@code <admin address port>}: the HTTP endpoint for {@code /health} and {@code /metrics} (loopback by default). */
public record AdminConfig(Endpoint listen) { }
