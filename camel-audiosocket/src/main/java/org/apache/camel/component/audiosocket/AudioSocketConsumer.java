package org.apache.camel.component.audiosocket;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.audiosocket.client.AudioSocketClient;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.session.CallEvent;
import org.apache.camel.component.audiosocket.session.CallEventSink;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.component.audiosocket.session.RoutePool;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AudioSocket server as a Camel consumer: every call's events become exchanges, each call's in order, all calls in
 * parallel on one thread pool (or, with usingExecutorService=false, on the calls' event loops). With exchange pattern
 * InOut, the body a route leaves on a CALL_START, AUDIO, DTMF or MARK exchange is played back into the call, as the
 * producer would play it. In client mode there is no server: the consumer receives what the server sends into the
 * calls the endpoint's producers dialled.
 */
public class AudioSocketConsumer extends DefaultConsumer implements CallEventSink {

    private static final Logger LOG = LoggerFactory.getLogger(AudioSocketConsumer.class);

    private AudioSocketServer server;
    private AudioSocketClient client;
    private ExecutorService executor;
    private boolean ownExecutor;
    private ScheduledExecutorService poolWatch;

    public AudioSocketConsumer(AudioSocketEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public AudioSocketEndpoint getEndpoint() {
        return (AudioSocketEndpoint) super.getEndpoint();
    }

    /** The server this consumer runs, once started. */
    public AudioSocketServer getServer() {
        return server;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        AudioSocketConfiguration config = getEndpoint().getConfiguration();
        executor = config.getExecutorService();
        if (!config.isUsingExecutorService()) {
            if (executor != null) {
                throw new IllegalArgumentException("executorService is set while usingExecutorService=false asks for"
                                                   + " the routes to run on the event loops: choose one");
            }
            ownExecutor = false; // null: every call's routes run on its own event loop
        } else {
            ownExecutor = executor == null;
            if (ownExecutor) {
                executor = createExecutor(config);
            }
        }
        if (config.isClientMode()) {
            // no server: the calls client mode dials are the source, whichever producer dialled them
            client = getEndpoint().client();
            client.attach(this, executor);
            return;
        }
        server = new AudioSocketServer(getEndpoint().getCamelContext(), config, getEndpoint().callSettings(), this,
                executor);
        ServiceHelper.startService(server);
        getEndpoint().getComponent().registerServer(config, server);
        if (getEndpoint().getComponent().isHealthCheckConsumerEnabled()) {
            setHealthCheck(new AudioSocketConsumerHealthCheck(this));
        }
    }

    /**
     * The pool the routes run on unless the endpoint is given one: a thread per core, and one more for each thread a
     * blocking route holds, up to poolSize (see {@link RoutePool}). Its queue never refuses a task: it holds at most
     * one per call, and a refused task would have to be offered again from the call's event loop.
     */
    private ExecutorService createExecutor(AudioSocketConfiguration config) {
        String name = "AudioSocket " + config.getHost() + ":" + config.getPort();
        ExecutorServiceManager threads = getEndpoint().getCamelContext().getExecutorServiceManager();
        poolWatch = threads.newSingleThreadScheduledExecutor(this, name + " pool watch");
        return new RoutePool(RoutePool.baseThreadsFor(config.getPoolSize()), config.getPoolSize(), name,
                task -> threads.newThread(name, task)).watchOn(poolWatch);
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.detach(this);
            client = null;
        }
        if (server != null) {
            getEndpoint().getComponent().unregisterServer(getEndpoint().getConfiguration(), server);
            ServiceHelper.stopService(server);
            server = null;
        }
        if (executor != null && ownExecutor) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
        }
        if (poolWatch != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(poolWatch);
            poolWatch = null;
        }
        executor = null;
        super.doStop();
    }

    @Override
    public void deliver(CallSession call, CallEvent event, Runnable whenDone) {
        Exchange exchange = createExchange(false);
        populate(exchange.getIn(), call, event);
        getAsyncProcessor().process(exchange, doneSync -> {
            try {
                afterRoute(call, event, exchange);
            } finally {
                releaseExchange(exchange, false);
                whenDone.run();
            }
        });
    }

    private void afterRoute(CallSession call, CallEvent event, Exchange exchange) {
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing " + event.type() + " of AudioSocket call "
                                                  + call.uuidText(),
                    exchange, exchange.getException());
            if (getEndpoint().getConfiguration().isHangupOnRouteError()) {
                call.hangupNow(AudioSocketHangupReason.ROUTE_ERROR);
            }
            return;
        }
        if (!ExchangeHelper.isOutCapable(exchange) || !canReply(event)) {
            return;
        }
        Message reply = exchange.getMessage();
        if (reply.getBody() == null && reply.getHeader(AudioSocketConstants.COMMAND) == null) {
            return;
        }
        try {
            AudioSocketCallControl.reply(call, reply, event);
        } catch (AudioSocketCallNotFoundException e) {
            if (call.hasEnded()) {
                // the reply to the call's last audio, delivered as it hung up: there is nobody left to play it to
                LOG.debug("Reply to AudioSocket call {} dropped: the call has ended", call.uuidText());
            } else {
                getExceptionHandler().handleException("Could not play the reply into AudioSocket call "
                                                      + call.uuidText(), exchange, e);
            }
        } catch (Exception e) {
            getExceptionHandler().handleException("Could not play the reply into AudioSocket call " + call.uuidText(),
                    exchange, e);
        }
    }

    private static boolean canReply(CallEvent event) {
        return switch (event.type()) {
            case CALL_START, AUDIO, DTMF, MARK -> true;
            default -> false;
        };
    }

    private static void populate(Message message, CallSession call, CallEvent event) {
        message.setHeader(AudioSocketConstants.EVENT_TYPE, event.type().name());
        message.setHeader(AudioSocketConstants.SEQUENCE, event.sequence());
        message.setHeader(AudioSocketConstants.REMOTE_ADDRESS, call.remoteAddress());
        if (call.uuidText() != null) {
            message.setHeader(AudioSocketConstants.UUID, call.uuidText());
        }
        switch (event.type()) {
            case AUDIO -> {
                message.setHeader(AudioSocketConstants.SAMPLE_RATE, event.sampleRate());
                message.setHeader(AudioSocketConstants.CODEC, event.codec().name());
            }
            case DTMF -> message.setHeader(AudioSocketConstants.DTMF_DIGIT, event.detail());
            case ERROR -> {
                message.setHeader(AudioSocketConstants.ERROR_TYPE, event.detail());
                if (event.errorCode() != null) {
                    message.setHeader(AudioSocketConstants.ERROR_CODE, event.errorCode());
                }
            }
            case MARK -> message.setHeader(AudioSocketConstants.MARK, event.detail());
            case HANGUP -> {
                message.setHeader(AudioSocketConstants.HANGUP_REASON, event.hangupReason().name());
                message.setHeader(AudioSocketConstants.CALL_DURATION, event.durationMillis());
            }
            default -> {
            }
        }
        message.setBody(event.body());
    }
}
