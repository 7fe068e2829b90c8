import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * One search node on 127.0.0.1 at the given HTTP port, until the process is stopped, from codelibs' runner for
 * Elasticsearch or OpenSearch (the same API in two packages, so it is reached by reflection).
 * The runners' own main() accepts HTTP ports up to 9299 only (maxHttpPort); this lifts that limit, binds to the
 * loopback address and names the cluster after its port, so that two nodes on one machine never join each other.
 * Its disk watermarks are off: they are shares of the whole disk (95% used makes every index read-only), which on a
 * shared development or CI machine says nothing about the few megabytes a node holds.
 * Run as a single source file: java -cp "lib/*" SearchNode.java RUNNER_CLASS DATA_DIR HTTP_PORT
 */
public class SearchNode {
    public static void main(String[] args) throws Exception {
        Class<?> runnerClass = Class.forName(args[0]);
        String dataDir = args[1];
        int httpPort = Integer.parseInt(args[2]);
        Object runner = runnerClass.getConstructor().newInstance();
        runnerClass.getMethod("setMaxHttpPort", int.class).invoke(runner, -1);

        Class<?> builderType = Class.forName(args[0] + "$Builder");
        Object builder = Proxy.newProxyInstance(builderType.getClassLoader(), new Class<?>[] {builderType},
            (proxy, method, arguments) -> {
                if (!method.getName().equals("build")) {
                    return method.getName().equals("hashCode") ? System.identityHashCode(proxy) : null;
                }
                Object settings = arguments[1];
                Method put = settings.getClass().getMethod("put", String.class, String.class);
                put.invoke(settings, "network.host", "127.0.0.1");
                put.invoke(settings, "discovery.type", "single-node");
                put.invoke(settings, "cluster.routing.allocation.disk.threshold_enabled", "false");
                return null;
            });
        runnerClass.getMethod("onBuild", builderType).invoke(runner, builder);

        Object configs = runnerClass.getMethod("newConfigs").invoke(null);
        Class<?> configsType = configs.getClass();
        configsType.getMethod("basePath", String.class).invoke(configs, dataDir);
        configsType.getMethod("numOfNode", int.class).invoke(configs, 1);
        configsType.getMethod("baseHttpPort", int.class).invoke(configs, httpPort - 1);
        configsType.getMethod("clusterName", String.class).invoke(configs, "cms-search-" + httpPort);
        configsType.getMethod("printOnFailure").invoke(configs);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runnerClass.getMethod("close").invoke(runner);
            } catch (Exception error) {
                error.printStackTrace();
            }
        }));
        runnerClass.getMethod("build", configsType).invoke(runner, configs);
        runnerClass.getMethod("ensureYellow", String[].class).invoke(runner, (Object) new String[0]);
        Thread.currentThread().join();
    }
}
