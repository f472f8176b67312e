package org.parley.gateway.config;

import java.util.Optional;

/** {@code <media address public-address port-min port-max>}: the UDP relay's bind address and port range. */
public record MediaConfig(String address, Optional<String> publicAddress, int portMin, int portMax) { }
