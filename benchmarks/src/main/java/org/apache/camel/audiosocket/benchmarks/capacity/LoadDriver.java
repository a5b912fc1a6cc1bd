package org.apache.camel.audiosocket.benchmarks.capacity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Plays the Asterisk side of many calls at once, as cheaply as it can, so that the server is what is measured. Each
 * call connects, sends its UUID, then one 20 ms slin 8 kHz message every 20 ms. Each message carries the call's
 * number, its sequence number and the time it was written, and a pattern made from both, so that its echo tells its
 * own latency and whether it was lost or corrupted. Sending is spread over the 20 ms, as a PBX's calls are: every
 * millisecond one twentieth of the calls send.
 */
final class LoadDriver implements AutoCloseable {

    static final int FRAME = 320;
    private static final int STAMP = 16; // call number, sequence number, send time
    private static final int PHASES = 20;

    private final EventLoopGroup group;
    private final List<Sender> senders = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();

    /** What the calls of a step measured, all loops together. */
    record Result(long sent, long received, long lost, long corrupted, Samples latency, Samples gaps) {
    }

    LoadDriver(int threads) {
        group = new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
        group.forEach(executor -> senders.add(new Sender((EventLoop) executor)));
    }

    /** What one listening call heard: audio messages and bytes, and when the first and the last arrived. */
    /**
     * What a listening call heard. {@code driftNanos}: how much longer than its audio the call took to hear it, from
     * the median arrival of its first {@value #ENDS} messages to that of its last {@value #ENDS}, each taken against
     * the 8 kHz slin schedule of its bytes: unlike first-to-last, one message read late at either end (the driver busy
     * dialling) does not count, only pacing that ran fast or slow.
     */
    record Heard(long messages, long bytes, long firstArrivalNanos, long lastArrivalNanos, long driftNanos) {
    }

    /** Dials {@code count} calls, spread over {@code rampMillis}; they send audio if {@code talking}. */
    void dial(String host, int port, int count, long rampMillis, boolean talking) throws InterruptedException {
        dial(host, port, count, rampMillis, talking, false);
    }

    /**
     * Dials {@code count} calls that send nothing but their UUID and listen to what the server plays: every audio
     * message is counted, and the gaps between them kept, whatever it holds.
     */
    void dialListeners(String host, int port, int count, long rampMillis) throws InterruptedException {
        dial(host, port, count, rampMillis, false, true);
    }

    /** What each listening call has heard so far, and the gaps between its messages (all calls together). */
    List<Heard> heard(Samples gaps) throws InterruptedException {
        List<Heard> heard = new ArrayList<>();
        onEveryLoop(sender -> {
            synchronized (heard) {
                sender.forEachCall(call -> heard.add(new Heard(call.received, call.bytesHeard, call.firstArrival,
                        call.lastArrival, call.drift())));
                gaps.addAll(sender.gaps);
            }
        });
        return heard;
    }

    private void dial(String host, int port, int count, long rampMillis, boolean talking, boolean listening)
            throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(EpollSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true);
        for (int i = 0; i < count; i++) {
            Call call = new Call(calls.size(), talking, listening);
            calls.add(call);
            Channel channel = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(65535 + 3, 1, 2), call);
                }
            }).connect(host, port).sync().channel();
            UUID uuid = UUID.randomUUID();
            channel.writeAndFlush(channel.alloc().buffer(19).writeByte(0x01).writeShort(16)
                    .writeLong(uuid.getMostSignificantBits()).writeLong(uuid.getLeastSignificantBits()));
            Sender sender = senders.stream().filter(s -> s.loop == channel.eventLoop()).findFirst().orElseThrow();
            call.channel = channel;
            call.sender = sender;
            sender.loop.execute(() -> sender.phases[call.number % PHASES].add(call));
            if (rampMillis > 0) {
                Thread.sleep(rampMillis / count);
            }
        }
    }

    /**
     * Every call stops sending for a while, then goes on. A paced echo never plays faster than real time, so whatever
     * a call's messages were held up by since it was dialled (dialling hundreds of calls is when the machine is
     * busiest) would otherwise stay in its echo latency to the end; after a pause longer than that the server's queue
     * for the call has run dry, and what is measured next is what the server adds from then on.
     */
    void pause(long millis) throws InterruptedException {
        onEveryLoop(sender -> sender.forEachCall(call -> call.talking = false));
        Thread.sleep(millis);
        onEveryLoop(sender -> sender.forEachCall(call -> call.talking = true));
    }

    /** From now on, what the calls send is measured. */
    void startMeasuring() {
        onEveryLoop(sender -> sender.forEachCall(call -> call.firstMeasured = call.nextSequence));
    }

    /**
     * Stops the calls sending, waits for the last echoes, and returns what was measured. {@code chunkFrames}: how many
     * messages the server takes per exchange; the last, partial chunk of each call only leaves the server when the call
     * hangs up, so it is not expected back.
     */
    Result stopAndCollect(long drainMillis, int chunkFrames) throws InterruptedException {
        onEveryLoop(sender -> sender.forEachCall(call -> call.talking = false));
        Thread.sleep(drainMillis);
        long[] counts = new long[4];
        Samples latency = new Samples();
        Samples gaps = new Samples();
        onEveryLoop(sender -> {
            synchronized (counts) {
                sender.forEachCall(call -> {
                    if (call.firstMeasured >= 0) {
                        long sent = Math.max(0, call.nextSequence / chunkFrames * chunkFrames - call.firstMeasured);
                        counts[0] += sent;
                        counts[1] += call.received;
                        counts[2] += Math.max(0, sent - call.received - call.corrupted);
                        counts[3] += call.corrupted;
                    }
                });
                latency.addAll(sender.latency);
                gaps.addAll(sender.gaps);
                sender.latency = new Samples();
                sender.gaps = new Samples();
            }
        });
        return new Result(counts[0], counts[1], counts[2], counts[3], latency, gaps);
    }

    /** Messages sent by all calls since they were dialled. */
    long sentTotal() {
        long[] total = new long[1];
        onEveryLoop(sender -> {
            synchronized (total) {
                sender.forEachCall(call -> total[0] += call.nextSequence);
            }
        });
        return total[0];
    }

    /** Hangs every call up with a FIN, as Asterisk does, and forgets them and what they measured. */
    void hangupAll() throws InterruptedException {
        onEveryLoop(sender -> {
            for (List<Call> phase : sender.phases) {
                phase.clear();
            }
        });
        for (Call call : calls) {
            call.channel.close().sync();
        }
        calls.clear();
        onEveryLoop(sender -> { // what they measured goes with them
            sender.latency = new Samples();
            sender.gaps = new Samples();
        });
    }

    @Override
    public void close() throws InterruptedException {
        hangupAll();
        senders.forEach(sender -> sender.tick.cancel(false));
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private void onEveryLoop(java.util.function.Consumer<Sender> action) {
        for (Sender sender : senders) {
            sender.loop.submit(() -> action.accept(sender)).syncUninterruptibly();
        }
    }

    /** One event loop's calls, by phase, and what they measured; touched only by that loop. */
    private static final class Sender {
        final EventLoop loop;
        @SuppressWarnings("unchecked")
        final List<Call>[] phases = new List[PHASES];
        final io.netty.util.concurrent.ScheduledFuture<?> tick;
        Samples latency = new Samples();
        Samples gaps = new Samples();
        long ticks;

        Sender(EventLoop loop) {
            this.loop = loop;
            for (int i = 0; i < PHASES; i++) {
                phases[i] = new ArrayList<>();
            }
            // at a fixed rate: a late tick is followed by quick ones, so that every call still sends 50 a second
            tick = loop.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.MILLISECONDS);
        }

        void tick() {
            for (Call call : phases[(int) (ticks++ % PHASES)]) {
                if (call.talking) {
                    call.send();
                }
            }
        }

        void forEachCall(java.util.function.Consumer<Call> action) {
            for (List<Call> phase : phases) {
                phase.forEach(action);
            }
        }
    }

    /** One call: sends its messages and checks the echo. */
    /** Messages at each end of a listening call whose arrivals anchor its drift. */
    static final int ENDS = 50;
    private static final long NANOS_PER_SLIN_BYTE = 1_000_000_000L / 16_000;

    private static final class Call extends ChannelInboundHandlerAdapter {
        final int number;
        final boolean listening;
        volatile boolean talking;
        Channel channel;
        Sender sender;
        int nextSequence;
        long firstMeasured = -1;
        long received;
        long corrupted;
        long lastArrival;
        long firstArrival;
        long bytesHeard;
        /** A listening call's first and (a ring of) last messages' arrivals, less where 8 kHz slin puts their bytes. */
        private long[] startOffsets;
        private long[] endOffsets;

        Call(int number, boolean talking, boolean listening) {
            this.number = number;
            this.talking = talking;
            this.listening = listening;
        }

        void send() {
            ByteBuf frame = channel.alloc().directBuffer(3 + FRAME);
            int sequence = nextSequence++;
            frame.writeByte(0x10).writeShort(FRAME).writeInt(number).writeInt(sequence).writeLong(System.nanoTime());
            for (int i = STAMP; i < FRAME; i++) {
                frame.writeByte(pattern(number, sequence, i));
            }
            channel.writeAndFlush(frame, channel.voidPromise());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf message = (ByteBuf) msg;
            try {
                int at = message.readerIndex();
                if (listening) {
                    listen(message);
                    return;
                }
                if (message.getUnsignedByte(at) != 0x10 || message.readableBytes() < 3 + STAMP) {
                    return;
                }
                long now = System.nanoTime();
                int sequence = message.getInt(at + 7);
                if (firstMeasured < 0 || sequence < firstMeasured) {
                    return;
                }
                boolean intact = message.readableBytes() == 3 + FRAME && message.getInt(at + 3) == number;
                for (int i = STAMP; intact && i < FRAME; i++) {
                    intact = message.getByte(at + 3 + i) == pattern(number, sequence, i);
                }
                if (!intact) {
                    corrupted++;
                    return;
                }
                received++;
                sender.latency.add((now - message.getLong(at + 11)) / 1000);
                if (lastArrival != 0) {
                    sender.gaps.add((now - lastArrival) / 1000);
                }
                lastArrival = now;
            } finally {
                message.release();
            }
        }

        private void listen(ByteBuf message) {
            if (message.getUnsignedByte(message.readerIndex()) != 0x10) {
                return;
            }
            long now = System.nanoTime();
            if (received++ == 0) {
                firstArrival = now;
            } else {
                sender.gaps.add((now - lastArrival) / 1000);
            }
            lastArrival = now;
            long offset = now - bytesHeard * NANOS_PER_SLIN_BYTE;
            if (startOffsets == null) {
                startOffsets = new long[ENDS];
                endOffsets = new long[ENDS];
            }
            if (received <= ENDS) {
                startOffsets[(int) received - 1] = offset;
            }
            endOffsets[(int) ((received - 1) % ENDS)] = offset;
            bytesHeard += message.readableBytes() - 3;
        }

        /** See {@link Heard#driftNanos()}; 0 for a call that heard fewer than twice {@value #ENDS} messages. */
        long drift() {
            if (received < 2 * ENDS) {
                return 0;
            }
            return median(endOffsets) - median(startOffsets);
        }

        private static long median(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    static byte pattern(int call, int sequence, int index) {
        return (byte) (call * 31 + sequence * 7 + index);
    }
}
