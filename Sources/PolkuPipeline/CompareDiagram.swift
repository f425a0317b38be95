import Foundation
import PolkuDiagram
import PolkuModel
import PolkuSyntax

extension Diagrams {
    /// A journey made ready to be drawn against an earlier version of it (`polku render NEW
    /// --compare OLD`): the new journey with the old one's removed steps added after its own
    /// steps (in their old phase and channel, a lane added for a channel the new journey no
    /// longer has), and the marks of the steps added, changed and removed, in words in
    /// `language` (nil: the new journey's).
    package static func compared(_ new: CheckedJourney, with old: CheckedJourney,
                                 language: KeywordLanguage? = nil) -> (journey: CheckedJourney, comparison: DiagramComparison) {
        let diff = JourneyDiff(old: old, new: new)
        let language = language ?? new.language
        func say(_ key: DiffMessage, _ values: MessageValue...) -> String {
            Message(key, values: values).text(language, keywords: language)
        }
        let before = old.result.analysis.journey
        var journey = new.result.analysis.journey
        let count = journey.steps.count
        var marks: [Int: DiagramComparison.Mark] = [:]
        var order = journey.steps.indices.map(Double.init)

        for step in diff.added {
            marks[step.index] = .init(kind: .added, lines: ["✚ " + say(.markNew)], description: say(.describeNew))
        }
        for m in diff.moved + diff.changed {
            var parts: [String] = []
            if m.moved {
                let from = [m.old.phase != m.new.phase ? Labels.phase(m.old.phase, language) : nil,
                            m.old.channel.id != m.new.channel.id ? m.old.channel.name(language) : nil].compactMap { $0 }
                parts.append(say(.movedFrom, .text(from.joined(separator: ", "))))
            }
            for change in m.changes {
                let name = DiffReports.name(change.attribute, language)
                if !parts.contains(name) { parts.append(name) }
            }
            let what = parts.joined(separator: ", ")
            marks[m.new.index] = .init(kind: .changed, lines: ["◆ " + say(.markChanged, .text(what))],
                                       description: say(.describeChanged, .text(what)))
        }

        // The removed steps, as steps of the drawn journey with nothing but a title: no
        // flow, no mood, no lines of their own, and no place in the file.
        let end = SourceRange(new.source.bytes.count, new.source.bytes.count)
        for (k, removed) in diff.removed.enumerated() {
            var ghost = before.steps[removed.step.index]
            let channel = before.channels[ghost.channel]
            if let c = journey.channels.firstIndex(where: { $0.id == channel.id }) {
                ghost.channel = c
            } else {
                var added = channel
                added.stepCount = 0
                journey.channels.append(added)
                ghost.channel = journey.channels.count - 1
            }
            journey.channels[ghost.channel].stepCount += 1
            ghost.index = count + k
            ghost.via = nil
            ghost.removeTexts()
            ghost.mood = nil
            ghost.moodValue = nil
            ghost.flow = Flow(successors: [], ends: false, explicit: nil)
            (ghost.header, ghost.keyword, ghost.extent) = (end, end, end)
            journey.steps.append(ghost)
            // Just after the step it followed (the one matched to the old step before it).
            order.append(removed.after.map { Double($0) + 0.5 } ?? -0.5)
            marks[ghost.index] = .init(kind: .removed, lines: ["✕ " + say(.markRemoved)],
                                       description: say(.describeRemoved, .number(removed.step.number)))
        }

        let oldName = URL(fileURLWithPath: old.source.name).lastPathComponent
        var legend: [String] = []
        if !diff.added.isEmpty { legend.append("✚ " + say(.legendNew, .text(oldName))) }
        if !(diff.moved.isEmpty && diff.changed.isEmpty) { legend.append("◆ " + say(.legendChanged, .text(oldName))) }
        if !diff.removed.isEmpty { legend.append("✕ " + say(.legendRemoved, .text(oldName))) }
        var drawn = new
        drawn.result.analysis.journey = journey
        let comparison = DiagramComparison(
            marks: marks, firstRemoved: count, order: order, header: say(.comparedWith, .text(oldName)), legend: legend,
            summary: say(.describeSummary, .text(oldName), .number(diff.added.count),
                         .number(diff.moved.count + diff.changed.count), .number(diff.removed.count)))
        return (drawn, comparison)
    }
}
