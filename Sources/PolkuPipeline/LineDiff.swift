/// A unified diff of two texts by lines (Myers' algorithm, O((N + M) · D)), as `diff -u`
/// prints it, for `polku fmt --diff`.
package enum LineDiff {
    package static func unified(_ old: String, _ new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let script = edits(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Hunks: runs of changes with `context` unchanged lines around them.
        var i = 0
        while i < script.count {
            guard let start = script[i...].firstIndex(where: { $0.kind != .same }) else { break }
            var end = start
            var k = start
            while k < script.count {
                if script[k].kind != .same { end = k; k += 1; continue }
                // Unchanged: does another change come within 2 × context lines?
                let next = script[k...].firstIndex { $0.kind != .same }
                if let next, next - k <= 2 * context { k = next } else { break }
            }
            let from = max(0, start - context), to = min(script.count, end + 1 + context)
            let hunk = script[from..<to]
            let oldStart = hunk.first.map { $0.old } ?? 0, newStart = hunk.first.map { $0.new } ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count, newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for e in hunk {
                switch e.kind {
                case .same: out += " " + a[e.old] + "\n"
                case .delete: out += "-" + a[e.old] + "\n"
                case .insert: out += "+" + b[e.new] + "\n"
                }
            }
            i = to
        }
        return out
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        /// Line indices in the old and new text (the position reached, for an insert or a delete).
        var old: Int
        var new: Int
    }

    static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// The shortest edit script from `a` to `b`.
    static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1] : v[max + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[max + k] = x
                if x >= n && y >= m { break outer }
            }
        }
        // Walk back through the trace.
        var script: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let prevK = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : v[max + prevK]
            let prevY = prevX - prevK
            while x > prevX && y > prevY {
                x -= 1; y -= 1
                script.append(Edit(kind: .same, old: x, new: y))
            }
            if d > 0 {
                if x == prevX { y -= 1; script.append(Edit(kind: .insert, old: x, new: y)) } else { x -= 1; script.append(Edit(kind: .delete, old: x, new: y)) }
            }
        }
        return script.reversed()
    }
}
