package org.apache.camel.audiosocket.examples.voicebot;

import org.apache.camel.main.Main;

/**
 * Runs the voice bot until stopped. The options are in {@code application.properties}; system properties
 * ({@code -Dspeech.url=http://asr:8080/speech}) and environment variables ({@code SPEECH_URL=...}) override them.
 */
public final class VoiceBotApplication {

    private VoiceBotApplication() {
    }

    public static void main(String... args) throws Exception {
        newMain().run(args);
    }

    static Main newMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new VoiceBotRoutes());
        return main;
    }
}
