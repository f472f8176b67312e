package org.parley.gateway.cli;

import picocli.CommandLine;

/** {@code parley --version}: the version recorded in the jar's manifest at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ParleyCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "parley " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")"
        };
    }
}
