package org.apache.camel.component.audiosocket.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.WireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that {@link AudioSocketFrameEncoder} writes every frame as its exact wire bytes, header and payload together
 * in a single buffer (one write per message), releases the audio it was given, and that the decoder reads back
 * exactly what the encoder wrote, for every kind and rate.
 */
class AudioSocketFrameEncoderTest {

    static final UUID CALL = UUID.fromString("bf33d011-3a6d-4324-872d-706a81302635");

    /** Encodes one frame and returns the single buffer it became; fails if it became anything but one buffer. */
    static byte[] encode(AudioSocketFrame frame) {
        String what = frame.kind() + " frame of " + frame.payloadLength() + " bytes"; // before the encoder releases it
        EmbeddedChannel ch = new EmbeddedChannel(new AudioSocketFrameEncoder());
        ch.writeOutbound(frame);
        assertEquals(1, ch.outboundMessages().size(), "one write for a " + what);
        ByteBuf out = ch.readOutbound();
        try {
            assertFalse(out instanceof CompositeByteBuf, "header and payload in one contiguous buffer");
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
            assertFalse(ch.finish());
        }
    }

    static AudioFrame audioFrame(AudioSocketKind kind, byte[] pcm) {
        return new AudioFrame(kind, Unpooled.wrappedBuffer(pcm));
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void uuidInRfc4122ByteOrder() {
        assertArrayEquals(hex("01 0010 bf33d011 3a6d 4324 872d 706a81302635"), encode(new UuidFrame(CALL)));
    }

    @ParameterizedTest(name = "DTMF ''{0}''")
    @ValueSource(chars = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', 'A', 'B', 'C', 'D' })
    void dtmfDigitAsOneAsciiByte(char digit) {
        assertArrayEquals(new byte[] { 0x03, 0x00, 0x01, (byte) digit }, encode(new DtmfFrame(digit)));
    }

    @Test
    void hangupIsThreeZeroBytes() {
        assertArrayEquals(new byte[] { 0x00, 0x00, 0x00 }, encode(HangupFrame.INSTANCE));
    }

    @Test
    void errorWithACode() {
        assertArrayEquals(hex("ff 0001 01"), encode(ErrorFrame.ofCode(ErrorFrame.CODE_CALLER_HANGUP)));
        assertArrayEquals(hex("ff 0001 fe"), encode(ErrorFrame.ofCode(0xfe)));
    }

    @Test
    void errorWithoutACode() {
        assertArrayEquals(hex("ff 0000"), encode(new ErrorFrame(new byte[0])));
    }

    @Test
    void legacyFrameWithItsPayload() {
        assertArrayEquals(hex("02 0000"), encode(new LegacyFrame(new byte[0])));
        assertArrayEquals(hex("02 0006 350001000000"), encode(new LegacyFrame(hex("350001000000"))));
    }

    @ParameterizedTest(name = "{2} is kind 0x{0}")
    @CsvSource({
            "10, 320, SLIN_8000", "11, 480, SLIN_12000", "12, 640, SLIN_16000", "13, 960, SLIN_24000",
            "14, 1280, SLIN_32000", "15, 1764, SLIN_44100", "16, 1920, SLIN_48000", "17, 3840, SLIN_96000",
            "18, 7680, SLIN_192000" })
    void audioOfEveryRateWithItsKindAndExactPayload(String hexKind, int length, AudioSocketKind kind) {
        int code = Integer.parseInt(hexKind, 16);
        byte[] pcm = Frames.pattern(code, length);
        assertArrayEquals(Frames.frame(code, pcm), encode(audioFrame(kind, pcm)));
    }

    @Test
    void theLargestAudioPayloadStillLeavesInOneBuffer() {
        byte[] pcm = Frames.pattern(5, 0xffff);
        byte[] wire = encode(audioFrame(AudioSocketKind.SLIN_192000, pcm));
        assertEquals(3 + 0xffff, wire.length);
        assertArrayEquals(Frames.frame(0x18, pcm), wire);
    }

    @Test
    void onlyTheReadablePartOfAnAudioBufferIsSent() {
        byte[] bytes = Frames.pattern(6, 400);
        ByteBuf payload = Unpooled.wrappedBuffer(bytes).readerIndex(40).writerIndex(360);
        byte[] wire = encode(new AudioFrame(AudioSocketKind.SLIN_8000, payload));
        assertArrayEquals(Frames.frame(0x10, Arrays.copyOfRange(bytes, 40, 360)), wire);
    }

    @Test
    void severalFramesGiveOneBufferEachInOrder() {
        byte[] pcm = Frames.pattern(7, 640);
        List<AudioSocketFrame> frames = List.of(audioFrame(AudioSocketKind.SLIN_16000, pcm), new DtmfFrame('9'),
                audioFrame(AudioSocketKind.SLIN_16000, pcm), HangupFrame.INSTANCE);
        List<byte[]> expected = List.of(Frames.frame(0x12, pcm), hex("03 0001 39"), Frames.frame(0x12, pcm),
                hex("00 0000"));

        EmbeddedChannel ch = new EmbeddedChannel(AudioSocketFrameEncoder.INSTANCE);
        ch.writeOutbound(frames.toArray());
        assertEquals(expected.size(), ch.outboundMessages().size(), "one buffer per message");
        for (byte[] message : expected) {
            ByteBuf out = ch.readOutbound();
            assertArrayEquals(message, ByteBufUtil.getBytes(out));
            out.release();
        }
        assertNull(ch.readOutbound());
    }

    @Test
    void theEncoderReleasesTheAudioPayload() {
        AudioFrame frame = audioFrame(AudioSocketKind.SLIN_8000, Frames.pattern(8, 320));
        encode(frame);
        assertEquals(0, frame.refCnt());
    }

    @Test
    void theEncoderReleasesOnlyTheReferenceItWasGiven() {
        AudioFrame frame = audioFrame(AudioSocketKind.SLIN_8000, Frames.pattern(8, 320));
        frame.retain();
        encode(frame);
        assertEquals(1, frame.refCnt(), "the caller's own reference is left alone");
        frame.release();
    }

    @Test
    void writeFrameAppendsTheSameBytesToAGivenBuffer() {
        byte[] pcm = Frames.pattern(10, 960);
        ByteBuf out = Unpooled.buffer();
        out.writeByte(0x7e);
        AudioSocketFrameEncoder.writeFrame(new UuidFrame(CALL), out);
        AudioFrame audio = audioFrame(AudioSocketKind.SLIN_24000, pcm);
        AudioSocketFrameEncoder.writeFrame(audio, out);
        assertArrayEquals(Frames.concat(new byte[] { 0x7e }, hex("01 0010 bf33d0113a6d4324872d706a81302635"),
                Frames.frame(0x13, pcm)), ByteBufUtil.getBytes(out));
        assertEquals(1, audio.refCnt(), "writeFrame leaves the frame to its owner");
        audio.release();
        out.release();
    }

    @Test
    void aFrameTheEncoderReleasedCanStillBeDescribed() {
        AudioFrame frame = audioFrame(AudioSocketKind.SLIN_8000, Frames.pattern(17, 320));
        encode(frame);
        assertEquals(0, frame.refCnt());
        String description = assertDoesNotThrow(frame::toString);
        assertTrue(description.contains("SLIN_8000"), description);
    }

    @Test
    void audioFramesOfDifferentKindsAreNotEqual() {
        byte[] pcm = Frames.pattern(18, 640);
        AudioFrame at8k = audioFrame(AudioSocketKind.SLIN_8000, pcm);
        AudioFrame at16k = audioFrame(AudioSocketKind.SLIN_16000, pcm);
        AudioFrame alsoAt8k = audioFrame(AudioSocketKind.SLIN_8000, pcm);
        try {
            assertNotEquals(at8k, at16k);
            assertEquals(alsoAt8k, at8k, "same kind, same bytes");
        } finally {
            at8k.release();
            at16k.release();
            alsoAt8k.release();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    static Stream<Arguments> everyFrame() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of(new UuidFrame(CALL)));
        for (char digit : "0123456789*#ABCD".toCharArray()) {
            all.add(Arguments.of(new DtmfFrame(digit)));
        }
        for (AudioSocketKind kind : AudioSocketKind.values()) {
            if (kind.isAudio()) {
                all.add(Arguments.of(audioFrame(kind, Frames.pattern(kind.code(), kind.bytesPer20Millis()))));
            }
        }
        all.add(Arguments.of(HangupFrame.INSTANCE));
        all.add(Arguments.of(ErrorFrame.ofCode(ErrorFrame.CODE_FRAME_FORWARDING)));
        all.add(Arguments.of(new ErrorFrame(new byte[0])));
        all.add(Arguments.of(new LegacyFrame(new byte[0])));
        all.add(Arguments.of(new LegacyFrame(hex("230101000000"))));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFrame")
    void decodeOfEncodeGivesTheSameFrame(AudioSocketFrame frame) {
        byte[] expectedPayload = frame instanceof AudioFrame audio ? ByteBufUtil.getBytes(audio.content()) : null;
        byte[] wire = encode(frame);
        EmbeddedChannel decoder = new EmbeddedChannel(new AudioSocketFrameDecoder(0xffff, true));
        if (!(frame instanceof UuidFrame)) {
            decoder.writeInbound(Unpooled.wrappedBuffer(Frames.uuid(CALL)));
            assertEquals(new UuidFrame(CALL), decoder.readInbound());
        }
        decoder.writeInbound(Unpooled.wrappedBuffer(wire));
        Object decoded = decoder.readInbound();
        assertNull(decoder.readInbound(), "exactly one frame");
        assertFalse(decoder.finish());

        if (frame instanceof AudioFrame audio) {
            AudioFrame back = assertInstanceOf(AudioFrame.class, decoded);
            assertSame(audio.kind(), back.kind());
            assertEquals(new WireMessage(audio.kind().code(), expectedPayload), WireMessage.of(back));
        } else {
            assertEquals(frame, decoded);
            assertSame(frame.kind(), ((AudioSocketFrame) decoded).kind());
        }
    }

    @Test
    void theAudioMessageThePacerWritesIsTheWireFormOfItsSliceAndPassesTheEncoderAsItIs() {
        byte[] pcm = Frames.pattern(7, 960);
        ByteBuf message = AudioSocketFrameEncoder.audioMessage(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT,
                AudioSocketKind.SLIN_16000, pcm, 320, 640);
        byte[] expected = new byte[3 + 640];
        expected[0] = 0x12;
        expected[1] = 0x02;
        expected[2] = (byte) 0x80;
        System.arraycopy(pcm, 320, expected, 3, 640);
        EmbeddedChannel channel = new EmbeddedChannel(AudioSocketFrameEncoder.INSTANCE);
        channel.writeOutbound(message);
        ByteBuf written = channel.readOutbound();
        assertSame(message, written, "one buffer, written as it is");
        assertArrayEquals(expected, ByteBufUtil.getBytes(written));
        assertEquals(AudioSocketKind.SLIN_16000, AudioSocketKind.fromCode(expected[0]));
        written.release();
        assertFalse(channel.finish());
    }
}
