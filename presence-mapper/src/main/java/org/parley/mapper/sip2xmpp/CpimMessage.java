package org.parley.mapper.sip2xmpp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.im.ContentType;

/**
 * A {@code message/cpim} body unwrapped (RFC 3862 §2, §4): the CPIM message headers the gateway reads, and the
 * encapsulated MIME object's type, language and content octets.
 *
 * @param from             CPIM {@code From} value as written; informative only (see the package documentation)
 * @param to               CPIM {@code To} value as written; informative only
 * @param dateTime         CPIM {@code DateTime} value as written; not mapped
 * @param subject          the first CPIM {@code Subject} (its {@code ;lang=} parameter removed)
 * @param contentType      the encapsulated {@code Content-Type} ({@code text/plain; charset=us-ascii} if absent,
 *                         RFC 2045 §5.2)
 * @param contentLanguages the encapsulated {@code Content-Language} tags
 * @param content          the encapsulated content octets
 */
record CpimMessage(Optional<String> from, Optional<String> to, Optional<String> dateTime, Optional<String> subject,
                   ContentType contentType, List<String> contentLanguages, byte[] content) {

    CpimMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(dateTime, "dateTime");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(contentType, "contentType");
        contentLanguages = List.copyOf(contentLanguages);
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
