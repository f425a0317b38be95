import PolkuModel

/// Flow facts the rules share, each computed in time linear in steps plus flow edges.
public enum JourneyGraph {
    /// For each step: can the customer get there from the first step?
    public static func reachableFromStart(_ journey: Journey) -> [Bool] {
        var seen = [Bool](repeating: false, count: journey.steps.count)
        guard !journey.steps.isEmpty else { return seen }
        var stack = [0]
        seen[0] = true
        while let i = stack.popLast() {
            for next in journey.steps[i].flow.successors where !seen[next] {
                seen[next] = true
                stack.append(next)
            }
        }
        return seen
    }

    /// For each step: does some path from it lead to a place where the customer leaves?
    public static func canReachEnd(_ journey: Journey) -> [Bool] {
        let count = journey.steps.count
        // Predecessors in one flat array (compressed rows): one allocation, not one per step.
        var start = [Int](repeating: 0, count: count + 1)
        for i in journey.steps.indices {
            for next in journey.steps[i].flow.successors { start[next + 1] += 1 }
        }
        for i in 0..<count { start[i + 1] += start[i] }
        var fill = start
        var predecessors = [Int](repeating: 0, count: start[count])
        var result = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        for i in journey.steps.indices {
            for next in journey.steps[i].flow.successors {
                predecessors[fill[next]] = i
                fill[next] += 1
            }
            if journey.steps[i].flow.ends {
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
