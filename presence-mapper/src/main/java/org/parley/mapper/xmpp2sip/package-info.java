/**
 * XMPP → SIP instant messages: a message from a remote XMPP user to a local SIP user becomes a SIP MESSAGE
 * (RFC 7572 §4 "XMPP to SIP", §6 "Message Size", §8 "Internationalization Considerations"; RFC 7573 §6
 * "Composing Events"). Entry point: {@link org.parley.mapper.xmpp2sip.MessageTranslator}, configured with
 * {@link org.parley.mapper.xmpp2sip.MessageSettings}; result {@link org.parley.mapper.xmpp2sip.SipAction}.
 *
 * <h2>Rules (RFC 7572 §4 Table 1)</h2>
 * <table>
 *   <caption>XMPP → SIP</caption>
 *   <tr><th>XMPP</th><th>SIP</th></tr>
 *   <tr><td>{@code from} (full JID)</td><td>From {@code sip:localpart@domain;gr=resource} (Table 1 note 1,
 *       RFC 7247 §6.5)</td></tr>
 *   <tr><td>{@code to}</td><td>Request-URI and To, {@code sip:} only (RFC 7247 §9: {@code sips:} is never
 *       produced)</td></tr>
 *   <tr><td>{@code <body/>}</td><td>body, {@code text/plain;charset=UTF-8}</td></tr>
 *   <tr><td>{@code <subject/>}</td><td>Subject (line breaks become spaces)</td></tr>
 *   <tr><td>{@code <thread/>}</td><td>Call-ID ({@link org.parley.mapper.im.ThreadCallIds})</td></tr>
 *   <tr><td>{@code xml:lang}</td><td>Content-Language (§8)</td></tr>
 *   <tr><td>{@code id}</td><td>not in the request: the caller keeps it with the SIP client transaction</td></tr>
 *   <tr><td>{@code type}</td><td>no mapping (note 2); see below for error and groupchat</td></tr>
 * </table>
 *
 * <h2>Choices where the RFCs are silent</h2>
 * <ul>
 *   <li><b>Several bodies in different languages</b> (RFC 6121 §5.2.3): a page-mode MESSAGE carries one body with
 *       one Content-Language, so the body in the stanza's own {@code xml:lang} is sent (else the first), with its
 *       language as Content-Language and the subject in the same language. The others are not sent.</li>
 *   <li><b>XHTML-IM</b> (XEP-0071): Table 1 maps {@code <body/>}, and XEP-0071 §8 requires a {@code <body/>}
 *       with the same meaning beside the XHTML, so the plain body is sent and the markup dropped; XHTML without a
 *       {@code <body/>} is refused as bad-request.</li>
 *   <li><b>Size</b> (§6): more than {@code maxContentOctets} of body plus Subject (UTF-8) is refused as
 *       policy-violation (SIP code 413, which RFC 7247 Table 3 maps back to policy-violation).</li>
 *   <li><b>Chat states</b> (RFC 7573 §6 Table 4): a standalone notification (no body or subject) becomes a
 *       MESSAGE with an {@code application/im-iscomposing+xml} document: {@code composing} → {@code active}
 *       with {@code <refresh/>}; {@code active}, {@code inactive}, {@code paused} → {@code idle}; {@code gone}
 *       → nothing ({@link org.parley.mapper.xmpp2sip.SipAction.Reason#GONE_CHAT_STATE}; §6.1 maps it to a BYE,
 *       and page mode has no session). A chat state inside a content message is not sent: receiving a message
 *       already returns an RFC 3994 receiver to idle.</li>
 *   <li><b>Types</b>: normal, chat and headline translate alike; {@code groupchat} is refused as
 *       feature-not-implemented (the gateway takes no part in rooms); {@code error} produces nothing
 *       ({@link org.parley.mapper.xmpp2sip.SipAction.Reason#ERROR_STANZA}).</li>
 *   <li><b>Receipts</b>: a {@code <request/>} adds nothing to the MESSAGE; the caller keeps the message and asks
 *       {@link org.parley.mapper.sip2xmpp.DeliveryReceipts#receiptFor} when the final response arrives (a 200
 *       yields {@code <received/>}). An ack message ({@code <received/>} alone) produces nothing
 *       ({@link org.parley.mapper.xmpp2sip.SipAction.Reason#RECEIPT}); see the {@code sip2xmpp} package.</li>
 * </ul>
 *
 * <h2>Example (RFC 7572 Examples 1 and 2)</h2>
 * <pre>
 * &lt;message from='juliet@example.com/yn0cl4bnw0yr3vym' to='romeo@example.net' xml:lang='en'&gt;
 *   &lt;body&gt;Art thou not Romeo, and a Montague?&lt;/body&gt;
 *   &lt;thread&gt;D9AA95FD-2BD5-46E2-AF0F-6CFAA96BDDFA&lt;/thread&gt;
 * &lt;/message&gt;
 *   →
 * MESSAGE sip:romeo@example.net
 * To: sip:romeo@example.net
 * From: sip:juliet@example.com;gr=yn0cl4bnw0yr3vym
 * Call-ID: D9AA95FD-2BD5-46E2-AF0F-6CFAA96BDDFA
 * Content-Type: text/plain;charset=UTF-8
 * Content-Language: en
 *
 * Art thou not Romeo, and a Montague?
 * </pre>
 */
package org.parley.mapper.xmpp2sip;
