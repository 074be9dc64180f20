package dev.thoughtgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilderImplementation;

/**
 * Runs Neo4j Community embedded, with Bolt on 127.0.0.1, for Thoughtgraph's local default.
 *
 * <p>Contract with the Node side (src/runtime/local-neo4j.ts):
 * <ul>
 *   <li>arguments: {@code <home> <port>}; the home folder keeps the store between runs;</li>
 *   <li>prints exactly one line {@code NEO4J_READY bolt://127.0.0.1:<port>} once Bolt accepts;</li>
 *   <li>shuts down cleanly when standard input closes, so a parent that dies (even by SIGKILL)
 *       never leaves a JVM holding the store lock;</li>
 *   <li>shuts down cleanly on SIGTERM and SIGINT through the shutdown hook.</li>
 * </ul>
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: LocalNeo4j <home> <port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilderImplementation(home)
                .setConfigRaw(settings(port))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();

        exitWhenStdinCloses();
    }

    private static Map<String, String> settings(int port) {
        String address = "127.0.0.1:" + port;
        Map<String, String> settings = new HashMap<>();
        settings.put("server.bolt.enabled", "true");
        settings.put("server.bolt.listen_address", address);
        settings.put("server.bolt.advertised_address", address);
        // Bound to loopback only, so the local default runs without credentials.
        settings.put("dbms.security.auth_enabled", "false");
        // Usage reporting is on by default and would try to reach the internet.
        settings.put("dbms.usage_report.enabled", "false");
        // Embedded mode applies none of Neo4j's memory defaults: without a bound the page cache
        // takes half of what the heap leaves.
        settings.put("server.memory.pagecache.size", "256m");
        settings.put("db.tx_log.rotation.retention_policy", "2 files");
        // A guard for any query that escapes the service's own per-transaction timeouts.
        settings.put("db.transaction.timeout", "120s");
        // The store is checkpointed and closed well before Bolt's default grace periods (5 s, then
        // 15 s) end; keep shutdown quick. Internal settings: pinned with the Neo4j version.
        settings.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        settings.put("internal.dbms.bolt.netty_server_shutdown_timeout", "2s");
        return settings;
    }

    private static void exitWhenStdinCloses() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // Anything written to stdin is ignored; only its end matters.
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone: shut down below.
        }
        System.exit(0);
    }
}
