package org.parley.gateway.admin;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A complete response of the admin endpoint: status, content type and body.
 *
 * @param status      HTTP status code
 * @param contentType value of the {@code Content-Type} header
 * @param body        the body, sent with a {@code Content-Length}
 */
record HttpReply(int status, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    HttpReply {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    static HttpReply of(int status, String contentType, String body) {
        return new HttpReply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
