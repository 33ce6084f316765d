package ru.marketplace.keycloak.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a docker-compose.yml the checks look at, parsed with SnakeYAML (safe constructor: plain maps,
 * lists and scalars only). Short and long syntax of {@code volumes} and {@code ports} read alike.
 */
final class ComposeFile {

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    static ComposeFile parse(String yaml) {
        Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("Not a compose file: the top level is not a mapping");
        }
        return new ComposeFile(cast(map));
    }

    List<String> serviceNames() {
        return List.copyOf(services().keySet());
    }

    Optional<Service> service(String name) {
        Object service = services().get(name);
        return service instanceof Map<?, ?> map ? Optional.of(new Service(name, cast(map))) : Optional.empty();
    }

    private Map<String, Object> services() {
        return root.get("services") instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    /** A bind mount or volume: {@code source} is a host path or a volume name. */
    record Mount(String source, String target) {
    }

    /** A published port: {@code hostIp} empty when it listens on every interface. */
    record PublishedPort(String hostIp, int hostPort, int containerPort) {
    }

    /** One service's settings. */
    record Service(String name, Map<String, Object> settings) {

        String image() {
            return String.valueOf(settings.getOrDefault("image", ""));
        }

        /** The command as a list ({@code "start-dev --import-realm"} is split on spaces). */
        List<String> command() {
            Object command = settings.get("command");
            if (command instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return command == null ? List.of() : List.of(String.valueOf(command).trim().split("\\s+"));
        }

        /** {@code environment} as a map, from either its mapping or its {@code NAME=value} list form. */
        Map<String, String> environment() {
            Object env = settings.get("environment");
            Map<String, String> values = new LinkedHashMap<>();
            if (env instanceof Map<?, ?> map) {
                map.forEach((k, v) -> values.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            } else if (env instanceof List<?> list) {
                for (Object entry : list) {
                    String text = String.valueOf(entry);
                    int eq = text.indexOf('=');
                    values.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
                }
            }
            return values;
        }

        List<Mount> mounts() {
            List<Mount> mounts = new ArrayList<>();
            for (Object volume : list("volumes")) {
                if (volume instanceof Map<?, ?> map) {
                    mounts.add(new Mount(String.valueOf(map.get("source")), String.valueOf(map.get("target"))));
                } else {
                    String[] parts = String.valueOf(volume).split(":");
                    if (parts.length >= 2) {
                        mounts.add(new Mount(parts[0], parts[1]));
                    }
                }
            }
            return mounts;
        }

        List<PublishedPort> ports() {
            List<PublishedPort> ports = new ArrayList<>();
            for (Object port : list("ports")) {
                if (port instanceof Map<?, ?> map) {
                    ports.add(new PublishedPort(String.valueOf(map.containsKey("host_ip") ? map.get("host_ip") : ""),
                            Integer.parseInt(String.valueOf(map.get("published"))),
                            Integer.parseInt(String.valueOf(map.get("target")))));
                } else {
                    String[] parts = String.valueOf(port).replaceFirst("/(tcp|udp)$", "").split(":");
                    String hostIp = parts.length == 3 ? parts[0] : "";
                    int container = Integer.parseInt(parts[parts.length - 1]);
                    int host = parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : container;
                    ports.add(new PublishedPort(hostIp, host, container));
                }
            }
            return ports;
        }

        /** The health check's {@code test}, empty when there is none (or it is disabled with NONE). */
        List<String> healthTest() {
            Object healthcheck = settings.get("healthcheck");
            Object test = healthcheck instanceof Map<?, ?> map ? map.get("test") : null;
            List<String> parts = test instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : test == null ? List.of() : List.of("CMD-SHELL", String.valueOf(test));
            return parts.isEmpty() || parts.get(0).equals("NONE") ? List.of() : parts;
        }

        /** {@code depends_on} service → condition ({@code service_started} for the short list form). */
        Map<String, String> dependsOn() {
            Object deps = settings.get("depends_on");
            Map<String, String> conditions = new LinkedHashMap<>();
            if (deps instanceof Map<?, ?> map) {
                map.forEach((name, spec) -> conditions.put(String.valueOf(name), spec instanceof Map<?, ?> s
                        ? String.valueOf(s.get("condition")) : "service_started"));
            } else if (deps instanceof List<?> list) {
                list.forEach(name -> conditions.put(String.valueOf(name), "service_started"));
            }
            return conditions;
        }

        private List<?> list(String key) {
            return settings.get(key) instanceof List<?> list ? list : List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
