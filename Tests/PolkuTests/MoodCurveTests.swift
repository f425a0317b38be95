import Foundation
import PolkuCheck
import PolkuDiagram
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// The customer's mood as a curve under the timeline's lanes, as a scale on compact cards,
/// and in words in the SVG's text alternative; the lowest points marked in every form.
@Suite struct MoodCurveTests {
    static func checked(_ moods: [Int?]) -> CheckResult {
        var text = "journey: Moods\nvia: desk\nbefore:\n"
        for (i, mood) in moods.enumerated() {
            text += "  step s\(i): Step \(i)\n    recommend: r\n    follow-up: f\n"
            if let mood { text += "    mood: \(mood)\n" }
        }
        return Checker.check(Analysis(SourceFile(name: "m.polku", text: text)))
    }

    /// `mood3 [shape=doublecircle, pos="x,y!" ...`: name, shape and position of each point.
    static func points(_ dot: String) -> [(name: String, shape: String, x: Double, y: Double)] {
        dot.split(separator: "\n").compactMap { line -> (String, String, Double, Double)? in
            let l = line.trimmingCharacters(in: .whitespaces)
            guard l.hasPrefix("mood"), !l.contains("->"), l.contains("shape=") else { return nil }
            let name = String(l.prefix { $0 != " " })
            let shape = String(l.split(separator: "shape=")[1].prefix { $0 != "," })
            let pos = l.split(separator: "pos=\"")[1].prefix { $0 != "!" }.split(separator: ",").compactMap { Double($0) }
            return (name, shape, pos[0], pos[1])
        }
    }

    @Test func theTimelineDrawsAPointPerMoodUnderItsCard() {
        let result = Self.checked([3, nil, 1, 5, 1])
        let options = DiagramOptions(layout: .timeline)
        let dot = SwimlaneDiagram.dot(result, options: options)
        let points = Self.points(dot)
        #expect(points.map(\.name) == ["mood0", "mood2", "mood3", "mood4"])
        // The lowest moods (1, twice) are ringed twice; the others once.
        #expect(points.map(\.shape) == ["circle", "doublecircle", "circle", "doublecircle"])
        // Aligned under the cards, left to right; DOT's y grows upwards, so a better mood is higher.
        let cards = SwimlaneDiagram.cards(result, options: options).cards
        for (point, step) in zip(points, [0, 2, 3, 4]) {
            #expect(abs(point.x - (cards[step].x + cards[step].width / 2)) < 0.01)
        }
        #expect(points[2].y > points[0].y && points[0].y > points[1].y)
        #expect(points[1].y == points[3].y)
        // Joined in order, without arrowheads.
        #expect(dot.contains("mood0 -> mood2 [arrowhead=none"))
        #expect(dot.contains("mood3 -> mood4 [arrowhead=none"))
        #expect(dot.contains("◎ The customer&#39;s lowest mood: look here first") || dot.contains("◎ The customer's lowest mood"))
    }

    @Test func noMoodsNoBand() {
        let dot = SwimlaneDiagram.dot(Self.checked([nil, nil]), options: DiagramOptions(layout: .timeline))
        #expect(!dot.contains("moodband") && !dot.contains("mood0"))
        #expect(!dot.contains("◎"))
    }

    @Test func compactCardsShowAScaleAndMarkTheLowest() {
        let dot = SwimlaneDiagram.dot(Self.checked([4, 2]), options: DiagramOptions(layout: .compact))
        #expect(dot.contains("Mood: ●●●●○ 4/5<"))
        #expect(dot.contains("Mood: ●●○○○ 2/5 ◎"))
        #expect(!dot.contains("moodband"))
    }

    @Test func theTextAlternativeSaysTheCurveInWords() throws {
        let result = Self.checked([3, 1, 4])
        let desc = SwimlaneDiagram.description(result, options: DiagramOptions(layout: .timeline))
        #expect(desc.contains("Mood (1 low – 5 high): 1. Step 0 3/5; 2. Step 1 1/5; 3. Step 2 4/5."))
        #expect(desc.contains("The customer's lowest mood: look here first: 2. Step 1 (1/5)."))
        // And the SVG Graphviz draws carries it, with hover titles in words.
        let journey = CheckedJourney(source: result.analysis.source, result: result)
        let svg = String(decoding: try Diagrams.drawBlocking(journey, format: .svg, options: DiagramOptions(layout: .timeline)).bytes, as: UTF8.self)
        #expect(svg.contains("Mood 1/5: Step 1"))
        #expect(!svg.contains("<title>mood"))
    }
}
