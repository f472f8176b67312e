package org.parley.sip.stack;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import org.parley.sip.SipSettings;
import org.parley.sip.SipStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns typed settings into a JAIN-SIP (jain-sip-ri) stack: its string properties, the
 * {@link SSLContext} over the gateway's key manager and a {@link PeerNameTrustManager}, and the hook classes
 * it instantiates by name. The only class naming {@code gov.nist.*} properties.
 *
 * <p>Pinned choices (see the project's JAIN-SIP notes): the blocking (OIO) message processor, whose TLS
 * client works and honours a required client certificate, with {@link TlsNetworkLayer} building every
 * socket; {@code TLS_CLIENT_AUTH_TYPE=Enabled} (never {@code DisabledAll}, which trusts everything);
 * TLS 1.3/1.2 and AES-GCM suites only; {@code SSL_HANDSHAKE_TIMEOUT} in milliseconds, and the same bound
 * on silence inside a partly received message ({@code READ_TIMEOUT}, against slow senders and lying
 * Content-Length); no automatic dialogs;
 * {@link EdgeRouter} for every request; {@link RequestValve} in front of transaction allocation; {@link StackLogging} for the stack's own log. No
 * {@code javax.net.ssl.*} system property is read or set.
 */
public final class SipStackFactory {

    /** TLS 1.3 (RFC 8446) and 1.2 (RFC 5246). */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** AEAD suites only: AES-GCM for TLS 1.3, and ECDHE with AES-GCM for TLS 1.2 (RFC 9325 §4.2). */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    private static final Logger LOG = LoggerFactory.getLogger(SipStackFactory.class);

    private SipStackFactory() {
    }

    /** The TLS context of the stack: our certificate, the anchors, and the edge-name check in both roles. */
    public static SSLContext sslContext(SipSettings settings, ConnectionEvents events) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {settings.tls().keyManager()},
                    new TrustManager[] {new PeerNameTrustManager(settings.tls().anchors(),
                            settings.edge().certificateName(), events)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot create a TLS context", e);
        }
    }

    /**
     * Creates the stack, binds the TLS listener and returns the runtime.
     *
     * @throws SipStartException when the listener cannot bind or the stack refuses its configuration
     */
    public static SipStackRuntime start(SipSettings settings, StackHooks hooks) throws SipStartException {
        String name = "parley-sip-" + UUID.randomUUID();
        StackHooks.register(name, hooks);
        SipStackImpl stack = null;
        try {
            stack = new SipStackImpl(properties(name, settings));
            ListeningPoint point = stack.createListeningPoint(settings.listen().getAddress().getHostAddress(),
                    settings.listen().getPort(), ListeningPoint.TLS);
            point.setSentBy(settings.fqdn() + ":" + point.getPort());
            SipProvider provider = stack.createSipProvider(point);
            stack.start();
            LOG.info("SIP TLS listener on {}:{} as {}", settings.listen().getAddress().getHostAddress(),
                    point.getPort(), settings.fqdn());
            return new SipStackRuntime(name, stack, point, provider, new AddressFactoryImpl(),
                    new HeaderFactoryImpl(), new MessageFactoryImpl());
        } catch (java.text.ParseException | SipException
                 | javax.sip.InvalidArgumentException | RuntimeException e) {
            if (stack != null) {
                stack.stop();
            }
            StackHooks.unregister(name);
            throw new SipStartException("cannot listen for SIP over TLS on " + settings.listen() + ": "
                    + rootMessage(e), e);
        }
    }

    /**
     * Stops the stack, closing its listener and connections. jain-sip-ri's event thread is not a daemon and
     * waits on its queue even after {@code stop()} marked it stopped; a last no-op event wakes it so it ends.
     */
    public static void stop(SipStackRuntime runtime) {
        EventScanner scanner = ((SipStackImpl) runtime.stack()).getEventScanner();
        try {
            runtime.stack().deleteSipProvider(runtime.provider());
            runtime.stack().deleteListeningPoint(runtime.listeningPoint());
        } catch (ObjectInUseException e) {
            LOG.debug("stopping SIP stack {}: {}", runtime.name(), e.toString());
        }
        runtime.stack().stop();
        if (scanner != null) {
            scanner.addEvent(new EventWrapper(new IOExceptionEvent(runtime.provider(), "0.0.0.0", 0, "TLS"), null));
        }
        StackHooks.unregister(runtime.name());
    }

    static Properties properties(String name, SipSettings settings) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("javax.sip.ROUTER_PATH", EdgeRouter.class.getName());
        p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", OIOMessageProcessorFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", TlsNetworkLayer.class.getName());
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", RequestValve.class.getName());
        p.setProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER",
                FailClosedSecurityManagerProvider.class.getName());
        p.setProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY", HandshakeNameCheckPolicy.class.getName());
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Enabled");
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", PROTOCOLS));
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", CIPHER_SUITES));
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT",
                Long.toString(settings.timers().handshake().toMillis()));
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", Long.toString(settings.timers().handshake().toMillis()));
        p.setProperty("gov.nist.javax.sip.SSL_RENEGOTIATION_ENABLED", "false");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(settings.limits().maxMessageBytes()));
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(settings.limits().maxConnections()));
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "ERROR");
        p.setProperty("gov.nist.javax.sip.LOG4J_LOGGER_NAME", "gov.nist.javax.sip");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", StackLogging.class.getName());
        p.setProperty("gov.nist.javax.sip.LOG_STACK_TRACE_ON_MESSAGE_SEND", "false");
        return p;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
