package org.apache.camel.audiosocket.examples.simulator;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;

/** Gaps between audio frames, in 10 µs buckets up to 1 s: percentiles without keeping every sample. */
final class GapHistogram {

    private static final long BUCKET_NANOS = 10_000;
    private static final int BUCKETS = 100_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    void record(long gapNanos) {
        int bucket = (int) Math.min(BUCKETS, gapNanos / BUCKET_NANOS);
        counts.incrementAndGet(bucket);
        max.accumulate(gapNanos);
    }

    long count() {
        long n = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The gap below which {@code percent} of the gaps fall, in milliseconds (bucket midpoint). */
    double percentileMillis(double percent) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * percent / 100.0);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return (i * BUCKET_NANOS + BUCKET_NANOS / 2) / 1e6;
            }
        }
        return maxMillis();
    }

    double maxMillis() {
        return max.get() / 1e6;
    }
}
