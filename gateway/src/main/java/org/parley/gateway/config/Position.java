package org.parley.gateway.config;

/** A 1-based line and column in the configuration file. */
record Position(int line, int column) {

    /** Used for settings that were not written at all and have no enclosing element either. */
    static final Position UNKNOWN = new Position(0, 0);
}
