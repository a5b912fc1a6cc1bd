package org.apache.camel.audiosocket.examples.recorder;

import org.apache.camel.main.Main;

/**
 * Runs the call recorder until it is stopped (Ctrl+C). Its options are in {@code application.properties}; system
 * properties ({@code -Daudiosocket.port=9093}) and environment variables ({@code AUDIOSOCKET_PORT=9093}) override them.
 * With {@code -Dsimulate.calls=3} it dials itself with three simulated calls, shows what happened, and stops: with exit
 * code 1 when the simulator's result was not OK.
 */
public final class CallRecorderApplication {

    private CallRecorderApplication() {
    }

    public static void main(String... args) throws Exception {
        Main main = newMain();
        SimulatedCalls demo = new SimulatedCalls(main);
        main.addMainListener(demo);
        main.run(args);
        if (demo.failed()) {
            System.exit(1);
        }
    }

    /** The application, not yet started: what main() runs, and what the tests start with their own options. */
    static Main newMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new CallRecorderRoutes());
        return main;
    }
}
