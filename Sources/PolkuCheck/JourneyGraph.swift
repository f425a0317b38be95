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
        var predecessors = [[Int]](repeating: [], count: count)
        var result = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        for step in journey.steps {
            for next in step.flow.successors { predecessors[next].append(step.index) }
            if step.flow.ends {
                result[step.index] = true
                stack.append(step.index)
            }
        }
        while let i = stack.popLast() {
            for p in predecessors[i] where !result[p] {
                result[p] = true
                stack.append(p)
            }
        }
        return result
    }
}
