package org.apache.camel.component.audiosocket;

import java.net.InetSocketAddress;
import java.util.Map;

import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The consumer's part of Camel's health checks (reported under its route's consumer check): ready when the server is
 * bound and accepting calls, with the server's figures as details.
 */
final class AudioSocketConsumerHealthCheck implements HealthCheck {

    private final AudioSocketConsumer consumer;
    private boolean enabled = true;

    AudioSocketConsumerHealthCheck(AudioSocketConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return "audiosocket-consumer";
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        AudioSocketServer server = consumer.getServer();
        InetSocketAddress bound = server != null ? server.localAddress() : null;
        if (bound == null) {
            AudioSocketConfiguration config = consumer.getEndpoint().getConfiguration();
            return builder.down().message("AudioSocket server " + config.getHost() + ":" + config.getPort()
                                          + " is not accepting calls").build();
        }
        AudioSocketConfiguration config = consumer.getEndpoint().getConfiguration();
        return builder.up()
                .detail("audiosocket.address", config.getHost() + ":" + bound.getPort())
                .detail("audiosocket.calls.active", server.activeCalls())
                .detail("audiosocket.connections.open", server.openConnections())
                .detail("audiosocket.calls.total", server.callsTotal())
                .detail("audiosocket.protocol.errors", server.protocolErrors())
                .detail("audiosocket.backpressure.long.pauses", server.longReadPauses())
                .build();
    }
}
