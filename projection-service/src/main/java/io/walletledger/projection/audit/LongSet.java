package io.walletledger.projection.audit;

/** An open-addressing set of longs: millions of event-id fingerprints without boxing. */
final class LongSet {

    private static final long EMPTY = 0;
    private long[] slots = new long[1 << 16];
    private int size;
    private boolean containsEmpty;

    /** @return false if it was there already */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !containsEmpty;
            containsEmpty = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(value) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        size++;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long value : old) {
            if (value != EMPTY) {
                add(value);
            }
        }
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
