package org.taar.store;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.taar.story.OutcomeStatus;

/**
 * The queue's counts per outcome over a time window, without counting a day's rows on every page.
 * Wire rows are only ever inserted, stamped with the time they are written, so a minute that ended
 * more than {@link #GRACE} ago holds its final counts: those are counted once per filter and kept;
 * only the window's ragged first minute and its last few minutes are counted on each request.
 */
final class WireCounts {
    static final long MINUTE = 60_000;
    /** A transaction stamped just before a minute ended commits a moment later; two minutes is ample. */
    static final long GRACE = 2 * MINUTE;
    /** Windows longer than this are counted directly (the desk's default window is a day). */
    static final long LONGEST_KEPT = 8L * 24 * 60 * MINUTE;
    private static final int FILTERS_KEPT = 64;

    /** Counts the rows a filter finds in [lo, hi), per outcome; or per minute and outcome. */
    interface Counter {
        Map<OutcomeStatus, Long> count(WireQueue.Filter f, long lo, long hi);

        /** Adds each (minute start, outcome, count) of [lo, hi) to {@code into}. */
        void countByMinute(WireQueue.Filter f, long lo, long hi, TreeMap<Long, long[]> into);
    }

    /** One filter's sealed minutes: every minute in [from, to) has been counted (absent means none). */
    private static final class Kept {
        final TreeMap<Long, long[]> minutes = new TreeMap<>();
        long from = -1;
        long to = -1;
    }

    private final Clock clock;
    private final Counter counter;
    private final Map<WireQueue.Filter, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<WireQueue.Filter, Kept> eldest) {
            return size() > FILTERS_KEPT;
        }
    };

    WireCounts(Clock clock, Counter counter) {
        this.clock = clock;
        this.counter = counter;
    }

    /** Counts for a filter whose time window is [f.from, f.to); the filter's outcome is ignored. */
    synchronized Map<OutcomeStatus, Long> counts(WireQueue.Filter f) {
        long now = clock.millis();
        long lo = f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli();
        long hi = f.to() == null ? Long.MAX_VALUE : f.to().toEpochMilli();
        long sealedEnd = floor(now - GRACE);
        long firstFull = ceil(lo);
        long fullEnd = Math.min(hi == Long.MAX_VALUE ? Long.MAX_VALUE : floor(hi), sealedEnd);
        if (f.from() == null || fullEnd <= firstFull || fullEnd - firstFull > LONGEST_KEPT) {
            return counter.count(f, lo, hi);
        }
        WireQueue.Filter key = new WireQueue.Filter(f.source(), f.agency(), null, f.section(), f.language(), null,
                null, f.text());
        Kept k = kept.computeIfAbsent(key, x -> new Kept());
        if (k.from < 0 || firstFull > k.to || fullEnd < k.from) {
            // Not adjacent to what is kept (a window far from the last one): start again.
            k.minutes.clear();
            counter.countByMinute(key, firstFull, fullEnd, k.minutes);
            k.from = firstFull;
            k.to = fullEnd;
        } else {
            if (firstFull < k.from) counter.countByMinute(key, firstFull, k.from, k.minutes);
            if (fullEnd > k.to) counter.countByMinute(key, k.to, fullEnd, k.minutes);
            k.from = Math.min(k.from, firstFull);
            k.to = Math.max(k.to, fullEnd);
        }
        // Minutes that slid out of every window a desk asks for are dropped, so a kept filter stays small.
        long oldest = now - LONGEST_KEPT;
        if (k.from < oldest) {
            k.minutes.headMap(floor(oldest)).clear();
            k.from = Math.max(k.from, floor(oldest));
        }
        Map<OutcomeStatus, Long> out = new EnumMap<>(OutcomeStatus.class);
        for (OutcomeStatus o : OutcomeStatus.values()) out.put(o, 0L);
        add(out, counter.count(key, lo, firstFull));
        for (long[] n : k.minutes.subMap(firstFull, fullEnd).values()) {
            for (OutcomeStatus o : OutcomeStatus.values()) out.merge(o, n[o.ordinal()], Long::sum);
        }
        add(out, counter.count(key, fullEnd, hi));
        return out;
    }

    private static void add(Map<OutcomeStatus, Long> into, Map<OutcomeStatus, Long> more) {
        more.forEach((o, n) -> into.merge(o, n, Long::sum));
    }

    static long floor(long millis) {
        return Math.floorDiv(millis, MINUTE) * MINUTE;
    }

    private static long ceil(long millis) {
        return -Math.floorDiv(-millis, MINUTE) * MINUTE;
    }
}
