package ru.marketplace.keycloak.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on 127.0.0.1 that misbehaves on demand, in front of a {@link MailCatcher}: in {@link Fault#NONE}
 * every connection is relayed byte for byte to the catcher, so delivered mail lands where the tests read it; in
 * every other mode it answers as a failing server would. Setting a mode closes every open connection, as a server
 * restarting into its new state would: the extension keeps SMTP connections open between mails, and a kept
 * connection must meet the fault too.
 */
public final class FaultySmtpServer implements AutoCloseable {

    public enum Fault {
        /** relay to the mail catcher */
        NONE,
        /** relay to the mail catcher, each of the server's replies held back {@link #SLOW_REPLY}: an overloaded relay */
        SLOW,
        /** accept the connection and never greet */
        SILENT,
        /** greet with 421 and close: a server shedding load */
        GREETING_421,
        /** refuse the recipient with 451 4.3.0: greylisting, a full queue */
        RCPT_451,
        /** refuse the recipient with 550 5.1.1 */
        RCPT_550,
        /** take DATA, read a little of the message, then drop the connection without a reply */
        DROP_IN_DATA
    }

    /** How long {@link Fault#SLOW} holds each reply: well inside Jakarta Mail's 10 s read timeout. */
    public static final java.time.Duration SLOW_REPLY = java.time.Duration.ofMillis(1500);

    private final MailCatcher catcher;
    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-smtp");
        t.setDaemon(true);
        return t;
    });
    private final Map<Fault, AtomicInteger> connectionsByFault = new ConcurrentHashMap<>();
    /** RCPT commands by the fault they met and the address they named (lower case). */
    private final Map<String, AtomicInteger> recipientsTried = new ConcurrentHashMap<>();
    private final java.util.Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Fault fault = Fault.NONE;

    private FaultySmtpServer(MailCatcher catcher, ServerSocket listener) {
        this.catcher = catcher;
        this.listener = listener;
        connections.execute(this::acceptLoop);
    }

    public static FaultySmtpServer inFrontOf(MailCatcher catcher) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return new FaultySmtpServer(catcher, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void fault(Fault fault) {
        this.fault = fault;
        for (Socket client : open) {
            try {
                client.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** Connections opened while {@code fault} was set. */
    public int connections(Fault fault) {
        return connectionsByFault.computeIfAbsent(fault, f -> new AtomicInteger()).get();
    }

    /**
     * How often a mail to {@code address} was tried (its RCPT command) while {@code fault} was set: unlike
     * {@link #connections}, blind to other mails that happen to be retried meanwhile, and to kept-open connections.
     */
    public int recipientAttempts(Fault fault, String address) {
        AtomicInteger tried = recipientsTried.get(fault + " " + address.toLowerCase(java.util.Locale.ROOT));
        return tried == null ? 0 : tried.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Fault now = fault;
                connectionsByFault.computeIfAbsent(now, f -> new AtomicInteger()).incrementAndGet();
                connections.execute(() -> serve(client, now));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client, Fault mode) {
        open.add(client);
        try (client) {
            switch (mode) {
                case NONE -> relay(client, java.time.Duration.ZERO);
                case SLOW -> relay(client, SLOW_REPLY);
                case SILENT -> client.getInputStream().read(new byte[1024]); // until the client gives up
                case GREETING_421 -> write(client, "421 4.3.2 Service not available, try again later");
                default -> converse(client, mode);
            }
        } catch (IOException dropped) {
            // the client timed out or hung up: what these faults are for
        } finally {
            open.remove(client);
        }
    }

    private void converse(Socket client, Fault mode) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        write(client, "220 faulty.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (command) {
                case "EHLO", "HELO" -> write(client, "250 faulty.test");
                case "MAIL" -> write(client, "250 2.1.0 OK");
                case "RCPT" -> {
                    int start = line.indexOf('<');
                    int end = line.indexOf('>', start + 1);
                    String address = start >= 0 && end > start ? line.substring(start + 1, end) : line;
                    recipientsTried.computeIfAbsent(mode + " " + address.toLowerCase(java.util.Locale.ROOT), k -> new AtomicInteger())
                            .incrementAndGet();
                    if (mode == Fault.RCPT_451) {
                        write(client, "451 4.3.0 Temporary failure, try again later");
                    } else if (mode == Fault.RCPT_550) {
                        write(client, "550 5.1.1 No such mailbox");
                    } else {
                        write(client, "250 2.1.5 OK");
                    }
                }
                case "DATA" -> {
                    write(client, "354 go ahead");
                    char[] some = new char[200];
                    in.read(some);
                    return; // dropped in the middle of the message, no reply
                }
                case "RSET", "NOOP" -> write(client, "250 OK");
                case "QUIT" -> {
                    write(client, "221 bye");
                    return;
                }
                default -> write(client, "502 5.5.1 not implemented");
            }
        }
    }

    private void relay(Socket client, java.time.Duration replyDelay) throws IOException {
        try (Socket server = new Socket(catcher.host(), catcher.port())) {
            Thread back = new Thread(() -> pump(server, client, replyDelay), "faulty-smtp-relay");
            back.setDaemon(true);
            back.start();
            pump(client, server, java.time.Duration.ZERO);
            back.join(10_000 + replyDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(Socket from, Socket to, java.time.Duration delay) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis());
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException closed) {
            // one side hung up
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Socket client, String reply) throws IOException {
        client.getOutputStream().write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        connections.shutdownNow();
    }
}
