package org.parley.mapper.sip2xmpp;

/** Line handling for the plain-text rendering of HTML. */
final class PlainText {

    private PlainText() {
    }

    /** Ends the current line unless the text is empty or already at the start of a line. */
    static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    /** Strips spaces at line ends and around the text, and keeps at most one empty line in a row. */
    static String tidy(String text) {
        return text.replaceAll("[ \\t\\u00A0]+\\n", "\n")
                .replaceAll("\\n ", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
