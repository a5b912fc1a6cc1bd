package org.apache.camel.component.audiosocket.support;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fails a test class whose run left a Netty buffer unreleased. Registered for every test class (junit-platform
 * properties and the service file); leaks are found when the collector has reclaimed the leaked buffer and Netty next
 * allocates, which this extension provokes after each class.
 */
public class LeakCheckExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (!RecordingLeakDetector.installed()) {
            return;
        }
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 64; i++) {
                ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(16);
                probe.release();
            }
        }
        List<String> leaks = RecordingLeakDetector.takeLeaks();
        if (!leaks.isEmpty()) {
            fail(leaks.size() + " Netty buffer leak(s) in " + context.getDisplayName() + ":\n" + String.join("\n", leaks));
        }
    }
}
