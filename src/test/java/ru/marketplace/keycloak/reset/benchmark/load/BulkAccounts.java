package ru.marketplace.keycloak.reset.benchmark.load;

import java.util.ArrayList;
import java.util.List;
import ru.marketplace.keycloak.harness.production.PostgresServer;

/**
 * Shopper accounts written straight into Keycloak's PostgreSQL tables (after Keycloak created the schema and the
 * realm), in chunks of set-based {@code INSERT … SELECT generate_series}, so that a million accounts take seconds
 * instead of a million password hashes through the admin API. A row is what «Продолжить» needs: an enabled user with
 * a lower-case e-mail (and {@code email_constraint}, the unique key when duplicate e-mails are off), a first and last
 * name (so a login never stops at "update your profile"); optionally the password credential of a template user,
 * copied as it is (same hash and salt), so the accounts can sign in and the policy's history check has a hash to test.
 * Not written: role mappings (the realm's default roles), so the benchmark's tokens carry no realm roles.
 */
final class BulkAccounts {

    private static final int CHUNK = 200_000;

    private final PostgresServer postgres;
    private final String database;

    BulkAccounts(PostgresServer postgres, PostgresServer.Database database) {
        this.postgres = postgres;
        this.database = database.name();
    }

    /** {@code <prefix>-<index>@shop.example}; the username is the same without the domain. */
    static String email(String prefix, int index) {
        return prefix + "-" + index + "@shop.example";
    }

    /**
     * Inserts the accounts {@code prefix-from} … {@code prefix-(from+count-1)} into {@code realm}, with a copy of
     * {@code templateUserId}'s credentials when it is not {@code null}.
     */
    void insert(String realm, String prefix, int from, int count, String templateUserId) {
        requireSafe(prefix);
        for (int start = from; start < from + count; start += CHUNK) {
            int end = Math.min(from + count, start + CHUNK) - 1;
            postgres.psql(database, "INSERT INTO user_entity (id, email, email_constraint, email_verified, enabled, "
                    + "first_name, last_name, realm_id, username, created_timestamp, not_before) "
                    + "SELECT gen_random_uuid()::text, '" + prefix + "-' || g || '@shop.example', '" + prefix
                    + "-' || g || '@shop.example', false, true, 'Анна', 'Петрова', r.id, '" + prefix + "-' || g, "
                    + "(extract(epoch from now()) * 1000)::bigint, 0 "
                    + "FROM generate_series(" + start + ", " + end + ") g, realm r WHERE r.name = '" + requireSafe(realm) + "'");
            if (templateUserId != null) {
                postgres.psql(database, "INSERT INTO credential (id, type, user_id, created_date, user_label, secret_data, "
                        + "credential_data, priority) SELECT gen_random_uuid()::text, c.type, u.id, c.created_date, c.user_label, "
                        + "c.secret_data, c.credential_data, c.priority FROM user_entity u, credential c, realm r "
                        + "WHERE r.name = '" + realm + "' AND u.realm_id = r.id AND c.user_id = '" + requireSafe(templateUserId)
                        + "' AND u.username IN (SELECT '" + prefix + "-' || g FROM generate_series(" + start + ", " + end + ") g)");
            }
        }
        postgres.psql(database, "ANALYZE user_entity");
    }

    long accountsInDatabase() {
        return Long.parseLong(postgres.psql(database, "SELECT count(*) FROM user_entity"));
    }

    /** Accounts {@code prefix-from} … for a batch, each with its own client IP starting at {@code firstIp}. */
    static List<BenchAccount> accounts(String prefix, int from, int count, int firstIp) {
        List<BenchAccount> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(new BenchAccount(email(prefix, from + i), Walks.OLD_PASSWORD, ClientIps.distinct(firstIp + i)));
        }
        return accounts;
    }

    /** The names go into SQL text: only what the benchmark itself chooses (letters, digits, dashes) is allowed. */
    private static String requireSafe(String name) {
        if (!name.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not a safe SQL literal: " + name);
        }
        return name;
    }
}
