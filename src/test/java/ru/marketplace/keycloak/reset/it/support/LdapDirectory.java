package ru.marketplace.keycloak.reset.it.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real LDAP server (UnboundID's in-memory directory, standard schema) listening on a free port of 127.0.0.1,
 * holding shoppers as {@code inetOrgPerson} entries under {@code ou=People}: what Keycloak's LDAP federation
 * is pointed at in the tests. Keycloak talks to it over the LDAP protocol like to any directory.
 */
public final class LdapDirectory implements AutoCloseable {

    public static final String BASE_DN = "dc=marketplace,dc=example";
    public static final String PEOPLE_DN = "ou=People," + BASE_DN;
    public static final String MANAGER_DN = "cn=Directory Manager";
    public static final String MANAGER_PASSWORD = "directory-manager-secret";

    private final InMemoryDirectoryServer server;

    private LdapDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    public static LdapDirectory start() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.startListening();
            server.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: marketplace");
            server.add("dn: " + PEOPLE_DN, "objectClass: top", "objectClass: organizationalUnit", "ou: People");
            return new LdapDirectory(server);
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("Cannot start the LDAP directory", e);
        }
    }

    /** {@code ldap://127.0.0.1:<port>} */
    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    /** Adds a shopper; returns the entry's DN. */
    public String addPerson(String uid, String email, String password, String givenName, String familyName) {
        String dn = "uid=" + uid + "," + PEOPLE_DN;
        try {
            server.add("dn: " + dn, "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                    "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + givenName + " " + familyName,
                    "givenName: " + givenName, "sn: " + familyName, "mail: " + email, "userPassword: " + password);
            return dn;
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("Cannot add " + dn, e);
        }
    }

    /** Whether a simple bind as {@code dn} with {@code password} succeeds: the directory's own verdict. */
    public boolean acceptsPassword(String dn, String password) {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", server.getListenPort())) {
            connection.bind(dn, password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw new IllegalStateException("Bind as " + dn + " failed for another reason", e);
        }
    }

    /**
     * The settings of a Keycloak LDAP user-federation component pointing at this directory, as the admin console
     * writes them (every value a one-element list).
     *
     * @param editMode {@code WRITABLE}, {@code READ_ONLY} or {@code UNSYNCED}
     */
    public Map<String, Object> keycloakComponent(String name, String editMode) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("enabled", "true");
        config.put("priority", "0");
        config.put("vendor", "other");
        config.put("connectionUrl", url());
        config.put("usersDn", PEOPLE_DN);
        config.put("authType", "simple");
        config.put("bindDn", MANAGER_DN);
        config.put("bindCredential", MANAGER_PASSWORD);
        config.put("usernameLDAPAttribute", "uid");
        config.put("rdnLDAPAttribute", "uid");
        config.put("uuidLDAPAttribute", "entryUUID");
        config.put("userObjectClasses", "inetOrgPerson, organizationalPerson");
        config.put("searchScope", "1");
        config.put("pagination", "false");
        config.put("editMode", editMode);
        config.put("importEnabled", "true");
        config.put("syncRegistrations", "false");
        config.put("trustEmail", "true");
        config.put("useTruststoreSpi", "never");
        config.put("connectionPooling", "false");
        config.put("cachePolicy", "NO_CACHE");
        Map<String, List<String>> listed = new LinkedHashMap<>();
        config.forEach((key, value) -> listed.put(key, List.of(value)));
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("name", name);
        component.put("providerId", "ldap");
        component.put("providerType", "org.keycloak.storage.UserStorageProvider");
        component.put("config", listed);
        return component;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
