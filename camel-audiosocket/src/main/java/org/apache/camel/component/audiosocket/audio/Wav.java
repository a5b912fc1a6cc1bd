package org.apache.camel.component.audiosocket.audio;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads and writes the WAV (RIFF) container for mono audio: 16-bit PCM, and G.711 µ-law/A-law on reading.
 */
public final class Wav {

    /** Bytes of the canonical header written in front of PCM data. */
    public static final int HEADER_LENGTH = 44;

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_ULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xfffe;

    private Wav() {
    }

    /** The 44-byte header of a mono 16-bit PCM WAV file with {@code dataLength} bytes of samples. */
    public static byte[] header(int sampleRate, long dataLength) {
        if (dataLength < 0 || dataLength > 0xffffffffL - 36) {
            throw new IllegalArgumentException("WAV data length out of range: " + dataLength);
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) (36 + dataLength)).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.put(ascii("data")).putInt((int) dataLength);
        return b.array();
    }

    /** A complete WAV file holding the given mono 16-bit PCM. */
    public static byte[] wrap(byte[] pcm, int sampleRate) {
        byte[] wav = new byte[HEADER_LENGTH + pcm.length];
        System.arraycopy(header(sampleRate, pcm.length), 0, wav, 0, HEADER_LENGTH);
        System.arraycopy(pcm, 0, wav, HEADER_LENGTH, pcm.length);
        return wav;
    }

    /** True when the bytes begin like a WAV file ({@code RIFF....WAVE}). */
    public static boolean isWav(byte[] bytes) {
        return bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
               && bytes[8] == 'W' && bytes[9] == 'A' && bytes[10] == 'V' && bytes[11] == 'E';
    }

    /**
     * The audio of a mono WAV file as 16-bit PCM: 16-bit PCM as it is, µ-law and A-law decoded.
     *
     * @throws IllegalArgumentException when the file is not such a WAV file, saying why
     */
    public static PcmAudio read(byte[] wav) {
        if (!isWav(wav)) {
            throw new IllegalArgumentException("Not a WAV file: it does not start with RIFF....WAVE");
        }
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        b.position(12);
        int format = -1;
        int channels = 0;
        int sampleRate = 0;
        int bitsPerSample = 0;
        while (b.remaining() >= 8) {
            String id = new String(wav, b.position(), 4, StandardCharsets.US_ASCII);
            b.position(b.position() + 4);
            long size = b.getInt() & 0xffffffffL;
            int start = b.position();
            if (id.equals("fmt ")) {
                if (size < 16 || size > b.remaining()) {
                    throw new IllegalArgumentException("WAV fmt chunk of " + size + " bytes is malformed");
                }
                format = b.getShort() & 0xffff;
                channels = b.getShort() & 0xffff;
                sampleRate = b.getInt();
                b.getInt(); // byte rate
                b.getShort(); // block align
                bitsPerSample = b.getShort() & 0xffff;
                if (format == FORMAT_EXTENSIBLE && size >= 26) {
                    b.position(start + 24);
                    format = b.getShort() & 0xffff; // the sub-format GUID starts with the format code
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new IllegalArgumentException("WAV data chunk comes before any fmt chunk");
                }
                // files written while streaming often leave the size at 0 or 0xffffffff: take what is there
                int length = (int) Math.min(size == 0 ? Long.MAX_VALUE : size, b.remaining());
                byte[] data = new byte[length];
                b.get(data);
                return new PcmAudio(decode(format, channels, bitsPerSample, data), sampleRate);
            }
            long next = start + size + (size & 1); // chunks are padded to even length
            if (next > wav.length) {
                break;
            }
            b.position((int) next);
        }
        throw new IllegalArgumentException("WAV file has no data chunk");
    }

    /**
     * Rewrites the sizes in the header of a WAV file that was written with {@link #header(int, long)} and then grew
     * by appending samples, so that every player reads its full length.
     *
     * @return the bytes of audio data in the file
     * @throws IOException when the file is shorter than a header, or too long for WAV's 32-bit sizes (4 GiB)
     */
    public static long finish(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            if (length < HEADER_LENGTH) {
                throw new IOException(file + " is shorter than a WAV header");
            }
            long data = length - HEADER_LENGTH;
            if (data > 0xffffffffL - 36) {
                throw new IOException(file + " holds " + data + " bytes of audio, more than a WAV file can describe");
            }
            raf.seek(4);
            raf.writeInt(Integer.reverseBytes((int) (36 + data)));
            raf.seek(40);
            raf.writeInt(Integer.reverseBytes((int) data));
            return data;
        }
    }

    private static byte[] decode(int format, int channels, int bitsPerSample, byte[] data) {
        if (channels != 1) {
            throw new IllegalArgumentException("WAV file has " + channels + " channels; only mono can be played");
        }
        if (format == FORMAT_PCM && bitsPerSample == 16) {
            return data.length % 2 == 0 ? data : java.util.Arrays.copyOf(data, data.length - 1);
        }
        if (format == FORMAT_ULAW && bitsPerSample == 8) {
            return G711.ulawToPcm(data);
        }
        if (format == FORMAT_ALAW && bitsPerSample == 8) {
            return G711.alawToPcm(data);
        }
        throw new IllegalArgumentException("WAV format " + format + " with " + bitsPerSample
                                           + "-bit samples is not supported; use 16-bit PCM, µ-law or A-law");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
