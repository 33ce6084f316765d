package ru.marketplace.keycloak.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Questions about this machine's loopback that the demo asks before it starts anything. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /**
     * Whether a server could listen on 127.0.0.1:{@code port} now. Binding is the only reliable test: a process
     * listening on 0.0.0.0 or on 127.0.0.1 makes it fail alike.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the servers do: a port in TIME_WAIT is usable
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The demo's ports that are taken, in order. */
    public static List<DemoSettings.NamedPort> busy(List<DemoSettings.NamedPort> ports) {
        return ports.stream().filter(named -> !isFree(named.port())).toList();
    }

    /**
     * Whether "localhost" names 127.0.0.1 here. Browsers are sent to http://localhost:… (the realm registers the
     * storefront as http://localhost:3000), while every server listens on 127.0.0.1.
     */
    public static boolean localhostIsLoopback() {
        try {
            return Arrays.stream(InetAddress.getAllByName("localhost"))
                    .anyMatch(address -> address.getHostAddress().equals("127.0.0.1"));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
