import PolkuLanes
import PolkuModel
import PolkuSyntax

/// What the rules need to know about each step, packed small: a `Step` is several hundred
/// bytes of texts, so ten rules each walking 100,000 of them would read 400 MB, while
/// walking these reads 2 MB. Built once per check in one pass over the steps.
package struct StepFacts: Sendable, Equatable {
    package struct Flags: OptionSet, Sendable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        package static let recommends = Flags(rawValue: 1 << 0)
        package static let followsUp = Flags(rawValue: 1 << 1)
        package static let asksFeedback = Flags(rawValue: 1 << 2)
        package static let statesNeed = Flags(rawValue: 1 << 3)
        package static let namesRole = Flags(rawValue: 1 << 4)
        package static let ends = Flags(rawValue: 1 << 5)
    }
    package var phase: Phase
    package var flags: Flags
    package var channel: Int32
}

/// Facts about a journey shared by the rules, each computed once and in linear time. A value
/// computed whole in `init` (the two graph walks included, since the default rules need
/// both), so it is immutable and `Sendable` with nothing to check by hand.
package struct JourneyFacts: Sendable, Equatable {
    package let steps: [StepFacts]
    /// Successors of step `i` are `successors[successorStart[i]..<successorStart[i + 1]]`.
    package let successorStart: [Int32]
    package let successors: [Int32]
    /// For each step: can the customer get there from the first step?
    package let reachableFromStart: [Bool]
    /// For each step: does some path from it lead to a place where the customer leaves?
    package let canReachEnd: [Bool]

    /// The facts of the steps in `range`, with their successors (`successorEnds` are the
    /// ends of each step's run in `successors`, counted from the range's first step).
    private struct Part: Sendable {
        var steps: [StepFacts] = []
        var successorEnds: [Int32] = []
        var successors: [Int32] = []

        init() {}

        /// - Parameter room: steps to make room for (the first part makes room for all, so
        ///   that the others are appended to it without copying it).
        init(_ journey: Journey, _ range: Range<Int>, room: Int) {
            steps.reserveCapacity(room)
            successorEnds.reserveCapacity(range.count)
            successors.reserveCapacity(room)
            for i in range {
                var flags: StepFacts.Flags = []
                if journey.steps[i].textEnds.count(.recommend) > 0 { flags.insert(.recommends) }
                if journey.steps[i].textEnds.count(.followUp) > 0 { flags.insert(.followsUp) }
                if journey.steps[i].textEnds.count(.feedback) > 0 { flags.insert(.asksFeedback) }
                if journey.steps[i].textEnds.count(.need) > 0 { flags.insert(.statesNeed) }
                if journey.steps[i].textEnds.count(.by) > 0 { flags.insert(.namesRole) }
                if journey.steps[i].flow.ends { flags.insert(.ends) }
                steps.append(StepFacts(phase: journey.steps[i].phase, flags: flags, channel: Int32(journey.steps[i].channel)))
                for next in journey.steps[i].flow.successors { successors.append(Int32(next)) }
                successorEnds.append(Int32(successors.count))
            }
        }
    }

    /// A journey of `Checker.parallelSteps` or more has its steps read in two halves side by
    /// side (17 MB of them at 100,000 steps, the checker's longest stretch on one thread),
    /// then its two graph walks run side by side.
    package init(_ journey: Journey) {
        self.init(journey, lanes: journey.steps.count >= Checker.parallelSteps ? 2 : 1)
    }

    /// - Parameter lanes: threads to read the steps on, 1 or 2 (any number for a test).
    package init(_ journey: Journey, lanes: Int) {
        let count = journey.steps.count
        let lanes = max(1, lanes)
        let parts = Lanes.Slots<Part>(count: lanes, empty: Part())
        Lanes.run(lanes) { lane in
            let range = count * lane / lanes..<count * (lane + 1) / lanes
            parts.buffer[lane] = Part(journey, range, room: lane == 0 ? count : range.count)
        }
        // The first lane's part, with room for all, becomes the whole.
        var whole = parts.take(0)
        var start: [Int32] = [0]
        start.reserveCapacity(count + 1)
        start += whole.successorEnds
        whole.successorEnds = []
        for lane in 1..<lanes {
            let part = parts.take(lane)
            let before = Int32(whole.successors.count)
            whole.steps += part.steps
            start += part.successorEnds.lazy.map { $0 + before }
            whole.successors += part.successors
        }
        self.steps = whole.steps
        self.successorStart = start
        self.successors = whole.successors
        let walks = Lanes.Slots<[Bool]>(count: 2, empty: [])
        let (facts, successors, successorStart) = (whole.steps, whole.successors, start)
        Lanes.run(lanes) { lane in
            for walk in stride(from: lane, to: 2, by: lanes) {
                walks.buffer[walk] = walk == 0 ? Self.stepsReachedFromStart(facts, successorStart, successors)
                    : Self.stepsThatCanReachAnEnd(facts, successorStart, successors)
            }
        }
        self.reachableFromStart = walks.take(0)
        self.canReachEnd = walks.take(1)
    }

    /// How many steps lack `flag`: what a rule that flags each of them sizes its findings by.
    package func count(without flag: StepFacts.Flags) -> Int {
        steps.reduce(0) { $1.flags.contains(flag) ? $0 : $0 + 1 }
    }

    private static func stepsReachedFromStart(_ steps: [StepFacts], _ successorStart: [Int32], _ successors: [Int32]) -> [Bool] {
        var seen = [Bool](repeating: false, count: steps.count)
        guard !steps.isEmpty else { return seen }
        var stack = [0]
        seen[0] = true
        while let i = stack.popLast() {
            for k in Int(successorStart[i])..<Int(successorStart[i + 1]) where !seen[Int(successors[k])] {
                seen[Int(successors[k])] = true
                stack.append(Int(successors[k]))
            }
        }
        return seen
    }

    private static func stepsThatCanReachAnEnd(_ steps: [StepFacts], _ successorStart: [Int32], _ successors: [Int32]) -> [Bool] {
        let count = steps.count
        // Predecessors in one flat array (compressed rows): one allocation, not one per step.
        var start = [Int](repeating: 0, count: count + 1)
        for next in successors { start[Int(next) + 1] += 1 }
        for i in 0..<count { start[i + 1] += start[i] }
        var fill = start
        var predecessors = [Int](repeating: 0, count: start[count])
        var result = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        for i in 0..<count {
            for k in Int(successorStart[i])..<Int(successorStart[i + 1]) {
                let next = Int(successors[k])
                predecessors[fill[next]] = i
                fill[next] += 1
            }
            if steps[i].flags.contains(.ends) {
                result[i] = true
                stack.append(i)
            }
        }
        while let i = stack.popLast() {
            for p in predecessors[start[i]..<start[i + 1]] where !result[p] {
                result[p] = true
                stack.append(p)
            }
        }
        return result
    }
}
