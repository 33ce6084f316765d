package ru.marketplace.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

    @Test
    void aPortSomeoneListensOnIsBusyAndFreeAgainAfterwards() throws IOException {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            assertFalse(LocalPorts.isFree(port));
            DemoSettings.NamedPort named = new DemoSettings.NamedPort(port, "demo.store.port", "витрина");
            assertEquals(List.of(named), LocalPorts.busy(List.of(named)));
        }
        assertTrue(LocalPorts.isFree(port));
    }

    @Test
    void aListenerOnEveryInterfaceBlocksLoopbackToo() throws IOException {
        try (ServerSocket wildcard = new ServerSocket(0)) {
            assertFalse(LocalPorts.isFree(wildcard.getLocalPort()));
        }
    }
}
