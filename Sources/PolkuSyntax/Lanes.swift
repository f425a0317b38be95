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
