import Foundation
import PolkuCheck
import PolkuDiagram
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// The compact layout (phases as columns, channels as rows, the steps of a cell stacked and
/// numbered), the step numbers in every layout, and how `auto` chooses.
@Suite struct CompactLayoutTests {
    static func check(_ text: String) -> CheckResult {
        Checker.check(Analysis(SourceFile(name: "t.polku", text: text)))
    }

    /// A journey of `count` steps spread over the three phases and three channels, each step
    /// going on to the next.
    static func journey(steps count: Int) -> String {
        let channels = ["desk", "web", "email"]
        var text = "journey: A long journey\nvia: desk\n"
        let phases = ["before", "during", "after"]
        let perPhase = (count + 2) / 3
        for (p, phase) in phases.enumerated() {
            let steps = (p * perPhase)..<min(count, (p + 1) * perPhase)
            if steps.isEmpty { continue }
            text += "\n\(phase):\n"
            for i in steps {
                text += "  step s\(i): Step number \(i + 1) of the journey\n"
                text += "    via: \(channels[(i * 7 / 3) % 3])\n"
                text += "    recommend: something for step \(i + 1)\n"
                text += "    follow-up: a call\n"
                if i + 1 < count { text += "    next: s\(i + 1)\n" } else { text += "    next: end\n" }
            }
        }
        return text
    }

    typealias Card = (step: Int, x: Double, y: Double, width: Double, height: Double, firstLine: String)

    static func overlap(_ a: Card, _ b: Card) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    static func checkCompactGeometry(_ result: CheckResult, _ name: String) {
        let journey = result.analysis.journey
        let (layout, _, cards) = SwimlaneDiagram.cards(result, options: DiagramOptions(layout: .compact))
        #expect(layout == .compact)
        #expect(cards.map(\.step) == Array(journey.steps.indices), "\(name)")
        for i in cards.indices {
            #expect(cards[i].firstLine.hasPrefix("\(i + 1). "), "\(name): card \(i) starts \(cards[i].firstLine)")
            for j in cards.indices where j > i {
                #expect(!overlap(cards[i], cards[j]), "\(name): cards \(i + 1) and \(j + 1) overlap")
                // The same cell (phase and channel): in file order, top to bottom, one column.
                let (a, b) = (journey.steps[i], journey.steps[j])
                if a.phase == b.phase && a.channel == b.channel {
                    #expect(cards[i].x == cards[j].x)
                    #expect(cards[i].y + cards[i].height <= cards[j].y, "\(name): card \(j + 1) is not below card \(i + 1)")
                }
            }
        }
    }

    @Test(arguments: Fixture.examples)
    func compactCardsDoNotOverlapAndStackInFileOrder(_ path: String) throws {
        let (_, result) = try checkExample(path)
        Self.checkCompactGeometry(result, path)
        // One node per step.
        let dot = SwimlaneDiagram.dot(result, options: DiagramOptions(layout: .compact))
        let nodes = dot.split(separator: "\n").filter { $0.range(of: #"^  s\d+ \["#, options: .regularExpression) != nil }
        #expect(nodes.count == result.analysis.journey.steps.count)
        // No arrows, and the legend says how to read the order.
        #expect(!dot.contains("->"))
        #expect(dot.contains(Localized.text(.numbersShowOrder, result.analysis.journey.language)))
    }

    @Test func aLongJourneyIsMuchNarrowerCompact() {
        let result = Self.check(Self.journey(steps: 24))
        #expect(result.analysis.journey.steps.count == 24)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        Self.checkCompactGeometry(result, "24 steps")
        let compact = SwimlaneDiagram.cards(result, options: DiagramOptions(layout: .compact)).width
        let timeline = SwimlaneDiagram.cards(result, options: DiagramOptions(layout: .timeline)).width
        #expect(compact * 4 < timeline, "compact \(compact), timeline \(timeline)")
    }

    @Test func autoIsCompactForAWideJourneyAndTimelineForASmallOne() throws {
        let wide = Self.check(Self.journey(steps: 24))
        #expect(SwimlaneDiagram.cards(wide).layout == .compact)
        #expect(DiagramLayout.auto.chosen(for: wide.analysis.journey) == .compact)
        let small = Self.check(Self.journey(steps: 4))
        #expect(SwimlaneDiagram.cards(small).layout == .timeline)
        let (_, example) = try checkExample("Examples/article-delivery.polku")
        #expect(SwimlaneDiagram.cards(example).layout == .timeline)
        // The limit itself.
        #expect(DiagramLayout.auto.chosen(for: Self.check(Self.journey(steps: DiagramLayout.widestTimeline)).analysis.journey) == .timeline)
        #expect(DiagramLayout.auto.chosen(for: Self.check(Self.journey(steps: DiagramLayout.widestTimeline + 1)).analysis.journey) == .compact)
    }

    @Test(arguments: [DiagramLayout.timeline, .compact])
    func everyCardStartsWithItsNumber(_ layout: DiagramLayout) throws {
        let (_, result) = try checkExample("Examples/social-media-event.polku")
        let cards = SwimlaneDiagram.cards(result, options: DiagramOptions(layout: layout)).cards
        for card in cards { #expect(card.firstLine.hasPrefix("\(card.step + 1). ")) }
    }

    @Test func compactFromTheCommandLine() throws {
        let folder = try TempFolder()
        let dot = folder.url.appendingPathComponent("c.dot").path
        let r = try runPolku(["render", "Examples/kaukolaina-fi.polku", "--layout", "compact", "-o", dot])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(!text.contains("->"))
        #expect(text.contains(Localized.text(.numbersShowOrder, .fi)))
        let svg = try runPolku(["render", "Examples/kaukolaina-fi.polku", "--layout", "compact", "-o", "-", "--format", "svg"])
        #expect(svg.status == 0 && svg.stdout.contains("<svg"))
        let bad = try runPolku(["render", "Examples/kaukolaina-fi.polku", "--layout", "sideways", "-o", dot])
        #expect(bad.status != 0)
    }
}
