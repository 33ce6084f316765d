package ru.marketplace.keycloak.reset.benchmark.load;

/**
 * Simulated client addresses, sent as {@code X-Forwarded-For} (Keycloak runs with {@code --proxy-headers=xforwarded},
 * as behind the operator's proxy): every index gets its own address in 10.0.0.0/8, so shoppers are not throttled
 * by the per-IP limit unless a row wants them to share one.
 */
final class ClientIps {

    /**
     * What the "one IP, many shoppers" row sends for every shopper. A private address, like all of them: the
     * realms require HTTPS for public client addresses ({@code sslRequired=external}) and the benchmark speaks HTTP.
     */
    static final String SHARED = "192.168.0.7";

    private ClientIps() {
    }

    /** 10.0.0.1 for 0, 10.0.0.2 for 1, … 16,777,214 distinct addresses, never .0 network or broadcast-looking 10.255.255.255. */
    static String distinct(int index) {
        if (index < 0 || index >= 0xFF_FF_FE) {
            throw new IllegalArgumentException("no distinct address for index " + index);
        }
        int n = index + 1;
        return "10." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
    }
}
