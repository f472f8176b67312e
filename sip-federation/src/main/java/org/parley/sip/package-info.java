/**
 * The SIP federation leg toward the organisation's Access Edge (RFC 3261 over mutual TLS, RFC 5922 names):
 * {@link org.parley.sip.SipFederation} (lifecycle), {@link org.parley.sip.SipSettings} (typed configuration),
 * and the narrow ports {@link org.parley.sip.SipInbound} (requests and subscription events for the gateway),
 * {@link org.parley.sip.SipOutbound} (requests to the edge, answered by a {@link org.parley.sip.SipOutcome}) and
 * {@link org.parley.sip.SipSubscriber} (RFC 6665 subscriptions), and {@link org.parley.sip.SipNotifier} for
 * subscriptions to the gateway (RFC 6665 §4.2, reported as {@link org.parley.sip.WatcherEvent}s). Everything crossing this boundary is an
 * immutable record; no JAIN-SIP object leaves the module.
 */
package org.parley.sip;
