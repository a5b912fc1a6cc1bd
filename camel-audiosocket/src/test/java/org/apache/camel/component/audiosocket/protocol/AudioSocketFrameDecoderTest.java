package org.apache.camel.component.audiosocket.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.apache.camel.component.audiosocket.support.Capture;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.TrackingAllocator;
import org.apache.camel.component.audiosocket.support.WireMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.FIRST_FRAME_NOT_UUID;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.FRAME_TOO_LARGE;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.INVALID_AUDIO_LENGTH;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.INVALID_DTMF;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.INVALID_UUID_LENGTH;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.TRUNCATED_FRAME;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.UNEXPECTED_UUID;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.UNKNOWN_KIND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proves that {@link AudioSocketFrameDecoder} turns bytes into exactly the frames the protocol defines (hand-built
 * messages and genuine Asterisk captures), whatever way TCP splits the stream, hands audio on without copying or
 * leaking it, and rejects every malformed input with the right {@link AudioSocketProtocolError}.
 */
class AudioSocketFrameDecoderTest {

    static final int MAX = 0xffff;
    static final UUID CALL = UUID.fromString("bf33d011-3a6d-4324-872d-706a81302635");
    /** The UUID message exactly as Asterisk sends it for {@link #CALL}: RFC 4122 byte order, written out by hand. */
    static final byte[] UUID_MESSAGE = HexFormat.of().parseHex("010010" + "bf33d0113a6d4324872d706a81302635");

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    static EmbeddedChannel decoder(int maxPayload) {
        return new EmbeddedChannel(new AudioSocketFrameDecoder(maxPayload, true));
    }

    /** Writes each chunk as one read, ends the stream, and returns every inbound message in order. */
    static List<Object> decode(byte[]... chunks) {
        EmbeddedChannel ch = decoder(MAX);
        for (byte[] chunk : chunks) {
            ch.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        ch.finish();
        return drain(ch);
    }

    /** Feeds {@code bytes} cut at the given ascending positions, ends the stream, and returns the wire messages. */
    static List<WireMessage> decodeCutAt(byte[] bytes, int... cuts) {
        EmbeddedChannel ch = decoder(MAX);
        int from = 0;
        for (int cut : cuts) {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes, from, cut - from));
            from = cut;
        }
        ch.writeInbound(Unpooled.wrappedBuffer(bytes, from, bytes.length - from));
        ch.finish();
        return WireMessage.ofAll(drain(ch));
    }

    /** The bytes as separate reads, cut where {@link AnyChunking#randomCuts} puts them for the seed. */
    static List<ByteBuf> copiedInRandomChunks(byte[] bytes, long seed) {
        List<ByteBuf> inputs = new ArrayList<>();
        int from = 0;
        for (int cut : AnyChunking.randomCuts(bytes.length, seed)) {
            inputs.add(Unpooled.copiedBuffer(bytes, from, cut - from));
            from = cut;
        }
        inputs.add(Unpooled.copiedBuffer(bytes, from, bytes.length - from));
        return inputs;
    }

    static List<Object> drain(EmbeddedChannel ch) {
        List<Object> out = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null;) {
            out.add(o);
        }
        return out;
    }

    static byte[] audio(int kind, int length) {
        return Frames.frame(kind, Frames.pattern(kind * 7919 + length, length));
    }

    static byte[] message(int kind, byte... payload) {
        return Frames.frame(kind, payload);
    }

    static byte[] header(int kind, int length) {
        return new byte[] { (byte) kind, (byte) (length >> 8), (byte) length };
    }

    /** Fails at the first difference, naming it, instead of printing two lists of hundreds of messages. */
    static void assertSameMessages(List<WireMessage> expected, List<WireMessage> actual, String how) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail(how + ": message " + i + " is " + actual.get(i) + ", expected " + expected.get(i));
            }
        }
        assertEquals(expected.size(), actual.size(), how + ": number of messages");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Every kind, from messages built byte by byte. */
    @Nested
    class EveryKind {

        @Test
        void uuidIsReadInRfc4122ByteOrder() {
            List<Object> out = decode(UUID_MESSAGE);
            assertEquals(1, out.size());
            UuidFrame frame = assertInstanceOf(UuidFrame.class, out.get(0));
            assertEquals("bf33d011-3a6d-4324-872d-706a81302635", frame.uuid().toString());
            assertEquals(0xbf33d0113a6d4324L, frame.uuid().getMostSignificantBits());
            assertEquals(0x872d706a81302635L, frame.uuid().getLeastSignificantBits());
        }

        @ParameterizedTest(name = "DTMF ''{0}''")
        @ValueSource(chars = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', 'A', 'B', 'C', 'D' })
        void everyDtmfDigitDecodes(char digit) {
            List<Object> out = decode(UUID_MESSAGE, message(0x03, (byte) digit));
            assertEquals(List.of(new UuidFrame(CALL), new DtmfFrame(digit)), out);
        }

        @ParameterizedTest(name = "DTMF byte 0x{0}")
        @ValueSource(ints = { 0x78, 0x61, 0x00, 0xb1, 0x45 }) // 'x', 'a' (lower case), NUL, high bit set, 'E'
        void aDtmfByteThatIsNoDigitIsHandedOnAsAnInvalidMessageAndDecodingGoesOn(int value) {
            List<Object> out = decode(UUID_MESSAGE, message(0x03, (byte) value), message(0x03, (byte) '7'));
            assertEquals(List.of(new UuidFrame(CALL),
                    new InvalidMessage(INVALID_DTMF, String.format("byte 0x%02x is not a DTMF digit", value)),
                    new DtmfFrame('7')), out);
        }

        @Test
        void dtmfDigitsKeepTheirOrder() {
            String digits = "0123456789*#ABCD";
            List<byte[]> chunks = new ArrayList<>(List.of(UUID_MESSAGE));
            for (char c : digits.toCharArray()) {
                chunks.add(message(0x03, (byte) c));
            }
            List<Object> out = decode(Frames.concat(chunks.toArray(byte[][]::new)));
            StringBuilder seen = new StringBuilder();
            for (Object o : out.subList(1, out.size())) {
                seen.append(assertInstanceOf(DtmfFrame.class, o).digit());
            }
            assertEquals(digits, seen.toString());
        }

        @ParameterizedTest(name = "kind 0x{0} is {2} at {1} Hz")
        @CsvSource({
                "10, 8000, SLIN_8000, 320", "11, 12000, SLIN_12000, 480", "12, 16000, SLIN_16000, 640",
                "13, 24000, SLIN_24000, 960", "14, 32000, SLIN_32000, 1280", "15, 44100, SLIN_44100, 1764",
                "16, 48000, SLIN_48000, 1920", "17, 96000, SLIN_96000, 3840", "18, 192000, SLIN_192000, 7680" })
        void audioOfEveryRateDecodesWithItsExactBytes(String hexKind, int rate, AudioSocketKind expected, int length) {
            int kind = Integer.parseInt(hexKind, 16);
            byte[] pcm = Frames.pattern(kind, length);
            List<Object> out = decode(UUID_MESSAGE, Frames.frame(kind, pcm));
            assertEquals(2, out.size());
            AudioFrame frame = assertInstanceOf(AudioFrame.class, out.get(1));
            try {
                assertSame(expected, frame.kind());
                assertEquals(kind, frame.kind().code());
                assertEquals(rate, frame.sampleRate());
                assertEquals(length, frame.payloadLength());
                assertArrayEquals(pcm, ByteBufUtil.getBytes(frame.content()));
            } finally {
                frame.release();
            }
        }

        @ParameterizedTest(name = "{0} bytes")
        @ValueSource(ints = { 2, 160, 65534 })
        void audioOfAnyEvenLengthUpToTheLimitDecodes(int length) {
            byte[] pcm = Frames.pattern(length, length);
            List<WireMessage> out = WireMessage.ofAll(decode(UUID_MESSAGE, Frames.frame(0x10, pcm)));
            assertEquals(new WireMessage(0x10, pcm), out.get(1));
        }

        @Test
        void hangupIsThreeZeroBytes() {
            assertEquals(List.of(new UuidFrame(CALL), HangupFrame.INSTANCE), decode(UUID_MESSAGE, new byte[] { 0, 0, 0 }));
        }

        @Test
        void nothingAfterAHangupIsDecoded() {
            // a hangup is the last message of a call: what follows (even a broken message, even a cut one) is not
            // part of it, and is neither delivered nor reported
            List<Object> out = decode(UUID_MESSAGE, new byte[] { 0, 0, 0 }, Frames.frame(0x10, new byte[320]),
                    message(0xff, (byte) 1), message(0x42), new byte[] { 0x10, 0x01 });
            assertEquals(List.of(new UuidFrame(CALL), HangupFrame.INSTANCE), out);
        }

        @Test
        void errorWithACode() {
            List<Object> out = decode(UUID_MESSAGE, HexFormat.of().parseHex("ff000104"));
            ErrorFrame error = assertInstanceOf(ErrorFrame.class, out.get(1));
            assertEquals(ErrorFrame.CODE_MEMORY, error.code());
            assertArrayEquals(new byte[] { 0x04 }, error.payload());
        }

        @Test
        void errorWithoutACode() {
            List<Object> out = decode(UUID_MESSAGE, HexFormat.of().parseHex("ff0000"));
            ErrorFrame error = assertInstanceOf(ErrorFrame.class, out.get(1));
            assertEquals(-1, error.code());
            assertArrayEquals(new byte[0], error.payload());
        }

        @Test
        void errorWithAPeerSpecificMultiByteCode() {
            List<Object> out = decode(UUID_MESSAGE, HexFormat.of().parseHex("ff00039a0007"));
            ErrorFrame error = assertInstanceOf(ErrorFrame.class, out.get(1));
            assertEquals(0x9a, error.code());
            assertArrayEquals(new byte[] { (byte) 0x9a, 0x00, 0x07 }, error.payload());
        }

        @Test
        void legacyKind02IsToleratedAndTheCallGoesOn() {
            byte[] record = HexFormat.of().parseHex("350001000000");
            byte[] pcm = Frames.pattern(2, 320);
            List<Object> out = decode(UUID_MESSAGE, message(0x02), message(0x02, record), Frames.frame(0x10, pcm),
                    message(0x03, (byte) '5'));
            assertEquals(5, out.size());
            assertEquals(new LegacyFrame(new byte[0]), out.get(1));
            assertEquals(new LegacyFrame(record), out.get(2));
            assertEquals(new WireMessage(0x10, pcm), WireMessage.of(out.get(3)));
            assertEquals(new DtmfFrame('5'), out.get(4));
        }

        @Test
        void everyKindInOneStreamDecodesInOrder() {
            List<byte[]> messages = new ArrayList<>(List.of(UUID_MESSAGE));
            for (int kind = 0x10; kind <= 0x18; kind++) {
                messages.add(audio(kind, 2 * (kind - 0x0f)));
            }
            messages.add(message(0x03, (byte) '#'));
            messages.add(message(0x02, (byte) 1, (byte) 2));
            messages.add(message(0xff, (byte) 1));
            messages.add(message(0xff));
            messages.add(message(0x00));
            List<WireMessage> expected = messages.stream().map(WireMessage::parse).toList();

            assertSameMessages(expected, WireMessage.ofAll(decode(Frames.concat(messages.toArray(byte[][]::new)))),
                    "one read");
        }

        @Test
        void aConnectionClosedBeforeAnyByteIsNotAnError() {
            EmbeddedChannel ch = decoder(MAX);
            assertFalse(ch.finish(), "nothing decoded, nothing reported");
        }

        @Test
        void withoutUuidFirstAudioMayComeFirstButAUuidIsStillRejected() {
            EmbeddedChannel ch = new EmbeddedChannel(new AudioSocketFrameDecoder(MAX, false));
            byte[] pcm = Frames.pattern(3, 320);
            ch.writeInbound(Unpooled.wrappedBuffer(Frames.frame(0x10, pcm)));
            assertEquals(new WireMessage(0x10, pcm), WireMessage.of(ch.readInbound()));
            AudioSocketProtocolException e = assertThrows(AudioSocketProtocolException.class,
                    () -> ch.writeInbound(Unpooled.wrappedBuffer(UUID_MESSAGE)));
            assertEquals(UNEXPECTED_UUID, e.error());
        }

        @ParameterizedTest
        @ValueSource(ints = { 0, -1, 0x10000 })
        void maxPayloadOutsideOneTo65535IsRefused(int maxPayload) {
            assertThrows(IllegalArgumentException.class, () -> new AudioSocketFrameDecoder(maxPayload, true));
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    static Stream<String> captures() {
        return Capture.NAMES.stream();
    }

    /** Each genuine capture, fed whole, gives exactly the figures of its sidecars. */
    @Nested
    class GenuineCaptures {

        @ParameterizedTest
        @MethodSource("org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoderTest#captures")
        void captureDecodesToTheFiguresOfItsSidecars(String name) throws Exception {
            Capture capture = Capture.load(name);
            byte[] bytes = capture.bytes();
            assertEquals(capture.sizeBytes(), bytes.length, "file size");
            assertEquals(capture.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    "the capture is the one the sidecars describe");

            List<Object> frames = decode(bytes);

            // message count, and kind and length of every message in order
            assertEquals(capture.messageCount(), frames.size(), "messages");
            assertEquals(capture.messages().size(), frames.size(), "messages in frames.csv");
            for (int i = 0; i < frames.size(); i++) {
                AudioSocketFrame frame = assertInstanceOf(AudioSocketFrame.class, frames.get(i), "message " + i);
                Capture.Message m = capture.messages().get(i);
                assertEquals(m.kind(), frame.kind().code(), "kind of message " + i);
                assertEquals(m.length(), frame.payloadLength(), "length of message " + i);
            }

            // the UUID first, and no hangup nor error anywhere: Asterisk closes the socket instead
            assertEquals(capture.uuid(), assertInstanceOf(UuidFrame.class, frames.get(0)).uuid().toString());
            assertEquals(1, frames.stream().filter(UuidFrame.class::isInstance).count(), "one UUID");
            assertFalse(frames.stream().anyMatch(f -> f instanceof HangupFrame || f instanceof ErrorFrame),
                    "no 0x00 or 0xff");

            // DTMF digits in order
            StringBuilder digits = new StringBuilder();
            frames.stream().filter(DtmfFrame.class::isInstance).forEach(f -> digits.append(((DtmfFrame) f).digit()));
            assertEquals(capture.dtmf(), digits.toString(), "DTMF digits");

            // every payload byte exactly where the sidecar puts it; this releases the audio frames
            List<WireMessage> decoded = WireMessage.ofAll(frames);
            assertSameMessages(WireMessage.expected(capture), decoded, name);

            // counts and payload bytes per kind
            Map<String, int[]> perKind = new LinkedHashMap<>();
            for (WireMessage m : decoded) {
                int[] countAndBytes = perKind.computeIfAbsent(String.format("0x%02x", m.kind()), k -> new int[2]);
                countAndBytes[0]++;
                countAndBytes[1] += m.length();
            }
            assertEquals(new TreeSet<>(capture.kinds().keySet()), new TreeSet<>(perKind.keySet()), "kinds present");
            for (Map.Entry<String, Map<String, Object>> kind : capture.kinds().entrySet()) {
                int[] actual = perKind.get(kind.getKey());
                assertEquals(((Number) kind.getValue().get("count")).intValue(), actual[0], "count of " + kind.getKey());
                assertEquals(((Number) kind.getValue().get("bytes")).intValue(), actual[1], "bytes of " + kind.getKey());
            }

            // the audio: message count, total bytes, and the very bytes
            List<WireMessage> audio = decoded.stream().filter(m -> m.kind() >= 0x10 && m.kind() <= 0x18).toList();
            assertEquals(capture.audioMessages(), audio.size(), "audio messages");
            assertEquals(capture.audioPayloadBytes(), audio.stream().mapToInt(WireMessage::length).sum(), "audio bytes");
            assertArrayEquals(capture.audio(), Frames.concat(audio.stream().map(WireMessage::payload).toArray(byte[][]::new)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    static final long[] SEEDS = { 1L, 2L, 42L, 1004L, 8000L, 0x5EEDL, 0xC0FFEEL, 20260101L };

    static Stream<Arguments> capturesAndSeeds() {
        return Capture.NAMES.stream().flatMap(name -> Arrays.stream(SEEDS).mapToObj(seed -> Arguments.of(name, seed)));
    }

    /** However TCP cuts a capture, the decoder gives the same frames: kind, length and payload bytes. */
    @Nested
    class AnyChunking {

        @ParameterizedTest
        @MethodSource("org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoderTest#captures")
        void wholeAndOneByteAtATimeGiveTheSameFrames(String name) {
            Capture capture = Capture.load(name);
            byte[] bytes = capture.bytes();
            List<WireMessage> expected = WireMessage.expected(capture);

            assertSameMessages(expected, WireMessage.ofAll(decode(bytes)), name + " whole");

            EmbeddedChannel ch = decoder(MAX);
            List<Object> frames = new ArrayList<>();
            for (int i = 0; i < bytes.length; i++) {
                ch.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
                frames.addAll(drain(ch));
            }
            ch.finish();
            frames.addAll(drain(ch));
            assertSameMessages(expected, WireMessage.ofAll(frames), name + " one byte at a time");
        }

        @ParameterizedTest
        @ValueSource(strings = { "chan-ulaw-as-kind10", "app-slin8-server-hangup-0x00" })
        void splitInTwoAtEveryBoundary(String name) {
            Capture capture = Capture.load(name);
            byte[] bytes = capture.bytes();
            List<WireMessage> expected = WireMessage.expected(capture);
            for (int cut = 1; cut < bytes.length; cut++) {
                assertSameMessages(expected, decodeCutAt(bytes, cut), name + " split at " + cut);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = { "app-slin8-dtmf-12star-hash", "chan-slin16-dtmf-12star-hash", "chan-slin24",
                "chan-slin48-dtmf-5" })
        void splitInTwoNearTheStartAndAroundEveryDtmf(String name) {
            Capture capture = Capture.load(name);
            byte[] bytes = capture.bytes();
            List<WireMessage> expected = WireMessage.expected(capture);
            TreeSet<Integer> cuts = new TreeSet<>();
            for (int cut = 1; cut <= 2000; cut++) {
                cuts.add(cut);
            }
            // from the end of the audio message before a digit to the header of the one after it
            for (int offset : capture.dtmfOffsets()) {
                for (int cut = offset - 8; cut <= offset + 4 + 8; cut++) {
                    cuts.add(cut);
                }
            }
            assertEquals(capture.dtmf().length() * 21 + 2000, cuts.size(), "cut positions tried");
            for (int cut : cuts) {
                assertSameMessages(expected, decodeCutAt(bytes, cut), name + " split at " + cut);
            }
        }

        @ParameterizedTest(name = "{0} seed {1}")
        @MethodSource("org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoderTest#capturesAndSeeds")
        void seededRandomChunkings(String name, long seed) {
            Capture capture = Capture.load(name);
            byte[] bytes = capture.bytes();
            int[] cuts = randomCuts(bytes.length, seed);
            System.out.printf("random chunking of %s: seed %d, %d chunks%n", name, seed, cuts.length + 1);
            assertSameMessages(WireMessage.expected(capture), decodeCutAt(bytes, cuts),
                    name + " in " + (cuts.length + 1) + " random chunks, seed " + seed);
        }

        /** Chunks of 1-3 bytes (split headers), up to a message, and up to several messages, mixed. */
        static int[] randomCuts(int length, long seed) {
            Random random = new Random(seed);
            List<Integer> cuts = new ArrayList<>();
            int at = 0;
            while (true) {
                int bound = switch (random.nextInt(3)) {
                    case 0 -> 3;
                    case 1 -> 700;
                    default -> 9000;
                };
                at += 1 + random.nextInt(bound);
                if (at >= length) {
                    break;
                }
                cuts.add(at);
            }
            return cuts.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Audio is handed on as a slice of the bytes received, and every buffer is released in the end. */
    @Nested
    class NoCopyNoLeak {

        @Test
        void audioPayloadIsASliceOfTheReceivedBufferNotACopy() {
            byte[] bytes = Frames.concat(UUID_MESSAGE, audio(0x10, 320), audio(0x12, 640));
            ByteBuf in = Unpooled.wrappedBuffer(bytes);
            EmbeddedChannel ch = decoder(MAX);
            ch.writeInbound(in);
            assertInstanceOf(UuidFrame.class, ch.readInbound());
            AudioFrame first = ch.readInbound();
            AudioFrame second = ch.readInbound();

            ByteBuf content = first.content();
            assertNotNull(content.unwrap(), "a view of another buffer, not a buffer of its own");
            assertTrue(content.hasArray());
            assertTrue(bytes == content.array(), "not the very array the bytes arrived in");
            assertEquals(19 + 3, content.arrayOffset() + content.readerIndex(), "the payload's place in that array");
            assertEquals(320, content.readableBytes());
            bytes[19 + 3] ^= 0x5a;
            assertEquals(bytes[19 + 3], content.getByte(content.readerIndex()), "a copy would not see a later change");
            assertTrue(bytes == second.content().array(), "second frame is a copy");
            assertEquals(19 + 323 + 3, second.content().arrayOffset() + second.content().readerIndex());

            // the received buffer lives exactly as long as the last frame that refers to it
            assertTrue(in.refCnt() > 0);
            first.release();
            assertTrue(in.refCnt() > 0, "the second frame still refers to it");
            second.release();
            assertEquals(0, in.refCnt(), "released with the last frame");
            assertFalse(ch.finish());
        }

        @ParameterizedTest
        @MethodSource("org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoderTest#captures")
        void everyAudioFrameOfACaptureSharesTheInputAndReleasingThemFreesIt(String name) {
            Capture capture = Capture.load(name);
            byte[] bytes = capture.bytes();
            ByteBuf in = Unpooled.wrappedBuffer(bytes);
            EmbeddedChannel ch = decoder(MAX);
            ch.writeInbound(in);
            List<Object> frames = drain(ch);
            assertEquals(capture.messageCount(), frames.size());
            int audio = 0;
            for (int i = 0; i < frames.size(); i++) {
                if (frames.get(i) instanceof AudioFrame frame) {
                    audio++;
                    assertTrue(bytes == frame.content().array(), "audio message " + i + " is a copy");
                    assertEquals(capture.messages().get(i).offset() + 3,
                            frame.content().arrayOffset() + frame.content().readerIndex(), "place of message " + i);
                    assertTrue(in.refCnt() > 0, "input freed while frame " + i + " still refers to it");
                    frame.release();
                }
            }
            assertEquals(capture.audioMessages(), audio);
            assertEquals(0, in.refCnt(), "input released once every frame is");
            assertFalse(ch.finish());
        }

        @ParameterizedTest(name = "{0} seed {1}")
        @MethodSource("org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoderTest#capturesAndSeeds")
        void chunkedInputLeavesNoBufferBehind(String name, long seed) {
            byte[] bytes = Capture.load(name).bytes();
            TrackingAllocator allocator = new TrackingAllocator();
            EmbeddedChannel ch = decoder(MAX);
            ch.config().setAllocator(allocator);
            List<ByteBuf> inputs = copiedInRandomChunks(bytes, seed);
            inputs.forEach(ch::writeInbound);
            ch.finish();
            WireMessage.ofAll(drain(ch)); // releases the audio frames

            assertTrue(allocator.allocations() > 0, "the decoder had to gather split messages in buffers of its own");
            assertEquals(0, allocator.unreleased(), "buffers of the decoder still referenced");
            assertEquals(0, inputs.stream().filter(b -> b.refCnt() > 0).count(), "input buffers still referenced");
        }

        @Test
        void aTruncatedStreamLeavesNoBufferBehind() {
            ByteBuf in = Unpooled.wrappedBuffer(Frames.concat(UUID_MESSAGE, audio(0x10, 320)), 0, 19 + 3 + 100);
            EmbeddedChannel ch = decoder(MAX);
            ch.writeInbound(in);
            assertTrue(in.refCnt() > 0, "the partial message is kept until more arrives");
            ch.finish();
            drain(ch);
            assertEquals(0, in.refCnt());
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A malformed input: what comes before it (valid), the bad bytes, and the error they must give. */
    record BadInput(String name, int maxPayload, byte[] before, byte[] bad, AudioSocketProtocolError error) {

        int framesBefore() {
            return before.length == 0 ? 0 : WireMessage.ofAll(decode(before)).size();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadInput> badInputs() {
        byte[] none = new byte[0];
        byte[] uuid = UUID_MESSAGE;
        byte[] uuidAndAudio = Frames.concat(UUID_MESSAGE, audio(0x10, 320));
        return Stream.of(
                new BadInput("unknown kind 0x42", MAX, uuidAndAudio, message(0x42, (byte) 1), UNKNOWN_KIND),
                new BadInput("unknown kind 0x04", MAX, uuid, message(0x04), UNKNOWN_KIND),
                new BadInput("unknown kind 0x19", MAX, uuid, audio(0x19, 320), UNKNOWN_KIND),
                new BadInput("HTTP request instead of a UUID", MAX, none,
                        "GET / HTTP/1.1\r\nHost: asterisk\r\n\r\n".getBytes(StandardCharsets.US_ASCII), UNKNOWN_KIND),
                new BadInput("audio first", MAX, none, audio(0x10, 320), FIRST_FRAME_NOT_UUID),
                new BadInput("DTMF first", MAX, none, message(0x03, (byte) '1'), FIRST_FRAME_NOT_UUID),
                new BadInput("hangup first", MAX, none, message(0x00), FIRST_FRAME_NOT_UUID),
                new BadInput("error first", MAX, none, message(0xff, (byte) 1), FIRST_FRAME_NOT_UUID),
                new BadInput("legacy 0x02 first", MAX, none, message(0x02), FIRST_FRAME_NOT_UUID),
                new BadInput("second UUID", MAX, uuidAndAudio, Frames.uuid(UUID.randomUUID()), UNEXPECTED_UUID),
                new BadInput("UUID of 15 bytes", MAX, none, Frames.frame(0x01, new byte[15]), INVALID_UUID_LENGTH),
                new BadInput("UUID of 17 bytes", MAX, none, Frames.frame(0x01, new byte[17]), INVALID_UUID_LENGTH),
                new BadInput("UUID of 0 bytes", MAX, none, message(0x01), INVALID_UUID_LENGTH),
                new BadInput("DTMF of 2 bytes", MAX, uuid, message(0x03, (byte) '1', (byte) '2'), INVALID_DTMF),
                new BadInput("DTMF of 0 bytes", MAX, uuid, message(0x03), INVALID_DTMF),
                new BadInput("audio of 321 bytes", MAX, uuidAndAudio, Frames.frame(0x10, new byte[321]),
                        INVALID_AUDIO_LENGTH),
                new BadInput("audio of 0 bytes", MAX, uuidAndAudio, message(0x10), INVALID_AUDIO_LENGTH),
                new BadInput("48 kHz audio of 1 byte", MAX, uuid, message(0x16, (byte) 1), INVALID_AUDIO_LENGTH),
                new BadInput("header of a 1002-byte audio message over a 1000 limit", 1000, uuidAndAudio,
                        header(0x10, 1002), FRAME_TOO_LARGE),
                new BadInput("header of a 65535-byte error message over a 1000 limit", 1000, uuid,
                        header(0xff, 0xffff), FRAME_TOO_LARGE));
    }

    /** Every malformed input gives the right error, and nothing is decoded after it. */
    @Nested
    class BadInputs {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoderTest#badInputs")
        void isRejectedWithTheRightError(BadInput input) {
            EmbeddedChannel ch = decoder(input.maxPayload());
            if (input.before().length > 0) {
                ch.writeInbound(Unpooled.wrappedBuffer(input.before()));
            }
            assertEquals(input.framesBefore(), WireMessage.ofAll(drain(ch)).size(), "valid frames before the bad input");

            AudioSocketProtocolException e = assertThrows(AudioSocketProtocolException.class,
                    () -> ch.writeInbound(Unpooled.wrappedBuffer(input.bad())));
            assertEquals(input.error(), e.error());
            assertTrue(e.getMessage().startsWith(input.error().name() + ": "), e.getMessage());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoderTest#badInputs")
        void framesBeforeTheErrorInTheSameReadAreStillDelivered(BadInput input) {
            EmbeddedChannel ch = decoder(input.maxPayload());
            AudioSocketProtocolException e = assertThrows(AudioSocketProtocolException.class,
                    () -> ch.writeInbound(Unpooled.wrappedBuffer(Frames.concat(input.before(), input.bad()))));
            assertEquals(input.error(), e.error());
            assertSameMessages(WireMessage.ofAll(decode(input.before())), WireMessage.ofAll(drain(ch)), input.name());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoderTest#badInputs")
        void everythingAfterTheErrorIsDiscarded(BadInput input) {
            EmbeddedChannel ch = decoder(input.maxPayload());
            ByteBuf bad = Unpooled.wrappedBuffer(Frames.concat(input.before(), input.bad()));
            assertThrows(AudioSocketProtocolException.class, () -> ch.writeInbound(bad));
            drain(ch).forEach(WireMessage::of);

            // valid messages, then the start of one more: no frame, no second error, no truncation at the end
            ByteBuf later = Unpooled.wrappedBuffer(Frames.concat(audio(0x10, 320), message(0x03, (byte) '1'),
                    UUID_MESSAGE, audio(0x10, 320), new byte[] { 0x10, 0x01 }));
            assertFalse(ch.writeInbound(later), "a frame decoded after the error");
            assertFalse(ch.finish(), "something reported after the error");
            assertNull(ch.readInbound());
            assertEquals(0, bad.refCnt(), "bytes after the error still held");
            assertEquals(0, later.refCnt(), "bytes after the error still held");
        }

        @Test
        void unknownKindIsNamedInTheMessage() {
            EmbeddedChannel ch = decoder(MAX);
            AudioSocketProtocolException e = assertThrows(AudioSocketProtocolException.class,
                    () -> ch.writeInbound(Unpooled.wrappedBuffer(Frames.concat(UUID_MESSAGE, message(0x42)))));
            assertTrue(e.getMessage().contains("0x42"), e.getMessage());
        }

        @Test
        void theKindIsCheckedFromItsFirstByteAlone() {
            EmbeddedChannel ch = decoder(MAX);
            AudioSocketProtocolException e = assertThrows(AudioSocketProtocolException.class,
                    () -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] { 'G' })));
            assertEquals(UNKNOWN_KIND, e.error());
        }

        @Test
        void frameTooLargeIsRaisedFromTheHeaderBeforeThePayloadArrives() {
            EmbeddedChannel ch = decoder(1000);
            ch.writeInbound(Unpooled.wrappedBuffer(UUID_MESSAGE));
            assertInstanceOf(UuidFrame.class, ch.readInbound());
            // two bytes of the header are not enough to know
            assertFalse(ch.writeInbound(Unpooled.wrappedBuffer(new byte[] { 0x10, 0x03 })));
            AudioSocketProtocolException e = assertThrows(AudioSocketProtocolException.class,
                    () -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] { (byte) 0xea })));
            assertEquals(FRAME_TOO_LARGE, e.error());
            // the payload that arrives afterwards changes nothing
            assertFalse(ch.writeInbound(Unpooled.wrappedBuffer(new byte[1002])));
            assertFalse(ch.finish());
        }

        @Test
        void g711AudioMayHaveAnOddLengthButNotNone() {
            // on a c(ulaw) call a payload is one byte per sample, still labelled 0x10
            EmbeddedChannel ch = new EmbeddedChannel(new AudioSocketFrameDecoder(MAX, true, 1));
            byte[] ulaw = Frames.pattern(10, 161);
            ch.writeInbound(Unpooled.wrappedBuffer(Frames.concat(UUID_MESSAGE, Frames.frame(0x10, ulaw))));
            assertInstanceOf(UuidFrame.class, ch.readInbound());
            assertEquals(new WireMessage(0x10, ulaw), WireMessage.of(ch.readInbound()));
            AudioSocketProtocolException e = assertThrows(AudioSocketProtocolException.class,
                    () -> ch.writeInbound(Unpooled.wrappedBuffer(Frames.frame(0x10, new byte[0]))));
            assertEquals(INVALID_AUDIO_LENGTH, e.error());
        }

        @Test
        void aPayloadOfExactlyTheLimitIsAccepted() {
            EmbeddedChannel ch = decoder(1000);
            byte[] pcm = Frames.pattern(9, 1000);
            ch.writeInbound(Unpooled.wrappedBuffer(Frames.concat(UUID_MESSAGE, Frames.frame(0x10, pcm))));
            assertInstanceOf(UuidFrame.class, ch.readInbound());
            assertEquals(new WireMessage(0x10, pcm), WireMessage.of(ch.readInbound()));
            assertFalse(ch.finish());
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    static Stream<Arguments> truncations() {
        // UUID (19 bytes), audio (3 + 320), DTMF (4), then the stream ends inside the next message
        return Stream.of(
                Arguments.of("1 byte of a header", 1), Arguments.of("2 bytes of a header", 2),
                Arguments.of("a header and no payload", 3), Arguments.of("a header and 1 payload byte", 4),
                Arguments.of("a header and 100 of 320 payload bytes", 103),
                Arguments.of("a header and 319 of 320 payload bytes", 322));
    }

    /** A stream that ends inside a message: the frames before it, then TRUNCATED_FRAME as the last message. */
    @Nested
    class Truncation {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoderTest#truncations")
        void endOfStreamInsideAMessageIsReportedLastAfterTheFramesBeforeIt(String what, int partial) {
            byte[] complete = Frames.concat(UUID_MESSAGE, audio(0x10, 320), message(0x03, (byte) '7'));
            byte[] next = audio(0x10, 320);
            EmbeddedChannel ch = decoder(MAX);
            ch.writeInbound(Unpooled.wrappedBuffer(Frames.concat(complete, Arrays.copyOf(next, partial))));

            assertTrue(ch.finish(), "finish() reports the truncation as a message, it does not throw it");
            List<Object> out = drain(ch);
            assertEquals(4, out.size());
            AudioSocketProtocolException e = assertInstanceOf(AudioSocketProtocolException.class, out.get(3));
            assertEquals(TRUNCATED_FRAME, e.error());
            assertSameMessages(WireMessage.ofAll(decode(complete)), WireMessage.ofAll(out.subList(0, 3)), what);
        }

        @Test
        void truncationInsideTheUuidIsReportedToo() {
            EmbeddedChannel ch = decoder(MAX);
            ch.writeInbound(Unpooled.wrappedBuffer(UUID_MESSAGE, 0, 10));
            assertTrue(ch.finish());
            List<Object> out = drain(ch);
            assertEquals(1, out.size());
            assertEquals(TRUNCATED_FRAME, assertInstanceOf(AudioSocketProtocolException.class, out.get(0)).error());
        }

        @ParameterizedTest
        @ValueSource(strings = { "app-slin8-dtmf-12star-hash", "chan-slin48-dtmf-5" })
        void aCaptureCutShortGivesEveryWholeMessageThenTheTruncation(String name) {
            Capture capture = Capture.load(name);
            byte[] bytes = capture.bytes();
            List<WireMessage> expected = WireMessage.expected(capture);
            List<Integer> ends = new ArrayList<>();
            for (int offset : capture.dtmfOffsets()) {
                ends.addAll(List.of(offset + 1, offset + 2, offset + 3));
            }
            Capture.Message last = capture.messages().get(capture.messages().size() - 1);
            ends.addAll(List.of(last.offset() + 1, last.offset() + 3, bytes.length - 1));

            for (int end : ends) {
                int whole = (int) capture.messages().stream().filter(m -> m.offset() + 3 + m.length() <= end).count();
                EmbeddedChannel ch = decoder(MAX);
                // in two reads, so that the cut is not simply the end of a single buffer
                ch.writeInbound(Unpooled.wrappedBuffer(bytes, 0, end / 2));
                ch.writeInbound(Unpooled.wrappedBuffer(bytes, end / 2, end - end / 2));
                ch.finish();
                List<Object> out = drain(ch);
                assertEquals(whole + 1, out.size(), "cut at " + end);
                assertEquals(TRUNCATED_FRAME,
                        assertInstanceOf(AudioSocketProtocolException.class, out.get(whole), "cut at " + end).error());
                assertSameMessages(expected.subList(0, whole), WireMessage.ofAll(out.subList(0, whole)), "cut at " + end);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** audioAsBuffers(), as the component's pipelines decode: audio messages are the received slices themselves. */
    @Nested
    class AudioAsBuffers {

        @ParameterizedTest(name = "{0} seed {1}")
        @MethodSource("org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoderTest#capturesAndSeeds")
        void aCaptureDecodesToTheSameMessagesWhateverTheSplit(String name, long seed) {
            Capture capture = Capture.load(name);
            byte[] bytes = capture.bytes();
            TrackingAllocator allocator = new TrackingAllocator();
            EmbeddedChannel ch = new EmbeddedChannel(new AudioSocketFrameDecoder(MAX, true).audioAsBuffers());
            ch.config().setAllocator(allocator);
            List<ByteBuf> inputs = copiedInRandomChunks(bytes, seed);
            inputs.forEach(ch::writeInbound);
            ch.finish();
            List<Object> out = drain(ch);

            int audio = 0;
            for (int i = 0; i < out.size(); i++) {
                boolean isAudio = AudioSocketKind.fromCode(capture.messages().get(i).kind()).isAudio();
                assertEquals(isAudio, out.get(i) instanceof ByteBuf, "message " + i + " is a buffer if, and only if, audio");
                audio += isAudio ? 1 : 0;
            }
            assertEquals(capture.audioMessages(), audio);
            assertSameMessages(WireMessage.expected(capture), WireMessage.ofAll(out), name + ", seed " + seed);
            assertEquals(0, allocator.unreleased(), "buffers of the decoder still referenced");
            assertEquals(0, inputs.stream().filter(b -> b.refCnt() > 0).count(), "input buffers still referenced");
        }

        @Test
        void anAudioMessageIsASliceOfTheReceivedBytesReadFromItsPayload() {
            byte[] bytes = Frames.concat(UUID_MESSAGE, audio(0x10, 320), audio(0x18, 3840));
            ByteBuf in = Unpooled.wrappedBuffer(bytes);
            EmbeddedChannel ch = new EmbeddedChannel(new AudioSocketFrameDecoder(MAX, true).audioAsBuffers());
            ch.writeInbound(in);
            assertInstanceOf(UuidFrame.class, ch.readInbound());
            ByteBuf first = ch.readInbound();
            ByteBuf second = ch.readInbound();

            assertEquals(AudioSocketKind.SLIN_8000, AudioSocketFrameDecoder.audioKind(first));
            assertEquals(AudioSocketKind.SLIN_192000, AudioSocketFrameDecoder.audioKind(second));
            assertEquals(3, first.readerIndex(), "the reader is on the payload, after the header");
            assertEquals(320, first.readableBytes());
            assertEquals(3840, second.readableBytes());
            assertArrayEquals(Arrays.copyOfRange(bytes, 19 + 3, 19 + 323), ByteBufUtil.getBytes(first));
            assertArrayEquals(Arrays.copyOfRange(bytes, 19 + 323 + 3, bytes.length), ByteBufUtil.getBytes(second));
            assertTrue(bytes == first.array() && bytes == second.array(), "views of the bytes as received, not copies");

            first.release();
            assertTrue(in.refCnt() > 0, "the second message still refers to the received bytes");
            second.release();
            assertEquals(0, in.refCnt(), "released with the last message");
            assertFalse(ch.finish());
        }

        @ParameterizedTest
        @ValueSource(ints = { 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18 })
        void everyAudioKindTellsItsKind(int kind) {
            EmbeddedChannel ch = new EmbeddedChannel(new AudioSocketFrameDecoder(MAX, false).audioAsBuffers());
            byte[] message = audio(kind, 64);
            ch.writeInbound(Unpooled.wrappedBuffer(Frames.concat(message, message(0x03, (byte) '5'), message)));
            List<Object> out = drain(ch);
            assertEquals(3, out.size());
            assertEquals(kind, AudioSocketFrameDecoder.audioKind((ByteBuf) out.get(0)).code());
            assertEquals('5', assertInstanceOf(DtmfFrame.class, out.get(1)).digit());
            assertEquals(List.of(WireMessage.parse(message), WireMessage.parse(message(0x03, (byte) '5')),
                    WireMessage.parse(message)), WireMessage.ofAll(out));
        }
    }
}
