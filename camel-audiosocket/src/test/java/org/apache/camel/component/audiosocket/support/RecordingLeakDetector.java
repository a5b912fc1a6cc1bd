package org.apache.camel.component.audiosocket.support;

import java.util.ArrayList;
import java.util.List;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's leak detector, recording every leak it reports so that {@link LeakCheckExtension} can fail the test class
 * that caused it. Installed for every test run through the system property {@code io.netty.customResourceLeakDetector}
 * (see the Surefire configuration), with detection at PARANOID level.
 */
public class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    private static final List<String> LEAKS = new ArrayList<>();

    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    /** The form Netty also looks up (it logs an error when it is missing). */
    @SuppressWarnings("deprecation")
    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        super(resourceType, samplingInterval, maxActive);
    }

    /** The leaks reported since the last call, removed. */
    public static synchronized List<String> takeLeaks() {
        List<String> leaks = new ArrayList<>(LEAKS);
        LEAKS.clear();
        return leaks;
    }

    /** True when this detector is the one Netty uses (the tests run with the system property set). */
    public static boolean installed() {
        return RecordingLeakDetector.class.getName().equals(System.getProperty("io.netty.customResourceLeakDetector"));
    }

    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        record("LEAK: " + resourceType + " released too late or never" + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        record("LEAK: " + resourceType + " released too late or never");
        super.reportUntracedLeak(resourceType);
    }

    private static synchronized void record(String leak) {
        LEAKS.add(leak);
    }
}
