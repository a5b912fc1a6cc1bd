package org.apache.camel.audiosocket.examples.voicebot;

import org.apache.camel.audiosocket.examples.simulator.CallSimulator;
import org.apache.camel.audiosocket.examples.simulator.SimulatorOptions;
import org.apache.camel.main.Main;

/**
 * The voice bot with no PBX and no speech service: a stand-in service that answers each utterance with the utterance
 * itself (a parrot), the bot on port 9092, and the call simulator dialling {@code -Dsimulate.calls} calls (default
 * 5), each saying a tone and pressing # halfway, then hearing its first half repeated.
 */
public final class VoiceBotDemo {

    private VoiceBotDemo() {
    }

    public static void main(String[] args) throws Exception {
        String calls = System.getProperty("simulate.calls", "5");
        String duration = System.getProperty("simulate.duration", "6s");
        boolean ok;
        try (SpeechServiceStandIn speech = new SpeechServiceStandIn().parrot()) {
            Main bot = VoiceBotApplication.newMain();
            bot.addOverrideProperty("bot.host", "127.0.0.1");
            bot.addOverrideProperty("speech.url", speech.url());
            bot.start();
            try {
                System.out.println("Speech service stand-in at " + speech.url() + " (a parrot); the bot on port 9092");
                CallSimulator.Summary summary = new CallSimulator(SimulatorOptions.parse("--port", "9092", "--calls",
                        calls, "--ramp", "1s", "--duration", duration, "--dtmf", "#", "--progress", "2s"), System.out)
                        .run();
                ok = summary.success() && summary.framesReceived() > 0;
                System.out.printf("The speech service got %d utterance(s); the calls heard %d frames of answers%n",
                        speech.requests().size(), summary.framesReceived());
            } finally {
                bot.stop();
            }
        }
        System.exit(ok ? 0 : 1);
    }
}
