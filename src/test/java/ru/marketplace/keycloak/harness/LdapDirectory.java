package ru.marketplace.keycloak.harness;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An LDAP server on a free port of 127.0.0.1 holding shoppers as {@code inetOrgPerson} entries under
 * {@code ou=People}: what Keycloak's LDAP federation is pointed at in the tests. Two servers answer the same
 * protocol: OpenLDAP's {@code slapd} from the Debian package ({@link OpenLdapDirectory}) and UnboundID's
 * in-memory directory in the test JVM ({@link InMemoryLdapDirectory}). Entries are written and passwords checked
 * over LDAP, as any client would.
 */
public abstract class LdapDirectory implements AutoCloseable {

    public static final String BASE_DN = "dc=marketplace,dc=example";
    public static final String PEOPLE_DN = "ou=People," + BASE_DN;
    public static final String MANAGER_DN = "cn=Directory Manager," + BASE_DN;
    public static final String MANAGER_PASSWORD = "directory-manager-secret";

    /** The directory's TCP port on 127.0.0.1. */
    protected abstract int port();

    /** {@code ldap://127.0.0.1:<port>} */
    public String url() {
        return "ldap://127.0.0.1:" + port();
    }

    /** Creates the base entry and {@code ou=People}; called once the server answers. */
    protected void addBaseEntries() {
        try (LDAPConnection manager = managerConnection()) {
            manager.add("dn: " + BASE_DN, "objectClass: top", "objectClass: dcObject", "objectClass: organization",
                    "dc: marketplace", "o: Marketplace");
            manager.add("dn: " + PEOPLE_DN, "objectClass: top", "objectClass: organizationalUnit", "ou: People");
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("Cannot create the base entries in " + this, e);
        }
    }

    /** Adds a shopper; returns the entry's DN. */
    public String addPerson(String uid, String email, String password, String givenName, String familyName) {
        String dn = "uid=" + uid + "," + PEOPLE_DN;
        try (LDAPConnection manager = managerConnection()) {
            manager.add("dn: " + dn, "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                    "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + givenName + " " + familyName,
                    "givenName: " + givenName, "sn: " + familyName, "mail: " + email, "userPassword: " + password);
            return dn;
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("Cannot add " + dn + " to " + this, e);
        }
    }

    /** Whether a simple bind as {@code dn} with {@code password} succeeds: the directory's own verdict. */
    public boolean acceptsPassword(String dn, String password) {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port())) {
            connection.bind(dn, password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw new IllegalStateException("Bind as " + dn + " failed for another reason", e);
        }
    }

    /** Waits until the server accepts the manager's bind, or fails after {@code timeout} with {@code diagnosis}. */
    protected void awaitAnswer(Duration timeout, java.util.function.Supplier<String> diagnosis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (LDAPConnection ignored = managerConnection()) {
                return;
            } catch (LDAPException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(this + " did not answer within " + timeout + ": " + diagnosis.get(), notYet);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    private LDAPConnection managerConnection() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port(), MANAGER_DN, MANAGER_PASSWORD);
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
    public abstract void close();
}
