/**
 * User addresses on both sides of the gateway and the mapping between them: RFC 7247 §6 (Address Mapping),
 * XEP-0106 (JID Escaping), RFC 7622 (XMPP address format, basic rules), RFC 3261 §19.1 and §25.1 (SIP URI),
 * RFC 5627 (GRUU).
 *
 * <h2>Types</h2>
 * {@link org.parley.mapper.address.XmppAddress} (a user JID, localpart in escaped wire form),
 * {@link org.parley.mapper.address.SipAddress} ({@code sip:}/{@code sips:} user, host, optional {@code gr}; user
 * and GRUU held percent-decoded), {@link org.parley.mapper.address.AddressMapper} (configured with the local SIP
 * and XMPP domains), {@link org.parley.mapper.address.Party} (whose address it is),
 * {@link org.parley.mapper.address.JidEscaping} (XEP-0106).
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li><b>Domain.</b> Kept as it is on both sides (RFC 7247 §6.1 leaves domain mapping to DNS), normalised to
 *       IDNA A-labels in lower case without trailing dot. IP literals are refused.</li>
 *   <li><b>Which domains.</b> A {@link org.parley.mapper.address.Party#LOCAL_SIP_USER} must be in a domain that
 *       is both a local SIP and a local XMPP domain; a {@link org.parley.mapper.address.Party#REMOTE_XMPP_USER}
 *       must be in neither. A sender that misfits is refused as forbidden / 403 (spoofed or misrouted), a target
 *       that misfits as item-not-found / 404 (nothing to deliver to; also stops loops back through the gateway).</li>
 *   <li><b>SIP → XMPP localpart</b> (§6.4): percent-decode the user as UTF-8, then XEP-0106-escape
 *       {@code space " & ' / : < > @} and any backslash that would read as an escape sequence. RFC 7247 names
 *       only {@code & ' /} because it assumes SIP users without the others; the decoded user can contain them
 *       all, and XEP-0106 covers them.</li>
 *   <li><b>XMPP → SIP user</b> (§6.5): XEP-0106-unescape, then percent-encode every octet RFC 3261 {@code user}
 *       does not allow unencoded (upper-case hex). RFC 7247 step 5 lists only {@code #%[\]^`{|}} and non-ASCII; an
 *       unescaped localpart can also hold {@code space " : < > @}, which RFC 3261 requires encoded too. The
 *       {@code user-unreserved} characters {@code & = + $ , ; ? /} stay literal (RFC 7247: {@code sip:m&m@…}).</li>
 *   <li><b>Instance</b> (§6.3): the {@code gr} URI parameter ↔ the resourcepart, percent-decoded/-encoded
 *       ({@code paramchar}). A temporary GRUU ({@code ;gr} without value) is not mapped: item-not-found / 404.</li>
 *   <li><b>Exact round trip.</b> On the addresses each direction accepts, the two directions are inverse. To keep
 *       them so, SIP users starting or ending with a space (XEP-0106 forbids {@code \20} there) and JIDs whose
 *       localpart is not canonical XEP-0106 (e.g. {@code a\5cb}, which unescapes like {@code a\b}) are refused as
 *       jid-malformed / 400. A SIP URI with needless escapes ({@code sip:%61lice@…}) maps, and maps back in
 *       canonical form ({@code sip:alice@…}). No PRECIS case mapping is applied: case is preserved.</li>
 *   <li><b>SIPS</b> (§9): {@code sips:} is parsed but never translated: not-acceptable / 416 Unsupported URI
 *       Scheme. Other schemes ({@code tel:}, {@code im:}, {@code pres:}) are refused the same way.</li>
 *   <li><b>Malformed</b> input (bad percent-escapes, invalid UTF-8, forbidden or control characters, parts over
 *       1023 octets, a password in the URI): jid-malformed / 400. No user part: item-not-found / 484.</li>
 * </ol>
 *
 * <h2>Examples</h2>
 * (local domain {@code contoso.test}; remote XMPP domain {@code jabber.example})
 * <pre>
 *  SIP                                         XMPP                                  party
 *  sip:alice@contoso.test                      alice@contoso.test                    LOCAL_SIP_USER
 *  sip:bob@jabber.example                      bob@jabber.example                    REMOTE_XMPP_USER
 *  sip:f%C3%BC@contoso.test                    fü@contoso.test                       RFC 7247 §6.4
 *  sip:o'malley@contoso.test                   o\27malley@contoso.test               RFC 7247 §6.4
 *  sip:foo@contoso.test;gr=bar                 foo@contoso.test/bar                  RFC 7247 §6.4
 *  sip:m&amp;m@jabber.example                      m\26m@jabber.example                  RFC 7247 §6.5
 *  sip:baz@jabber.example;gr=qux               baz@jabber.example/qux                RFC 7247 §6.5
 *  sip:space%20cadet@jabber.example            space\20cadet@jabber.example          XEP-0106
 *  sip:user%40host@jabber.example              user\40host@jabber.example            XEP-0106
 *  sip:c%3A%5C5commas@jabber.example           c\3a\5c5commas@jabber.example         XEP-0106
 *  sip:100%25@jabber.example                   100%@jabber.example
 *  sip:x@jabber.example;gr=a%20b%3Bc           x@jabber.example/a b;c
 *  sips:alice@contoso.test                     refused: not-acceptable / 416
 *  sip:eve@jabber.example as LOCAL_SIP_USER    refused: forbidden / 403
 *  sip:%20x@jabber.example                     refused: jid-malformed / 400
 * </pre>
 */
package org.parley.mapper.address;
