package org.bcistream.streaming.lsl.internal.jna;

import com.sun.jna.Pointer;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * A liblsl object handle that is destroyed exactly once: calls hold the read lock, destruction takes the write lock,
 * so no call runs on a destroyed object and calls after destruction throw {@link IllegalStateException}. Long native
 * waits are sliced by the callers so that destruction is not held up for long.
 */
final class NativeHandle {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Consumer<Pointer> destroy;
    private final String what;
    private Pointer handle;

    NativeHandle(Pointer handle, Consumer<Pointer> destroy, String what) {
        this.handle = handle;
        this.destroy = destroy;
        this.what = what;
    }

    /** The handle, read-locked; pair with {@link #release()}. */
    Pointer acquire() {
        lock.readLock().lock();
        if (handle == null) {
            lock.readLock().unlock();
            throw new IllegalStateException(what + " is closed");
        }
        return handle;
    }

    void release() {
        lock.readLock().unlock();
    }

    /** Destroys the object once. */
    void destroy() {
        lock.writeLock().lock();
        try {
            if (handle != null) {
                destroy.accept(handle);
                handle = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
