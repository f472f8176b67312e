package org.parley.gateway.pki;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Drives a TLS handshake between two {@link SSLEngine}s through byte buffers, without sockets, then sends one
 * application message from client to server. Bounded in rounds, so a stuck handshake fails instead of hanging.
 */
final class InMemoryHandshake {

    private static final int MAX_ROUNDS = 200;
    private static final int MAX_RECORDS_PER_STEP = 20;

    /** How it ended: the message the server read, or the first exception and which side raised it. */
    record Outcome(Optional<String> received, Optional<String> failedSide, Optional<SSLException> failure) {
        boolean succeeded() {
            return received.isPresent();
        }
    }

    private final SSLEngine client;
    private final SSLEngine server;
    private final ByteBuffer clientToServer;
    private final ByteBuffer serverToClient;
    private final ByteBuffer clientApp;
    private final ByteBuffer serverApp;

    InMemoryHandshake(SSLEngine client, SSLEngine server) {
        this.client = client;
        this.server = server;
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int app = Math.max(client.getSession().getApplicationBufferSize(),
                server.getSession().getApplicationBufferSize());
        clientToServer = ByteBuffer.allocate(packet * 4);
        serverToClient = ByteBuffer.allocate(packet * 4);
        clientApp = ByteBuffer.allocate(app * 2);
        serverApp = ByteBuffer.allocate(app * 2);
    }

    Outcome run(String message) {
        String side = "client";
        try {
            client.beginHandshake();
            server.beginHandshake();
            for (int round = 0; round < MAX_ROUNDS && !(done(client) && done(server)); round++) {
                side = "client";
                step(client, serverToClient, clientToServer, clientApp);
                side = "server";
                step(server, clientToServer, serverToClient, serverApp);
            }
            if (!(done(client) && done(server))) {
                throw new IllegalStateException("handshake did not finish in " + MAX_ROUNDS + " rounds");
            }
            side = "client";
            client.wrap(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), clientToServer);
            side = "server";
            serverApp.clear();
            for (int round = 0; round < MAX_ROUNDS && serverApp.position() == 0; round++) {
                step(server, clientToServer, serverToClient, serverApp);
            }
            serverApp.flip();
            return new Outcome(Optional.of(StandardCharsets.UTF_8.decode(serverApp).toString()), Optional.empty(),
                    Optional.empty());
        } catch (SSLException e) {
            return new Outcome(Optional.empty(), Optional.of(side), Optional.of(e));
        }
    }

    /** Reads what the peer sent, runs delegated tasks, then writes whatever the engine wants to send. */
    private static void step(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
        in.flip();
        while (in.hasRemaining()) {
            int before = in.remaining();
            engine.unwrap(in, app);
            runTasks(engine);
            if (in.remaining() == before) {
                break; // partial record: wait for more bytes
            }
        }
        in.compact();
        for (int records = 0; records < MAX_RECORDS_PER_STEP; records++) {
            engine.wrap(ByteBuffer.allocate(0), out);
            runTasks(engine);
            if (engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                break;
            }
        }
    }

    private static void runTasks(SSLEngine engine) {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }

    private static boolean done(SSLEngine engine) {
        return engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
    }
}
