package ru.marketplace.keycloak.reset.benchmark.load;

import java.util.Properties;

/**
 * What the benchmark runs, from {@code -Dload.*} system properties; the defaults are issue 9's sizes.
 *
 * @param rounds            interleaved rounds (stock, project, login, stock, project, login, …)
 * @param resetsPerRound    full resets per flow and round (and password logins per round)
 * @param concurrency       shopper threads
 * @param warmUp            resets per flow before the first round, not counted
 * @param pending           pending resets (code or link mailed, not used) per flow for the heap figure
 * @param bigRows           the one-IP, many-accounts and flood rows
 * @param oneIpShoppers     shoppers behind one client IP
 * @param fewAccounts       accounts in PostgreSQL for the small side of the many-accounts row
 * @param manyAccounts      accounts in PostgreSQL for the large side
 * @param accountSamples    «Продолжить» requests timed on each side of the many-accounts row
 * @param floodRequests     code requests for unknown addresses in the flood row
 * @param floodIps          client IPs the flood comes from
 * @param heap              the server's {@code JAVA_OPTS_KC_HEAP}
 * @param chartToDocs       also write the chart to {@code docs/performance.png}
 * @param profileResets     resets per flow recorded with JDK Flight Recorder after the rounds (0: no profile)
 */
record LoadSettings(int rounds, int resetsPerRound, int concurrency, int warmUp, int pending, boolean bigRows,
                    int oneIpShoppers, int fewAccounts, int manyAccounts, int accountSamples, int floodRequests,
                    int floodIps, String heap, boolean chartToDocs, int profileResets) {

    static final LoadSettings ISSUE_DEFAULTS = new LoadSettings(3, 30, 4, 10, 400, true, 2_000, 1_000, 1_000_000, 200,
            50_000, 5_000, "-Xms1g -Xmx2g", false, 0);

    LoadSettings {
        if (rounds < 1 || resetsPerRound < 1 || concurrency < 1 || warmUp < 0 || pending < 1 || oneIpShoppers < 1
                || fewAccounts < 1 || manyAccounts <= fewAccounts || accountSamples < 1 || floodRequests < 1
                || floodIps < 1 || floodIps > floodRequests || profileResets < 0) {
            throw new IllegalArgumentException("inconsistent load settings: " + this);
        }
        if (3L * accountSamples > fewAccounts) {
            throw new IllegalArgumentException("load.accountSamples=" + accountSamples + " needs load.fewAccounts >= "
                    + 3L * accountSamples + " (each sample uses a fresh account: a warm-up and two measurements on the small side)");
        }
    }

    /** {@code -Dload.rounds=3 -Dload.resets=30 …}; anything unset keeps its issue default. */
    static LoadSettings from(Properties p) {
        LoadSettings d = ISSUE_DEFAULTS;
        return new LoadSettings(
                integer(p, "load.rounds", d.rounds()),
                integer(p, "load.resets", d.resetsPerRound()),
                integer(p, "load.concurrency", d.concurrency()),
                integer(p, "load.warmup", d.warmUp()),
                integer(p, "load.pending", d.pending()),
                Boolean.parseBoolean(p.getProperty("load.bigRows", Boolean.toString(d.bigRows())).trim()),
                integer(p, "load.oneIpShoppers", d.oneIpShoppers()),
                integer(p, "load.fewAccounts", d.fewAccounts()),
                integer(p, "load.accounts", d.manyAccounts()),
                integer(p, "load.accountSamples", d.accountSamples()),
                integer(p, "load.floodRequests", d.floodRequests()),
                integer(p, "load.floodIps", d.floodIps()),
                p.getProperty("load.heap", d.heap()).trim(),
                Boolean.parseBoolean(p.getProperty("load.chartToDocs", "false").trim()),
                integer(p, "load.profile", d.profileResets()));
    }

    private static int integer(Properties p, String key, int fallback) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + "=" + value + " is not a whole number", e);
        }
    }
}
