package io.tagwire.session;

import java.nio.channels.Selector;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the event loop's selector at a fixed interval, so the loop can wait for I/O
 * without a timeout and still run its timers: an untimed {@code epoll_wait} costs less per
 * message than one that arms and cancels a kernel timer each time. A wake-up that finds
 * the loop busy makes its next select return at once, so no tick is lost. One daemon
 * thread per engine in selector mode; busy-spin needs none.
 */
final class EngineTicker implements Runnable {
    private final Selector selector;
    private final long intervalNanos;
    private volatile boolean running;
    private Thread thread;

    EngineTicker(Selector selector, long intervalNanos) {
        this.selector = selector;
        this.intervalNanos = intervalNanos;
    }

    void start(String name) {
        running = true;
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void run() {
        while (running) {
            LockSupport.parkNanos(intervalNanos);
            if (running) {
                selector.wakeup();
            }
        }
    }
}
