package org.parley.sip.stack;

import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * A running JAIN-SIP stack with its one TLS listening point and provider, and the factories to build
 * messages with. Created and stopped by {@link SipStackFactory}; only JAIN-SIP API types here.
 */
public record SipStackRuntime(String name, SipStack stack, ListeningPoint listeningPoint, SipProvider provider,
                              AddressFactory addresses, HeaderFactory headers, MessageFactory messages) {
}
