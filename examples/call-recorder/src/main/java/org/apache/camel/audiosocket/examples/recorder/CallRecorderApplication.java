package org.apache.camel.audiosocket.examples.recorder;

import org.apache.camel.main.Main;

/**
 * Runs the call recorder until it is stopped (Ctrl+C). Its options are in {@code application.properties}; system
 * properties ({@code -Daudiosocket.port=9093}) and environment variables ({@code AUDIOSOCKET_PORT=9093}) override them.
 * With {@code -Dsimulate.calls=3} it dials itself with three simulated calls, shows what happened, and stops.
 */
public final class CallRecorderApplication {

    private CallRecorderApplication() {
    }

    public static void main(String... args) throws Exception {
        Main main = newMain();
        main.addMainListener(new SimulatedCalls(main));
        main.run(args);
    }

    /** The application, not yet started: what main() runs, and what the tests start with their own options. */
    static Main newMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new CallRecorderRoutes());
        return main;
    }
}
