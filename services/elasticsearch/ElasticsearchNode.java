import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;

/**
 * One Elasticsearch node on 127.0.0.1 at the given HTTP port, until the process is stopped.
 * The runner's own main() only accepts HTTP ports up to 9299 (its maxHttpPort), so this launcher lifts that
 * limit and names the cluster after its port: two nodes on one machine never join each other.
 * Run as a single source file: java -cp "lib/*" ElasticsearchNode.java DATA_DIR HTTP_PORT
 */
public class ElasticsearchNode {
    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int httpPort = Integer.parseInt(args[1]);
        ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
        runner.setMaxHttpPort(-1);
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("discovery.type", "single-node");
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception error) {
                error.printStackTrace();
            }
        }));
        runner.build(ElasticsearchClusterRunner.newConfigs()
                .basePath(dataDir)
                .numOfNode(1)
                .baseHttpPort(httpPort - 1)
                .clusterName("cms-search-" + httpPort)
                .printOnFailure());
        runner.ensureYellow();
        Thread.currentThread().join();
    }
}
