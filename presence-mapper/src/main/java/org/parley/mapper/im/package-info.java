/**
 * Instant-messaging records shared by both translation directions, and the tables and formats both use.
 *
 * <h2>Records</h2>
 * {@link org.parley.mapper.im.XmppMessage} (an XMPP {@code <message/>}, RFC 6121 §5.2, with XEP-0085 chat state,
 * XEP-0184 receipt request / receipt and XEP-0071 XHTML-IM body), {@link org.parley.mapper.im.SipMessage} (a SIP
 * MESSAGE, RFC 3428, without transport headers), {@link org.parley.mapper.im.ContentType},
 * {@link org.parley.mapper.im.LocalizedText}, {@link org.parley.mapper.im.MessageThread},
 * {@link org.parley.mapper.im.IsComposing} (RFC 3994). Constructors validate and throw
 * {@link java.lang.IllegalArgumentException} on programmer error; input from the network is checked by the
 * translators, which answer with a {@link org.parley.mapper.Rejection} instead.
 *
 * <h2>Shared rules</h2>
 * <ul>
 *   <li>{@link org.parley.mapper.im.ThreadCallIds}: {@code <thread/>} ↔ Call-ID (RFC 7572 Tables 1 and 2),
 *       stateless and exactly reversible; a UUID thread is its own Call-ID, as in RFC 7573's examples:
 *       <pre>
 *  thread 29377446-0CBB-4296-8958-590D79094C50 ↔ Call-ID 29377446-0CBB-4296-8958-590D79094C50
 *  thread "hello world"                       ↔ Call-ID xt~aGVsbG8gd29ybGQ
 *  no thread, juliet@example.com ↔ romeo@example.net → Call-ID conv-&lt;32 hex digits&gt; (same both ways)
 *       </pre></li>
 *   <li>{@link org.parley.mapper.im.ComposingMapping}: RFC 7573 §6 Tables 3 and 4 (isComposing active ↔
 *       composing; idle → active; active, inactive, paused → idle; gone → nothing).</li>
 *   <li>{@link org.parley.mapper.im.IsComposingXml}: the RFC 3994 §4 document, read with the JDK's StAX parser,
 *       DTDs and external entities off.</li>
 * </ul>
 */
package org.parley.mapper.im;
