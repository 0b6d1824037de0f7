package dev.cdm.consent.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit events of concurrent reads share one append, and each read returns only once its own is committed. */
class AuditGroupCommitTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void append_returns_onlyAfterTheAppendHoldingItsEventsCommitted() throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AuditGroupCommit group = new AuditGroupCommit(events -> {
            committing.countDown();
            await(commit);
        }, 100);

        Future<?> read = callers.submit(() -> group.append(List.of("read of s1")));
        committing.await(5, TimeUnit.SECONDS);

        Awaitility.await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> !read.isDone());
        commit.countDown();
        read.get(5, TimeUnit.SECONDS);
    }

    @Test
    void concurrentReads_shareAppends_andEveryEventIsAppendedOnce() throws Exception {
        CountDownLatch firstAppend = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Object>> appends = Collections.synchronizedList(new ArrayList<>());
        AuditGroupCommit group = new AuditGroupCommit(events -> {
            appends.add(events.stream().<Object>map(EventMessage::getPayload).toList());
            firstAppend.countDown();
            await(release); // the first append is slow: the reads arriving meanwhile queue behind it
        }, 100);

        List<Future<?>> reads = new ArrayList<>();
        reads.add(callers.submit(() -> group.append(List.of("read 0"))));
        firstAppend.await(5, TimeUnit.SECONDS);
        for (int i = 1; i < 8; i++) {
            String event = "read " + i;
            reads.add(callers.submit(() -> group.append(List.of(event))));
        }
        awaitQueued(group, 7);
        release.countDown();
        for (Future<?> read : reads) {
            read.get(5, TimeUnit.SECONDS);
        }

        assertThat(appends).hasSize(2);
        assertThat(appends.stream().flatMap(List::stream).toList()).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void aFailedAppend_failsEveryReadItHeld_andTheNextAppendWorks() throws Exception {
        CountDownLatch firstAppend = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger appends = new AtomicInteger();
        AuditGroupCommit group = new AuditGroupCommit(events -> {
            firstAppend.countDown();
            await(release);
            if (appends.incrementAndGet() == 2) {
                throw new IllegalStateException("Commit of the event store transaction failed");
            }
        }, 100);
        Future<?> first = callers.submit(() -> group.append(List.of("read 0")));
        firstAppend.await(5, TimeUnit.SECONDS);
        Future<?> second = callers.submit(() -> group.append(List.of("read 1")));
        Future<?> third = callers.submit(() -> group.append(List.of("read 2")));
        awaitQueued(group, 2); // the second append, which fails, holds reads 1 and 2
        release.countDown();

        first.get(5, TimeUnit.SECONDS);
        for (Future<?> failed : List.of(second, third)) {
            assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
                    .hasRootCauseMessage("Commit of the event store transaction failed");
        }
        callers.submit(() -> group.append(List.of("read 3"))).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aGroup_holdsAtMostItsLimit_theRestGoesIntoTheNext() throws Exception {
        CountDownLatch firstAppend = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        AuditGroupCommit group = new AuditGroupCommit(events -> {
            sizes.add(events.size());
            firstAppend.countDown();
            await(release);
        }, 2);
        List<Future<?>> reads = new ArrayList<>();
        reads.add(callers.submit(() -> group.append(List.of("read 0"))));
        firstAppend.await(5, TimeUnit.SECONDS);
        for (int i = 1; i <= 5; i++) {
            String event = "read " + i;
            reads.add(callers.submit(() -> group.append(List.of(event))));
        }
        awaitQueued(group, 5);
        release.countDown();
        for (Future<?> read : reads) {
            read.get(5, TimeUnit.SECONDS);
        }

        assertThat(sizes).allMatch(size -> size <= 2);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    }

    private static void awaitQueued(AuditGroupCommit group, int reads) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> group.queued() == reads);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
