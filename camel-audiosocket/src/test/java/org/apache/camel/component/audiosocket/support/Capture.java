package org.apache.camel.component.audiosocket.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * A genuine Asterisk capture from {@code src/test/resources/captures} (copied from the project's shared captures),
 * with the figures its README and sidecars give.
 */
public final class Capture {

    /** One message as the sidecar lists it. */
    public record Message(int kind, int length, int offset) {
    }

    public static final List<String> NAMES = List.of(
            "app-slin8-dtmf-12star-hash", "app-slin8-server-hangup-0x00", "chan-slin16-dtmf-12star-hash",
            "chan-slin24", "chan-slin48-dtmf-5", "chan-ulaw-as-kind10");

    private final String name;
    private final byte[] bytes;
    private final List<Message> messages;
    private final JsonObject summary;

    private Capture(String name) {
        this.name = name;
        this.bytes = resource("/captures/" + name + ".raw");
        this.messages = new ArrayList<>();
        String csv = new String(resource("/captures/expected/" + name + ".frames.csv"), StandardCharsets.US_ASCII);
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("kind")) {
                continue;
            }
            String[] f = line.trim().split(",");
            messages.add(new Message(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])));
        }
        try {
            this.summary = (JsonObject) Jsoner.deserialize(
                    new String(resource("/captures/expected/" + name + ".summary.json"), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read summary of " + name, e);
        }
    }

    public static Capture load(String name) {
        return new Capture(name);
    }

    public String name() {
        return name;
    }

    /** The exact bytes Asterisk sent (a fresh copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Every message, in order, from the sidecar. */
    public List<Message> messages() {
        return messages;
    }

    public String uuid() {
        return summary.getString("uuid");
    }

    public String dtmf() {
        return summary.getString("dtmf");
    }

    public List<Integer> dtmfOffsets() {
        List<Integer> offsets = new ArrayList<>();
        for (Object o : summary.getCollection("dtmf_offsets")) {
            offsets.add(((Number) o).intValue());
        }
        return offsets;
    }

    public int messageCount() {
        return summary.getInteger("messages");
    }

    public int audioMessages() {
        return summary.getInteger("audio_messages");
    }

    public int audioPayloadBytes() {
        return summary.getInteger("audio_payload_bytes");
    }

    public double audioSeconds() {
        return ((Number) summary.get("audio_seconds")).doubleValue();
    }

    public String sha256() {
        return summary.getString("sha256");
    }

    public int sizeBytes() {
        return summary.getInteger("size_bytes");
    }

    public String codec() {
        return summary.getString("codec");
    }

    /** Per kind ("0x10"), how many messages and payload bytes. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> kinds() {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) summary.getMap("kinds");
    }

    /** The audio kind of this capture (16 for 0x10 ...). */
    public int audioKind() {
        return messages.stream().filter(m -> m.kind() >= 0x10 && m.kind() <= 0x18).findFirst().orElseThrow().kind();
    }

    /** All audio payloads concatenated, in order. */
    public byte[] audio() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Message m : messages) {
            if (m.kind() >= 0x10 && m.kind() <= 0x18) {
                out.write(bytes, m.offset() + 3, m.length());
            }
        }
        return out.toByteArray();
    }

    private static byte[] resource(String path) {
        try (InputStream in = Capture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
