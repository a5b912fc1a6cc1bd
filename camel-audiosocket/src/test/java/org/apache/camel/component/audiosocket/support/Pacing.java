package org.apache.camel.component.audiosocket.support;

import java.util.Arrays;
import java.util.List;

import org.apache.camel.component.audiosocket.testkit.ReceivedMessage;

/**
 * How closely received frames kept to real time: each frame's arrival compared with its place on the ideal schedule
 * (n x frame duration), anchored where most frames sit (the median offset), so that one late first frame does not
 * make every other frame look early.
 *
 * @param frames                    how many frames were measured
 * @param spanNanos                 first to last arrival
 * @param idealSpanNanos            what the span would be in perfect real time
 * @param minGapNanos               the shortest gap between two arrivals
 * @param maxGapNanos               the longest gap between two arrivals
 * @param meanAbsDeviationNanos     mean distance from the schedule
 * @param p95AbsDeviationNanos      95th percentile of the distance from the schedule
 * @param p99AbsDeviationNanos      99th percentile of the distance from the schedule
 * @param maxAbsDeviationNanos      the largest distance from the schedule
 * @param firstDeviationNanos       where the first frame sat against the schedule
 * @param maxAbsDeviationAfterFirst the largest distance from the schedule of any frame but the first
 * @param lastDeviationNanos        where the last frame sat against the schedule: drift shows here
 * @param anchorNanos               where the schedule starts: the first frame's ideal arrival (the median offset)
 */
public record Pacing(int frames, long spanNanos, long idealSpanNanos, long minGapNanos, long maxGapNanos,
        double meanAbsDeviationNanos, long p95AbsDeviationNanos, long p99AbsDeviationNanos, long maxAbsDeviationNanos, long firstDeviationNanos,
        long maxAbsDeviationAfterFirst, long lastDeviationNanos, long anchorNanos) {

    public static Pacing of(List<ReceivedMessage> received, long frameNanos) {
        int n = received.size();
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = received.get(i).at().toNanos() - i * frameNanos;
        }
        long[] sorted = offsets.clone();
        Arrays.sort(sorted);
        long anchor = sorted[n / 2];
        long[] absDeviations = new long[n];
        double sumAbsDeviation = 0;
        long maxAfterFirst = 0;
        long minGap = Long.MAX_VALUE;
        long maxGap = 0;
        for (int i = 0; i < n; i++) {
            absDeviations[i] = Math.abs(offsets[i] - anchor);
            sumAbsDeviation += absDeviations[i];
            if (i > 0) {
                maxAfterFirst = Math.max(maxAfterFirst, absDeviations[i]);
                long gap = received.get(i).at().toNanos() - received.get(i - 1).at().toNanos();
                minGap = Math.min(minGap, gap);
                maxGap = Math.max(maxGap, gap);
            }
        }
        long[] sortedAbs = absDeviations.clone();
        Arrays.sort(sortedAbs);
        long span = received.get(n - 1).at().toNanos() - received.get(0).at().toNanos();
        return new Pacing(n, span, (n - 1) * frameNanos, minGap, maxGap, sumAbsDeviation / n, sortedAbs[n * 95 / 100],
                sortedAbs[n * 99 / 100],
                sortedAbs[n - 1], offsets[0] - anchor, maxAfterFirst, offsets[n - 1] - anchor, anchor);
    }

    @Override
    public String toString() {
        return String.format("%d frames: span %.3f ms (ideal %.3f), mean gap %.4f ms, gaps %.3f..%.3f ms; deviation"
                             + " from schedule mean %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms (first frame %.3f ms, the others at"
                             + " most %.3f ms), last frame %.3f ms",
                frames, spanNanos / 1e6, idealSpanNanos / 1e6, spanNanos / 1e6 / Math.max(1, frames - 1),
                minGapNanos / 1e6, maxGapNanos / 1e6, meanAbsDeviationNanos / 1e6, p95AbsDeviationNanos / 1e6, p99AbsDeviationNanos / 1e6,
                maxAbsDeviationNanos / 1e6, firstDeviationNanos / 1e6, maxAbsDeviationAfterFirst / 1e6,
                lastDeviationNanos / 1e6);
    }
}
