package org.parley.xmpp.stream;

/**
 * Incremental byte-level detector of markup that RFC 6120 §11.1 forbids on XMPP streams: comments,
 * processing instructions (other than the XML declaration at the very start of a stream), document type
 * declarations and entity references other than the five predefined ones. It runs ahead of the XML parser
 * so that such markup is refused as soon as it is recognised, before a DTD internal subset is buffered
 * and without ever expanding an entity. Well-formedness is left to the parser; the scanner only needs the
 * fact that markup delimiters are ASCII, which never occurs inside a UTF-8 multibyte sequence.
 */
final class RestrictedXmlScanner {

    private enum State { TEXT, LESS_THAN, BANG, CDATA_OPEN, CDATA, ENTITY, XML_DECL_TARGET, XML_DECL }

    private static final String CDATA_KEYWORD = "[CDATA[";
    private static final String XML_TARGET = "?xml";
    private static final int LONGEST_PREDEFINED_ENTITY = 4;

    private State state = State.TEXT;
    private long position;
    private boolean markupAtStart;
    private int progress;
    private final StringBuilder entityName = new StringBuilder(LONGEST_PREDEFINED_ENTITY + 1);

    /**
     * Scans {@code length} bytes from {@code offset}, continuing from the previous call.
     *
     * @return the index of the byte at which forbidden markup is recognised, or {@code -1}
     */
    int scan(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (!accept((char) (bytes[i] & 0xFF))) {
                return i;
            }
            position++;
        }
        return -1;
    }

    private boolean accept(char c) {
        return switch (state) {
            case TEXT -> text(c);
            case LESS_THAN -> afterLessThan(c);
            case BANG -> afterBang(c);
            case CDATA_OPEN -> cdataOpen(c);
            case CDATA -> cdata(c);
            case ENTITY -> entity(c);
            case XML_DECL_TARGET -> xmlDeclarationTarget(c);
            case XML_DECL -> xmlDeclaration(c);
        };
    }

    private boolean text(char c) {
        if (c == '<') {
            state = State.LESS_THAN;
            markupAtStart = position == 0;
        } else if (c == '&') {
            state = State.ENTITY;
            entityName.setLength(0);
        }
        return true;
    }

    private boolean afterLessThan(char c) {
        if (c == '!') {
            state = State.BANG;
            return true;
        }
        if (c == '?') {
            state = State.XML_DECL_TARGET;
            progress = 1;
            return markupAtStart;
        }
        state = State.TEXT;
        return text(c);
    }

    private boolean afterBang(char c) {
        if (c != '[') {
            return false;
        }
        state = State.CDATA_OPEN;
        progress = 1;
        return true;
    }

    private boolean cdataOpen(char c) {
        if (c != CDATA_KEYWORD.charAt(progress)) {
            state = State.TEXT;
            return text(c);
        }
        progress++;
        if (progress == CDATA_KEYWORD.length()) {
            state = State.CDATA;
            progress = 0;
        }
        return true;
    }

    private boolean cdata(char c) {
        if (c == '>' && progress >= 2) {
            state = State.TEXT;
        } else {
            progress = c == ']' ? progress + 1 : 0;
        }
        return true;
    }

    private boolean entity(char c) {
        if (c == '#' && entityName.length() == 0) {
            state = State.TEXT;
            return true;
        }
        if (c == ';') {
            state = State.TEXT;
            return isPredefined(entityName.toString());
        }
        if (isNameByte(c)) {
            entityName.append(c);
            return entityName.length() <= LONGEST_PREDEFINED_ENTITY;
        }
        state = State.TEXT;
        return text(c);
    }

    private boolean xmlDeclarationTarget(char c) {
        if (progress < XML_TARGET.length()) {
            progress++;
            return c == XML_TARGET.charAt(progress - 1);
        }
        state = State.XML_DECL;
        progress = 0;
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private boolean xmlDeclaration(char c) {
        if (c == '>' && progress == 1) {
            state = State.TEXT;
        } else {
            progress = c == '?' ? 1 : 0;
        }
        return true;
    }

    private static boolean isPredefined(String name) {
        return switch (name) {
            case "lt", "gt", "amp", "apos", "quot" -> true;
            default -> false;
        };
    }

    private static boolean isNameByte(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80;
    }
}
