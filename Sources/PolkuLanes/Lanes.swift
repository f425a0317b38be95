#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import Dispatch
import CPolkuMemory

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

    /// Memory the lanes initialize side by side, each at places no other lane touches (lane
    /// `i` its own part of an array being made).
    package struct Parts<Element>: @unchecked Sendable {
        private let base: UnsafeMutablePointer<Element>?

        package init(_ base: UnsafeMutablePointer<Element>?) { self.base = base }

        /// Initializes place `i`, which must be uninitialized and this lane's alone.
        package func initialize(_ i: Int, to element: consuming Element) {
            (base! + i).initialize(to: element)
        }

        /// Changes place `i`, which must be initialized and this lane's alone.
        package func update<T>(_ i: Int, _ body: (inout Element) -> T) -> T {
            body(&base![i])
        }
    }

    /// A value the lanes only read, of a type that does not say it may be shared (it holds
    /// a pointer): the caller keeps what it points to alive and unchanged until they end.
    package struct Shared<Value>: @unchecked Sendable {
        package let value: Value

        package init(_ value: Value) { self.value = value }
    }
}

/// Memory made ready before the thread that fills it gets there.
package enum Pages {
    /// Whether `populate` does anything here (on Linux): off Linux, a caller need not spend
    /// a thread on it.
    package static var populates: Bool {
        #if os(Linux)
        true
        #else
        false
        #endif
    }

    /// Asks the kernel to back the `bytes` bytes at `start` with memory now, as a first write
    /// to each page would, without changing what they hold: on a virtual machine, each such
    /// first write is a fault that costs more than the work it interrupts (2.2 µs a page on
    /// the benchmark's machine), so another thread with time to spare takes the faults
    /// instead (`Analysis.streamed`). Pages already there are left alone, so it is safe on
    /// memory another thread is writing. Only a hint: it does nothing before Linux 5.14 or
    /// off Linux, on memory that is not writable, or when `bytes` is not positive.
    /// - Parameter reading: for memory that is only read (a file mapped read-only), whose
    ///   pages are then mapped for reading.
    package static func populate(_ start: UnsafeRawPointer, bytes: Int, reading: Bool = false) {
        #if os(Linux)
        guard bytes > 0 else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard page > 0 else { return }
        let first = Int(bitPattern: start) & ~(page - 1)
        let end = (Int(bitPattern: start) + bytes + page - 1) & ~(page - 1)
        guard let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, end - first, reading ? 22 : 23)  // MADV_POPULATE_READ, MADV_POPULATE_WRITE
        #endif
    }
}

/// Memory read soon, asked for before it is needed.
public enum Cache {
    /// Asks the processor to bring the line at `address` into its cache without waiting
    /// for it, so that a read a little later does not stall: for reads whose addresses are
    /// known ahead but scattered (a hash table's slots), or memory another core wrote (the
    /// parser's syntax, read by the resolver). Only a hint, which never faults, even on an
    /// address that is not mapped.
    @inlinable @inline(__always)
    public static func prefetch(_ address: UnsafeRawPointer) {
        polku_prefetch(address)
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

    /// Runs `there` on a thread of its own while `here` runs on this one (`there` after
    /// `here`, on this thread, when no thread can be made), and returns both results once
    /// both have ended: for the two halves of a large file.
    package static func sideBySide<Here, There>(_ here: () -> Here,
                                                 _ there: @escaping @Sendable () -> There) -> (Here, There) {
        let made = Made<There>()
        guard var thread = OwnThread({ made.value = there() }) else { return (here(), there()) }
        let first = here()
        thread.join()
        return (first, made.value!)
    }

    /// What the other thread made, read once it has ended.
    private final class Made<Value>: @unchecked Sendable {
        var value: Value?
    }
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
