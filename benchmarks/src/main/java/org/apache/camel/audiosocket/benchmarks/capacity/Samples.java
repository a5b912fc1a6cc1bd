package org.apache.camel.audiosocket.benchmarks.capacity;

import java.util.Arrays;

/** Measurements in microseconds, kept whole (a step of 1,000 calls for 20 s is a million), read as percentiles. */
final class Samples {

    private int[] values = new int[1 << 16];
    private int size;

    void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, micros));
    }

    void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** The percentile in milliseconds (0 to 100), NaN when empty; sorts in place. */
    double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, size);
        int index = (int) Math.min(size - 1, Math.ceil(percentile / 100 * size) - 1);
        return values[Math.max(0, index)] / 1000.0;
    }
}
