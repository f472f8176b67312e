/**
 * The federation allow list: which remote XMPP domains may open s2s streams with the gateway, and with which
 * per-domain policy (TLS as in RFC 6120 §5, authentication by SASL EXTERNAL per XEP-0178 or Server Dialback per
 * XEP-0220, an optional host/port override for the connection).
 *
 * <p>{@link org.parley.gateway.allowlist.AllowListRepository} reads and writes the {@code allow_list} table
 * transactionally (configuration entries are synchronised into it at start-up, the CLI adds its own);
 * {@link org.parley.gateway.allowlist.AllowList} is the running gateway's live, immutable view, refreshed by
 * polling the table's revision so changes made by another process are seen within a second; its
 * {@link org.parley.gateway.allowlist.AllowList#decide decide} method is the s2s policy hook's answer.
 * Also here: {@link org.parley.gateway.allowlist.DomainName}, the normalised key.
 */
package org.parley.gateway.allowlist;
