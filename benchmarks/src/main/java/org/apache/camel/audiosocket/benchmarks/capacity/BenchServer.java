package org.apache.camel.audiosocket.benchmarks.capacity;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.PooledExchangeFactory;

/**
 * The server side of the capacity benchmark, in a JVM of its own so that its CPU can be measured alone. One of:
 * <ul>
 * <li>{@code netty-echo}: the baseline, a minimal AudioSocket echo server on plain Netty (epoll, length-field
 * framing, each audio message written straight back);</li>
 * <li>{@code netty-paced-echo}: the baseline made to pace its replies, as AudioSocket needs (Asterisk plays what
 * arrives at once), the plain way: each call's messages queue, and a task its event loop runs at a fixed rate of
 * 20 ms from the call's first message writes the next one (two while more than two wait, so that a hold-up does not
 * stay in the latency). What pacing costs plain Netty;</li>
 * <li>{@code camel-echo}: a Camel route on the component, one exchange per 20 ms message, InOut, the reply played
 * back paced;</li>
 * <li>{@code camel-echo-100ms}: the same with 100 ms of audio per exchange;</li>
 * <li>{@code camel-echo-eventloop}, {@code camel-echo-100ms-eventloop}: the same two with usingExecutorService=false,
 * the routes running on the event loops;</li>
 * <li>{@code camel-forward}: 200 ms chunks to a {@code seda:} queue whose consumer counts them, no replies;</li>
 * <li>{@code camel-prompt}: every call is answered with one prompt of {@code -Dbench.promptSeconds} (60 by default),
 * played paced; the calls send nothing.</li>
 * <li>{@code netty-prompt}: the same prompt on plain Netty, each call paced by a task its event loop runs at a fixed
 * rate of 20 ms: the reference for how evenly this machine lets a server pace (no codec, no queue, no grid).</li>
 * </ul>
 * It prints {@code ready} once listening, then answers commands on stdin, one line each: {@code heap} (heap in use
 * after a full collection, in bytes), {@code forwarded} (audio bytes the forwarding route took) and {@code quit}.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        LongAdder forwarded = new LongAdder();
        AutoCloseable server = switch (mode) {
            case "netty-echo" -> nettyEcho(port);
            case "netty-paced-echo" -> nettyServer(port, Runtime.getRuntime().availableProcessors(), PacedEcho::new);
            case "camel-echo" -> camel(port, "exchangePattern=InOut&chunkDuration=20", null);
            case "camel-echo-100ms" -> camel(port, "exchangePattern=InOut&chunkDuration=100", null);
            case "camel-echo-eventloop" -> camel(port, "exchangePattern=InOut&chunkDuration=20&usingExecutorService=false", null);
            case "camel-echo-100ms-eventloop" -> camel(port, "exchangePattern=InOut&chunkDuration=100&usingExecutorService=false",
                    null);
            case "camel-forward" -> camel(port, "chunkDuration=200", forwarded);
            case "camel-prompt" -> prompt(port, Integer.getInteger("bench.promptSeconds", 60));
            case "netty-prompt" -> nettyPrompt(port, Integer.getInteger("bench.promptSeconds", 60));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        System.out.println("ready");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command; (command = commands.readLine()) != null;) {
            switch (command.trim()) {
                case "heap" -> {
                    System.gc();
                    System.out.println(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                }
                case "forwarded" -> System.out.println(forwarded.sum());
                case "quit" -> {
                    server.close();
                    System.out.println("bye");
                    return;
                }
                default -> System.out.println("unknown command " + command);
            }
        }
        server.close();
    }

    private static AutoCloseable camel(int port, String options, LongAdder forwarded) throws Exception {
        CamelContext context = newCamelContext();
        String uri = "audiosocket:0.0.0.0:" + port + "?nativeTransport=true&" + options + extraUriOptions();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (forwarded == null) {
                    // InOut: an AUDIO exchange's body is played back; every other event leaves nothing to play
                    from(uri).filter(header(AudioSocketConstants.EVENT_TYPE).isNotEqualTo("AUDIO")).setBody(constant(null));
                } else {
                    from(uri).filter(header(AudioSocketConstants.EVENT_TYPE).isEqualTo("AUDIO"))
                            .to("seda:forward?size=100000&blockWhenFull=true");
                    from("seda:forward").process(e -> forwarded.add(e.getMessage().getBody(byte[].class).length));
                }
            }
        });
        context.start();
        return context::stop;
    }

    /**
     * A Camel context; with -Dbench.exchangeFactory=pooled (e.g. through -Dbench.serverJvmArgs) one that reuses its
     * exchanges, as {@code camel.main.exchange-factory=pooled} does.
     */
    private static CamelContext newCamelContext() {
        CamelContext context = new DefaultCamelContext();
        if ("pooled".equals(System.getProperty("bench.exchangeFactory"))) {
            context.getCamelContextExtension().setExchangeFactory(new PooledExchangeFactory());
        }
        return context;
    }

    /** E.g. -Dbench.serverJvmArgs=-Dbench.uriOptions=poolSize=4 tries an option on every Camel server. */
    private static String extraUriOptions() {
        String extra = System.getProperty("bench.uriOptions", "");
        return extra.isEmpty() ? "" : "&" + extra;
    }

    /** Answers each CALL_START with one long prompt, the same array for every call (8 kHz slin, a sawtooth). */
    private static AutoCloseable prompt(int port, int seconds) throws Exception {
        byte[] prompt = sawtooth(seconds);
        CamelContext context = newCamelContext();
        String uri = "audiosocket:0.0.0.0:" + port + "?nativeTransport=true&exchangePattern=InOut&events=CALL_START"
                     + "&keepAliveInterval=0&playbackQueueLimit=" + (seconds + 1) * 1000 + extraUriOptions();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).setBody(constant(prompt));
            }
        });
        context.start();
        return context::stop;
    }

    /** A prompt of so many seconds of 8 kHz slin: a sawtooth. */
    private static byte[] sawtooth(int seconds) {
        byte[] prompt = new byte[seconds * 16000];
        for (int i = 0; i < prompt.length; i++) {
            prompt[i] = (byte) i;
        }
        return prompt;
    }

    /** The baseline: what any AudioSocket echo server has to do, and nothing more. */
    private static AutoCloseable nettyEcho(int port) throws InterruptedException {
        return nettyServer(port, 0, Echo::new);
    }

    /** The pacing reference: the prompt of camel-prompt, each call's frames written by a fixed-rate task. */
    private static AutoCloseable nettyPrompt(int port, int seconds) throws InterruptedException {
        byte[] prompt = sawtooth(seconds);
        // as many event loops as the component's server has
        return nettyServer(port, Runtime.getRuntime().availableProcessors(), () -> new PacedPrompt(prompt));
    }

    /** @param workerLoops 0: Netty's default, twice the cores */
    private static AutoCloseable nettyServer(int port, int workerLoops,
            Supplier<ChannelInboundHandlerAdapter> handler) throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(workerLoops, EpollIoHandler.newFactory());
        Channel server = new ServerBootstrap().group(boss, workers).channel(EpollServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(65535 + 3, 1, 2), handler.get());
                    }
                }).bind(port).sync().channel();
        return () -> {
            server.close().sync();
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        };
    }

    /** Whether a whole message is audio: kinds 0x10 (slin 8 kHz) to 0x18 (slin 192 kHz). */
    private static boolean isAudio(ByteBuf message) {
        int kind = message.getUnsignedByte(message.readerIndex());
        return kind >= 0x10 && kind <= 0x18;
    }

    /** Writes every audio message back as it came; drops the rest. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf message = (ByteBuf) msg;
            if (isAudio(message)) {
                ctx.write(message);
            } else {
                message.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** Queues every audio message and writes the next one every 20 ms, from a fixed-rate task; drops the rest. */
    private static final class PacedEcho extends ChannelInboundHandlerAdapter {
        private final ArrayDeque<ByteBuf> queued = new ArrayDeque<>();
        private ScheduledFuture<?> pacer;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf message = (ByteBuf) msg;
            if (!isAudio(message)) {
                message.release();
                return;
            }
            queued.add(message);
            if (pacer == null) {
                pacer = ctx.executor().scheduleAtFixedRate(() -> playFrame(ctx), 0, 20, TimeUnit.MILLISECONDS);
            }
        }

        private void playFrame(ChannelHandlerContext ctx) {
            ByteBuf next = queued.poll();
            if (next != null) {
                ctx.write(next, ctx.voidPromise());
                if (queued.size() > 2) {
                    // a backlog (messages held up and then come at once): one more, or it stays in the latency
                    ctx.write(queued.poll(), ctx.voidPromise());
                }
                ctx.flush();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (pacer != null) {
                pacer.cancel(false);
            }
            queued.forEach(ByteBuf::release);
            queued.clear();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** On the call's first message (its UUID), plays the prompt: 20 ms every 20 ms, from a fixed-rate task. */
    private static final class PacedPrompt extends ChannelInboundHandlerAdapter {
        private static final int FRAME_BYTES = 320;
        private final byte[] prompt;
        private ScheduledFuture<?> pacer;
        private int offset;

        PacedPrompt(byte[] prompt) {
            this.prompt = prompt;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            if (pacer == null) {
                // (Netty's fixed rate counts each deadline from the first, so lateness is not carried forward)
                pacer = ctx.executor().scheduleAtFixedRate(() -> playFrame(ctx), 0, 20, TimeUnit.MILLISECONDS);
            }
        }

        private void playFrame(ChannelHandlerContext ctx) {
            if (offset >= prompt.length) {
                pacer.cancel(false);
                return;
            }
            ByteBuf frame = ctx.alloc().buffer(3 + FRAME_BYTES).writeByte(0x10).writeShort(FRAME_BYTES)
                    .writeBytes(prompt, offset, FRAME_BYTES);
            offset += FRAME_BYTES;
            ctx.writeAndFlush(frame, ctx.voidPromise());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (pacer != null) {
                pacer.cancel(false);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
