package org.apache.camel.component.audiosocket;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code audiosocket:} component: live call audio from Asterisk's AudioSocket into routes, and audio from routes
 * back into the call.
 */
@Component("audiosocket")
public class AudioSocketComponent extends HealthCheckComponent implements SSLContextParametersAware {

    /** The servers of the started consumers, by host:port, for the producers to find their calls. */
    private final Map<String, AudioSocketServer> servers = new ConcurrentHashMap<>();

    /** The options every endpoint of this component starts from; an endpoint's URI overrides them one by one. */
    @Metadata
    private AudioSocketConfiguration configuration = new AudioSocketConfiguration();

    /** Use the SSLContextParameters configured globally on the CamelContext for every endpoint without its own. */
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AudioSocketConfiguration config = configuration.copy();
        parseHostAndPort(remaining, config);
        AudioSocketEndpoint endpoint = new AudioSocketEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        if (config.getSslContextParameters() == null && useGlobalSslContextParameters) {
            config.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    private static void parseHostAndPort(String remaining, AudioSocketConfiguration config) {
        URI parsed = URI.create("tcp://" + remaining);
        if (parsed.getHost() == null || parsed.getPort() < 0) {
            throw new IllegalArgumentException(
                    "An AudioSocket endpoint needs host and port, as in audiosocket:0.0.0.0:9092, not audiosocket:"
                                               + remaining);
        }
        config.setHost(parsed.getHost());
        config.setPort(parsed.getPort());
    }

    void registerServer(AudioSocketConfiguration config, AudioSocketServer server) {
        AudioSocketServer existing = servers.putIfAbsent(key(config.getHost(), config.getPort()), server);
        if (existing != null && existing != server) {
            throw new IllegalStateException(
                    "An AudioSocket consumer on " + key(config.getHost(), config.getPort()) + " is already running");
        }
    }

    void unregisterServer(AudioSocketConfiguration config, AudioSocketServer server) {
        servers.remove(key(config.getHost(), config.getPort()), server);
    }

    /**
     * The server a producer with this host and port plays into: the consumer on exactly that address, or else the
     * only one on that port (so that audiosocket:localhost:9092 finds the consumer bound to 0.0.0.0:9092).
     */
    AudioSocketServer findServer(String host, int port) {
        AudioSocketServer exact = servers.get(key(host, port));
        if (exact != null) {
            return exact;
        }
        AudioSocketServer found = null;
        for (Map.Entry<String, AudioSocketServer> entry : servers.entrySet()) {
            if (entry.getKey().endsWith(":" + port)) {
                if (found != null) {
                    return null; // ambiguous: more than one address on that port
                }
                found = entry.getValue();
            }
        }
        return found;
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }

    public AudioSocketConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AudioSocketConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
