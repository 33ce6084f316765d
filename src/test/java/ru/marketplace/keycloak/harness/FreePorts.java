package ru.marketplace.keycloak.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds TCP ports on 127.0.0.1 that are free right now, so that two runs never collide on fixed ports. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct free ports. All sockets stay open until every port is chosen, so the
     * operating system cannot hand out the same port twice. A port may still be taken by someone else
     * between this call and its use; callers that bind later should retry on "address already in use".
     */
    public static List<Integer> pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return List.copyOf(ports);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }

    public static int pick() {
        return pick(1).get(0);
    }
}
