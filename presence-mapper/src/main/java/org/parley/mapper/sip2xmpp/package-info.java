/**
 * SIP → XMPP instant messages: a MESSAGE from a local SIP user to a remote XMPP user becomes an XMPP message
 * (RFC 7572 §5 "SIP to XMPP", §6–§8; RFC 7573 §6 "Composing Events"), and the XEP-0184 receipts that connect the
 * two sides' delivery semantics. Entry points: {@link org.parley.mapper.sip2xmpp.MessageTranslator} (configured
 * with {@link org.parley.mapper.sip2xmpp.InboundSettings}) and {@link org.parley.mapper.sip2xmpp.DeliveryReceipts}.
 *
 * <h2>Rules (RFC 7572 §5 Table 2)</h2>
 * <table>
 *   <caption>SIP → XMPP</caption>
 *   <tr><th>SIP</th><th>XMPP</th></tr>
 *   <tr><td>From {@code sip:user@domain;gr=g}</td><td>{@code from} {@code user@domain/g} (note 1)</td></tr>
 *   <tr><td>Request-URI</td><td>{@code to}; a {@code sips:} URI is refused, 416 / not-acceptable (RFC 7247
 *       §9)</td></tr>
 *   <tr><td>Call-ID</td><td>{@code <thread/>} ({@link org.parley.mapper.im.ThreadCallIds}): the same Call-ID
 *       always gives the same thread, and a Call-ID made from an XMPP thread gives that thread back</td></tr>
 *   <tr><td>Content-Language (exactly one tag)</td><td>{@code xml:lang}; with several tags none is set</td></tr>
 *   <tr><td>Subject</td><td>{@code <subject/>}</td></tr>
 *   <tr><td>transaction (Call-ID, CSeq, From)</td><td>{@code id}: {@code s2x-} + 20 hex digits of their
 *       SHA-256, the same for a retransmission</td></tr>
 *   <tr><td>CSeq</td><td>no mapping</td></tr>
 *   <tr><td>(type)</td><td>{@code normal} as §5 requires, or {@code chat} if configured; {@code chat} for chat
 *       states</td></tr>
 * </table>
 *
 * <h2>Bodies (§7, §8)</h2>
 * <ul>
 *   <li>{@code text/plain}: decoded with its {@code charset} (UTF-8 when absent; any charset the JVM knows, e.g.
 *       ISO-8859-1, windows-1252, UTF-16) into {@code <body/>}. Unknown charset → 415 / not-acceptable; octets
 *       invalid in the charset or characters XML cannot carry → 400 / bad-request.</li>
 *   <li>{@code text/html}: converted to an XHTML-IM body (recommended profile of XEP-0071 §7: unsafe elements,
 *       attributes, URI schemes and CSS are dropped, scripts and styles with their content) plus a plain-text
 *       {@code <body/>} with tags stripped, line breaks kept and link targets shown as {@code <uri>}.</li>
 *   <li>{@code message/cpim} (RFC 3862): unwrapped once; the encapsulated content is handled as above (another
 *       CPIM inside is 415). Its Content-Language wins over the SIP header. CPIM {@code Subject} is used when the
 *       SIP Subject is absent. CPIM {@code From}/{@code To} are not used for addressing: the SIP From is what the
 *       edge authenticated, and the CPIM ones could be anything without S/MIME. {@code DateTime} is not mapped
 *       (the message is delivered now; XEP-0203 delay is for stored messages). {@code Require} naming any header
 *       other than From, To, cc, DateTime, Subject, NS or Require → 420 / feature-not-implemented.</li>
 *   <li>{@code application/im-iscomposing+xml} (RFC 3994): a standalone chat-state message of type chat,
 *       RFC 7573 Table 3: {@code active} → {@code <composing/>}, {@code idle} → {@code <active/>}. The
 *       {@code refresh} has no XMPP equivalent; each refresh yields another {@code <composing/>}, so the caller
 *       should drop a repeat of the last state sent in a conversation (XEP-0085 §5.5).</li>
 *   <li>Anything else → 415 Unsupported Media Type (list {@link org.parley.mapper.sip2xmpp.MessageTranslator#ACCEPTED_CONTENT_TYPES}
 *       in Accept); on the XMPP side the same refusal is not-acceptable (RFC 7247 Table 3). A body over
 *       {@code maxBodyOctets} → 413 / policy-violation; no Content-Type → 400.</li>
 * </ul>
 *
 * <h2>Receipts and SIP 2xx: what the gateway promises</h2>
 * <ul>
 *   <li><b>SIP → XMPP.</b> Handing a message to an XMPP server is forwarding into a non-SIP domain, which RFC 3428
 *       §7 answers with <b>202 Accepted</b>: accepted, delivery not confirmed. With
 *       {@code requestReceipts} the message carries {@code <request xmlns='urn:xmpp:receipts'/>} (XEP-0184 §5.1
 *       allows it to a bare JID without prior discovery); if the recipient's client returns
 *       {@code <received/>} within the caller's bounded wait
 *       ({@link org.parley.mapper.sip2xmpp.DeliveryReceipts#acknowledges}), the gateway answers <b>200 OK</b>:
 *       delivered to a client the recipient controls, not read by a human. An XMPP error within the wait is
 *       answered with its RFC 7247 Table 2 code; silence means 202 (XEP-0184 §3: no receipt proves nothing).</li>
 *   <li><b>XMPP → SIP.</b> A 200 to the MESSAGE means the recipient's user agent accepted it (RFC 3428 §4), so for
 *       a message with {@code <request/>} and an id the gateway sends the XMPP sender {@code <received/>} from
 *       the SIP user ({@link org.parley.mapper.sip2xmpp.DeliveryReceipts#receiptFor}). A 202 yields no receipt
 *       (only a relay took it), an error response the mapped stanza error. A forking proxy returns one 200, so at
 *       most one receipt is sent. The gateway should advertise {@code urn:xmpp:receipts} for SIP users' JIDs.</li>
 * </ul>
 *
 * <h2>Example (RFC 7572 Examples 6 and 7)</h2>
 * <pre>
 * MESSAGE sip:juliet@example.com
 * From: sip:romeo@example.net;tag=vwxyz
 * Call-ID: 5A37A65D-304B-470A-B718-3F3E6770ACAF
 * CSeq: 1 MESSAGE
 * Content-Type: text/plain
 * Content-Language: cs
 *
 * Nic z obého, má děvo spanilá, nenavidíš-li jedno nebo druhé.
 *   →
 * &lt;message from='romeo@example.net' to='juliet@example.com' xml:lang='cs' id='s2x-…'&gt;
 *   &lt;thread&gt;5A37A65D-304B-470A-B718-3F3E6770ACAF&lt;/thread&gt;
 *   &lt;body&gt;Nic z obého, má děvo spanilá, nenavidíš-li jedno nebo druhé.&lt;/body&gt;
 * &lt;/message&gt;
 * </pre>
 */
package org.parley.mapper.sip2xmpp;
