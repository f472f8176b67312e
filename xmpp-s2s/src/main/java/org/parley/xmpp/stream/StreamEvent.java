package org.parley.xmpp.stream;

import java.util.Objects;

/**
 * What {@link XmppStreamDecoder} passes down the pipeline: the stream opened (RFC 6120 §4.2), a complete
 * first-level child arrived (§4.1, §8), the peer closed the stream (§4.4), or the input was refused with a
 * stream error (§4.9). After {@link StreamFailed} no further event comes until the decoder is reset.
 */
public sealed interface StreamEvent {

    /** The peer's {@code <stream:stream>} open tag (RFC 6120 §4.2). */
    record StreamOpened(StreamHeader header) implements StreamEvent {
        /** Requires a header. */
        public StreamOpened {
            Objects.requireNonNull(header, "header");
        }
    }

    /**
     * A complete depth-1 child of the stream: a stanza, {@code <stream:features>}, {@code <starttls/>},
     * {@code <db:result/>}, {@code <stream:error>}, … with namespaces inherited from the header resolved.
     */
    record StanzaReceived(XmlElement element) implements StreamEvent {
        /** Requires an element. */
        public StanzaReceived {
            Objects.requireNonNull(element, "element");
        }
    }

    /** The peer sent {@code </stream:stream>} (RFC 6120 §4.4). */
    record StreamClosed() implements StreamEvent {
    }

    /** The input violated XML, restricted XML (RFC 6120 §11) or a limit (§13.12); parsing has stopped. */
    record StreamFailed(StreamError error) implements StreamEvent {
        /** Requires an error. */
        public StreamFailed {
            Objects.requireNonNull(error, "error");
        }
    }
}
