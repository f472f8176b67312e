/**
 * Presence documents as they cross the SIP side of the gateway: the PIDF model, a safe reader and a writer, and a
 * reader and a writer for the subset of Microsoft enhanced presence the gateway maps. Knows nothing of XMPP
 * addresses or of the mapping rules, which live in {@code org.parley.mapper.presence}.
 *
 * <h2>Formats</h2>
 * <ul>
 *   <li>PIDF, RFC 3863 §4 ({@link org.parley.mapper.pidf.PidfDocument}, {@code application/pidf+xml}): entity,
 *       tuples with {@code <status><basic>}, {@code <contact priority>}, {@code <note xml:lang>},
 *       {@code <timestamp>}; document notes.</li>
 *   <li>The {@code <show xmlns='jabber:client'>} element RFC 8048 §6.2 (Table 1 note 7) RECOMMENDS inside the
 *       status ({@link org.parley.mapper.pidf.JabberShow}).</li>
 *   <li>The RFC 4479 data model's {@code <dm:person>} with RFC 4480 §3.2 RPID {@code <rpid:activities>}
 *       ({@link org.parley.mapper.pidf.PidfPerson}, {@link org.parley.mapper.pidf.Activity}).</li>
 *   <li>Microsoft enhanced presence {@code <categories>} ([MS-PRES]): the {@code state} category's
 *       {@code <availability>} and the {@code note} category's body ({@link org.parley.mapper.pidf.MsCategories};
 *       the exact subset is documented on {@link org.parley.mapper.pidf.MsCategoriesReader}); written for
 *       Microsoft watchers by {@link org.parley.mapper.pidf.MsCategoriesWriter} ({@code aggregateState} and a
 *       personal note).</li>
 * </ul>
 *
 * <h2>Reading untrusted bodies</h2>
 * {@link org.parley.mapper.pidf.PidfReader} and {@link org.parley.mapper.pidf.MsCategoriesReader} use the JDK's
 * own StAX parser ({@code XMLInputFactory.newDefaultFactory()}) with DTD support, external entities and external
 * DTD access off, and refuse any document type declaration or entity reference outright (XXE, "billion laughs").
 * Bodies are bounded (64 KiB by default, configurable by constructor); skipping unknown elements is iterative,
 * so nesting depth costs no stack. Unknown elements and attributes are ignored (PIDF is extensible by design).
 * Problems are values: {@code Rejected} with bad-request / 400, or policy-violation / 413 for an oversized body
 * (RFC 7247 Table 3 pairs).
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li>Tuple and person ids are not checked against {@code xs:ID} on input (SIP user agents send ids that start
 *       with a digit); they must be non-blank and unique. Ids the gateway writes are NCNames.</li>
 *   <li>A {@code <basic>} other than open/closed, a contact priority that is not a qvalue (0–1, three decimals)
 *       and a timestamp that is not an {@code xs:dateTime} are malformed; a timestamp without offset is UTC.</li>
 *   <li>An unknown {@code <show>} value or RPID activity is ignored, like any unknown extension.</li>
 * </ul>
 */
package org.parley.mapper.pidf;
