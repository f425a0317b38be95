import PolkuCheck
import PolkuEscaping
import PolkuModel
import PolkuSyntax

/// The workshop view, for a projector: a channel × phase table of steps, recommendations,
/// follow-ups and findings, then one plain sentence per finding to talk about.
package enum SummaryReport {
    struct Cell {
        var steps = 0, recommendations = 0, followUps = 0, findings = 0
        mutating func add(_ other: Cell) {
            steps += other.steps
            recommendations += other.recommendations
            followUps += other.followUps
            findings += other.findings
        }
    }

    package static func render(_ result: CheckResult) -> String {
        // No line ends in blanks: they only get in the way when pasted. Journey text is in
        // it, so every control character is shown, never sent to the terminal.
        build(result).split(separator: "\n", omittingEmptySubsequences: false)
            .map { Escaping.terminal(String($0).trimmingCharacters()) }.joined(separator: "\n")
    }

    static func build(_ result: CheckResult) -> String {
        let journey = result.analysis.journey
        let source = result.analysis.source
        var out = "\(journey.title.value.isEmpty ? source.name : journey.title.value)\n\(source.name)\n\n"
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !result.rulesRan {
            out += "This file has \(errors.count == 1 ? "1 error" : "\(errors.count) errors") to fix before it can be checked:\n"
            for (n, d) in errors.enumerated() {
                out += "  \(n + 1). Line \(source.location(of: d.range.start).line): \(TextForms.sentence(d.message)) \(d.help.map { TextForms.sentence($0) } ?? "")\n"
            }
            return out
        }

        // Which step each finding is about.
        let stepOf = result.diagnostics.map(FindingWords.step(of:))
        let phases = Phase.allCases
        var cells = [[Cell]](repeating: [Cell](repeating: Cell(), count: phases.count), count: journey.channels.count)
        for step in journey.steps {
            let p = phases.firstIndex(of: step.phase)!
            cells[step.channel][p].steps += 1
            cells[step.channel][p].recommendations += step.recommendations.count
            cells[step.channel][p].followUps += step.followUps.count
        }
        var journeyWide = 0
        for index in stepOf {
            if let index {
                let step = journey.steps[index]
                cells[step.channel][phases.firstIndex(of: step.phase)!].findings += 1
            } else {
                journeyWide += 1
            }
        }
        let rows = journey.channels.indices.filter { journey.channels[$0].stepCount > 0 }
        // A channel's name takes at most 60 characters of the table: a long label would pad
        // every row of it.
        let names = rows.map { Self.fitted(journey.channelShortName($0, .en), 60) }
        let nameWidth = max(8, names.map(\.count).max() ?? 0)
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        func number(_ n: Int) -> String { let s = String(n); return String(repeating: " ", count: max(0, 4 - s.count)) + s }
        func block(_ c: Cell?) -> String {
            guard let c, c.steps > 0 else { return pad("   -", 17) }
            return number(c.steps) + number(c.recommendations) + number(c.followUps) + number(c.findings) + " "
        }
        out += "Steps, recommendations, follow-ups and findings in each channel and phase:\n\n"
        out += pad("", nameWidth) + "  " + (phases.map { Labels.phase($0, .en) } + ["All"]).map { pad("  " + $0, 17) }.joined() + "\n"
        out += pad("", nameWidth) + "  " + String(repeating: "  st rec  fu   ! ", count: phases.count + 1) + "\n"
        var totals = [Cell](repeating: Cell(), count: phases.count + 1)
        for (row, name) in zip(rows, names) {
            var all = Cell()
            var line = pad(name, nameWidth) + "  "
            for p in phases.indices {
                line += block(cells[row][p])
                all.add(cells[row][p])
                totals[p].add(cells[row][p])
            }
            totals[phases.count].add(all)
            out += line + block(all) + "\n"
        }
        out += pad("All", nameWidth) + "  " + totals.map { block($0) }.joined() + "\n\n"
        out += "st = steps, rec = recommendations, fu = follow-ups, ! = findings"
        out += journeyWide > 0 ? " (\(journeyWide) more about the journey as a whole)\n\n" : "\n\n"

        let shown = result.diagnostics
        if shown.isEmpty {
            out += "Nothing to talk about: every rule is satisfied.\n"
        } else {
            out += "What to talk about (\(shown.count)):\n"
            for (n, d) in shown.enumerated() {
                let line = source.location(of: d.range.start).line
                var place = "Line \(line)"
                if let index = stepOf[n] {
                    let step = journey.steps[index]
                    place += " (\(step.phase.rawValue), \(Self.fitted(journey.channelShortName(step.channel, .en), 60)))"
                }
                out += "  \(n + 1). \(place): \(TextForms.sentence(d.message)) \(d.help.map { TextForms.sentence($0) } ?? "")"
                    .trimmingCharacters() + "\n"
            }
        }
        if !result.suppressed.isEmpty {
            out += "\nAccepted on purpose (\(result.suppressed.count)):\n"
            for s in result.suppressed {
                out += "  - Line \(source.location(of: s.diagnostic.range.start).line): \(s.diagnostic.code.name), because \(s.reason)\n"
            }
        }
        return out
    }
}

extension SummaryReport {
    /// Text cut to `width` characters, the cut marked with an ellipsis.
    static func fitted(_ text: String, _ width: Int) -> String {
        guard text.utf8.count > width, text.count > width else { return text }
        return String(text.prefix(width - 1)) + "…"
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
