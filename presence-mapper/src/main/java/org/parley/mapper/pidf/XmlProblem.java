package org.parley.mapper.pidf;

/** Why an XML body could not be read; internal to the readers, which turn it into a rejection. */
final class XmlProblem extends Exception {

    XmlProblem(String message) {
        super(message, null, false, false);
    }

    /** A problem reported by the parser (its message carries the row and column). */
    static XmlProblem of(Exception cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new XmlProblem("not well-formed XML: " + message.replaceAll("\\s+", " ").trim());
    }
}
