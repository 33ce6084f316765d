package ru.marketplace.keycloak.harness;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;
import java.time.Duration;

/** UnboundID's in-memory LDAP server, standard schema, in the test JVM: needs nothing installed. */
public final class InMemoryLdapDirectory extends LdapDirectory {

    private final InMemoryDirectoryServer server;

    private InMemoryLdapDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    public static InMemoryLdapDirectory start() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.startListening();
            InMemoryLdapDirectory directory = new InMemoryLdapDirectory(server);
            directory.awaitAnswer(Duration.ofSeconds(10), () -> "in-memory server");
            directory.addBaseEntries();
            return directory;
        } catch (LDAPException e) {
            throw new IllegalStateException("Cannot start the in-memory LDAP directory", e);
        }
    }

    @Override
    protected int port() {
        return server.getListenPort();
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    @Override
    public String toString() {
        return "UnboundID in-memory LDAP at " + url();
    }
}
