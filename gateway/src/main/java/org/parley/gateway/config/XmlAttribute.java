package org.parley.gateway.config;

/** An attribute as written, with the position of its name. */
record XmlAttribute(String name, String value, Position position) { }
