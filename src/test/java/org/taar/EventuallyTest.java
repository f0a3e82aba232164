package org.taar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {
    @Test
    void aConditionThatAlreadyHoldsIsLookedAtOnceWithoutWaiting() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        long start = System.nanoTime();
        assertThat(Eventually.until(Duration.ofSeconds(10), () -> looks.incrementAndGet() > 0)).isTrue();
        assertThat(looks).hasValue(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aConditionThatNeverHoldsAnswersFalseOnlyOnceTheDeadlineHasPassed() throws Exception {
        long start = System.nanoTime();
        assertThat(Eventually.until(Duration.ofMillis(200), () -> false)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void waitsForAnotherThreadAndAnswersTheValueThatSatisfied() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(100); // the other thread's work takes a while: that is what is waited for
            } catch (InterruptedException e) {
                return;
            }
            done.set(true);
        });
        other.start();
        assertThat(Eventually.value(Duration.ofSeconds(10), () -> done.get() ? "done" : "working", "done"::equals))
                .isEqualTo("done");
        other.join();
    }

    @Test
    void answersTheLastValueSeenWhenTimeRunsOut() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        int last = Eventually.value(Duration.ofMillis(100), looks::incrementAndGet, n -> false);
        assertThat(last).isEqualTo(looks.get()).isGreaterThan(1);
    }

    @Test
    void aFailingLookIsNotSwallowed() {
        assertThatThrownBy(() -> Eventually.until(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("broken look");
        })).hasMessage("broken look");
    }
}
