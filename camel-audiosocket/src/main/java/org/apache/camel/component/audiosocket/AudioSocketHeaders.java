package org.apache.camel.component.audiosocket;

import java.util.Locale;

import org.apache.camel.Message;
import org.apache.camel.component.audiosocket.audio.AudioCodec;

/**
 * Reads the enum-valued headers. Done here rather than with {@code getHeader(name, Enum.class)}, whose conversion
 * searches Camel's converter registry on every call: too slow for a header read on every 20 ms of audio.
 */
final class AudioSocketHeaders {

    private AudioSocketHeaders() {
    }

    /** The CamelAudioSocketCodec header; SLIN when absent. */
    static AudioCodec codec(Message message) {
        return parse(message, AudioSocketConstants.CODEC, AudioCodec.class, AudioCodec.SLIN);
    }

    /** The CamelAudioSocketCommand header; PLAY when absent. */
    static AudioSocketCommand command(Message message) {
        return parse(message, AudioSocketConstants.COMMAND, AudioSocketCommand.class, AudioSocketCommand.PLAY);
    }

    private static <E extends Enum<E>> E parse(Message message, String header, Class<E> type, E absent) {
        Object value = message.getHeader(header);
        if (value == null) {
            return absent;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        String name = value.toString().trim().toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Header " + header + " is '" + value + "'; use one of "
                                               + java.util.Arrays.toString(type.getEnumConstants()),
                    e);
        }
    }
}
