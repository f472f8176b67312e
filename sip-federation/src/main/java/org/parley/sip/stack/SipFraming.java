package org.parley.sip.stack;

import java.util.Locale;
import java.util.Optional;

/**
 * Follows SIP message boundaries on an inbound stream connection (RFC 3261 §18.3, §7.5): a header block up to
 * an empty line, then exactly Content-Length body bytes. It exists so that the connection is closed the moment
 * framing becomes unreliable, instead of letting the stack's parser read the rest of the stream as bodies or
 * as new messages (RFC 4475 §3.1.2, ROBUSTNESS 18–19): a Content-Length that is not a decimal number, that
 * differs between two header fields, or that exceeds the message limit; or a header block longer than the
 * limit. A missing Content-Length counts as 0, as the stack reads it. CRLFs between messages are keep-alives
 * (RFC 5626 §4.4.1). Not thread-safe: one instance per connection, fed by its reader thread.
 */
public final class SipFraming {

    private enum State { BETWEEN, HEADERS, BODY }

    /** Longest header line start kept to recognise Content-Length; longer Content-Length lines are refused. */
    private static final int LINE_PREFIX = 64;

    private final int maxMessageBytes;
    private final StringBuilder line = new StringBuilder(LINE_PREFIX);
    private State state = State.BETWEEN;
    private boolean lineOverflow;
    private long headerBytes;
    private long contentLength = -1;
    private long bodyLeft;

    public SipFraming(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Whether the bytes so far end inside a message (its header block or body). */
    public boolean insideMessage() {
        return state != State.BETWEEN;
    }

    /** Follows {@code length} more bytes; the first framing violation, if they contain one. */
    public Optional<String> accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (state == State.BODY) {
                long take = Math.min(bodyLeft, offset + length - i);
                bodyLeft -= take;
                i += (int) take - 1;
                if (bodyLeft == 0) {
                    state = State.BETWEEN;
                }
                continue;
            }
            Optional<String> violation = header(bytes[i]);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private Optional<String> header(byte b) {
        if (state == State.BETWEEN) {
            if (b == '\r' || b == '\n') {
                return Optional.empty();
            }
            state = State.HEADERS;
            headerBytes = 0;
            contentLength = -1;
        }
        if (++headerBytes > maxMessageBytes) {
            return Optional.of("header block longer than " + maxMessageBytes + " bytes");
        }
        if (b != '\n') {
            if (b != '\r' && line.length() < LINE_PREFIX) {
                line.append((char) (b & 0xff));
            } else if (b != '\r') {
                lineOverflow = true;
            }
            return Optional.empty();
        }
        Optional<String> violation = line.length() == 0 ? endOfHeaders() : headerLine();
        line.setLength(0);
        lineOverflow = false;
        return violation;
    }

    private Optional<String> headerLine() {
        String text = line.toString();
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (!name.equals("content-length") && !name.equals("l")) {
            return Optional.empty();
        }
        String value = text.substring(colon + 1).strip();
        if (lineOverflow || value.isEmpty() || value.length() > 10 || !value.chars().allMatch(Character::isDigit)) {
            return Optional.of("unreadable Content-Length '" + value + (lineOverflow ? "…" : "") + "'");
        }
        long parsed = Long.parseLong(value);
        if (contentLength >= 0 && contentLength != parsed) {
            return Optional.of("two different Content-Length values " + contentLength + " and " + parsed);
        }
        if (parsed > maxMessageBytes) {
            return Optional.of("Content-Length " + parsed + " above the limit of " + maxMessageBytes + " bytes");
        }
        contentLength = parsed;
        return Optional.empty();
    }

    private Optional<String> endOfHeaders() {
        bodyLeft = Math.max(0, contentLength);
        state = bodyLeft > 0 ? State.BODY : State.BETWEEN;
        return Optional.empty();
    }
}
