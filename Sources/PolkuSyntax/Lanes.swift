#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import Dispatch

/// Work split over two threads, for the stages of a large journey that have a second core
/// to spare: the checker's rules, a report's lines. Each lane fills only its own slot of
/// `Lanes.Slots`; the slots are read once both lanes have ended.
package enum Lanes {
    /// Runs `body` for lanes `0..<count` side by side (on this thread alone for one lane)
    /// and returns when all have ended.
    package static func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if count <= 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }

    /// One result a lane: lane `i` writes only `buffer[i]`.
    package final class Slots<Element>: @unchecked Sendable {
        package let buffer: UnsafeMutableBufferPointer<Element>
        private let empty: Element

        package init(count: Int, empty: Element) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: empty)
            self.empty = empty
        }

        /// The element in slot `i`, which is left empty.
        package func take(_ i: Int) -> Element {
            defer { buffer[i] = empty }
            return buffer[i]
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }
}

/// A thread of its own, for work that another thread waits on piece by piece (the parser
/// feeding the resolver, `Analysis.streamed`): queued work could wait behind busy threads (a
/// server's), while the other thread waits for it.
package struct OwnThread {
    #if canImport(Glibc)
    private var thread = pthread_t()
    private var running = false

    /// Starts `body` on a new thread; nil when no thread can be made.
    package init?(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        guard pthread_create(&thread, nil, { work in
            Unmanaged<Work>.fromOpaque(work!).takeRetainedValue().body()
            return nil
        }, work) == 0 else {
            Unmanaged<Work>.fromOpaque(work).release()
            return nil
        }
        running = true
    }

    /// Waits for the thread to end.
    package mutating func join() {
        guard running else { return }
        pthread_join(thread, nil)
        running = false
    }

    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    #else
    private let done = DispatchSemaphore(value: 0)

    package init?(_ body: @escaping @Sendable () -> Void) {
        let done = self.done
        Thread.detachNewThread { body(); done.signal() }
    }

    package mutating func join() { done.wait() }
    #endif
}

/// A value behind a lock, on the C library's mutex: ThreadSanitizer follows it, where it
/// does not follow the `Mutex` of Swift's Synchronization on Linux (and reports a race
/// between two threads that take turns through it).
package final class Locked<Value>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var value: Value

    package init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package func withLock<R>(_ body: (inout Value) -> R) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body(&value)
    }
}
