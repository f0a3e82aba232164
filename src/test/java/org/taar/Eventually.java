package org.taar;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits, with a deadline, for something Taar does on a thread of its own that has no catch-up
 * call a test could make instead (a poller's next poll, a browser's EventSource connecting, a
 * child process). Where a catch-up exists (Publisher.catchUp, Indexer.catchUp) tests call that.
 * Callers assert on the answer, so a deadline that passes fails the test with its own message.
 */
public final class Eventually {
    /** How long to wait between two looks: short next to any deadline, long next to a look. */
    static final Duration PAUSE = Duration.ofMillis(10);

    private Eventually() {}

    /** A look at the state of things; may do I/O (an HTTP request, a file listing). */
    @FunctionalInterface
    public interface Look<T> {
        T get() throws Exception;
    }

    /** Looks until {@code condition} holds or {@code within} has passed; answers whether it held. */
    public static boolean until(Duration within, Look<Boolean> condition) throws Exception {
        return Boolean.TRUE.equals(value(within, condition, Boolean.TRUE::equals));
    }

    /**
     * Looks until the value satisfies {@code done} or {@code within} has passed; answers the last
     * value seen, so the caller's assertion reports what was there when time ran out.
     */
    public static <T> T value(Duration within, Look<T> look, Predicate<? super T> done) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T seen = look.get();
            if (done.test(seen) || System.nanoTime() - deadline >= 0) return seen;
            // The wait between looks: the thing waited for happens on another thread.
            Thread.sleep(PAUSE.toMillis());
        }
    }
}
