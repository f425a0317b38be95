import PolkuCheck
import PolkuModel
import PolkuSyntax

/// How the steps are placed in the diagram.
package enum DiagramLayout: String, CaseIterable, Sendable {
    /// Every step in a column of its own, in phase and file order, with arrows for the flow.
    case timeline
    /// The workbook's exercise sheet: one column per phase, one row per channel, the steps of
    /// a phase in a channel stacked in file order in their cell, numbered; no arrows.
    case compact
    /// `compact` or `timeline`, whichever reads better for the journey (`chosen(for:)`).
    case auto

    /// The most steps a timeline has before `auto` draws the journey compact instead.
    package static let widestTimeline = 8

    /// The layout to draw `journey` in. `timeline` and `compact` are themselves; `auto` is
    /// `compact` when the journey has more than `widestTimeline` (8) steps, since the timeline
    /// gives every step a column of its own and more than 8 of them no longer fit a page
    /// across (A4 landscape) readably, and `timeline` otherwise, whose arrows show the flow.
    package func chosen(for journey: Journey) -> DiagramLayout {
        switch self {
        case .timeline, .compact: self
        case .auto: journey.steps.count > Self.widestTimeline ? .compact : .timeline
        }
    }
}

/// What to draw and how.
package struct DiagramOptions: Sendable {
    /// Timeline, compact, or the one that reads better (the default).
    package var layout: DiagramLayout = .auto
    /// Language of the fixed texts (phase headers, legend); nil means the file's keywords'.
    package var language: KeywordLanguage?
    package var theme: Theme = .light
    /// Show the checker's findings on the cards.
    package var showFindings = true
    /// Resolution for PNG (pixels per inch); SVG and PDF are vectors.
    package var dpi: Double?
    /// The sheet to fit the diagram on, cut into pages if needed; nil: one picture of the
    /// diagram's own size.
    package var page: PageSetup?
    /// PNG: the picture's (each page's) exact width in pixels, instead of `dpi`.
    package var pixelWidth: Int?
    /// The journey drawn against an earlier version of it (`render --compare`); nil: drawn
    /// on its own.
    package var comparison: DiagramComparison?

    package init(language: KeywordLanguage? = nil, theme: Theme = .light, showFindings: Bool = true, dpi: Double? = nil,
                 layout: DiagramLayout = .auto, page: PageSetup? = nil, pixelWidth: Int? = nil) {
        self.layout = layout
        self.page = page
        self.pixelWidth = pixelWidth
        self.language = language
        self.theme = theme
        self.showFindings = showFindings
        self.dpi = dpi
    }
}

/// One line of text in a card, the header or the legend.
struct TextLine {
    /// `note` is a `note:` line (often a pain point): italic, after a ✱, so it stands out
    /// in any theme and in black and white, not by colour.
    /// `mark` is a comparison's word on a card ("✚ NEW"): bold, at the body's size.
    enum Style { case headline, title, heading, body, muted, finding, note, mark }
    var text: String
    var style: Style

    var height: Double {
        switch style {
        case .headline: 24
        case .title: 16
        case .heading: 15
        case .body, .muted, .finding, .note, .mark: 13
        }
    }
}

/// A rectangle in top-down coordinates (y grows downwards), in points.
struct Box {
    var x: Double, y: Double, width: Double, height: Double
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// The geometry of a swimlane diagram, computed here rather than by Graphviz: channels are
/// rows, phases are columns, each step has its own column slot in phase and file order, and
/// every arrow runs through the gaps between cards (the gutters between slots and a strip
/// at the top of each lane), so no arrow crosses a card. Linear in the number of steps.
struct SwimlaneLayout {
    /// `number`: the lane's place among all the journey's lanes (a page shows some of them).
    struct Lane { var channel: Int; var number: Int; var box: Box; var lines: [TextLine] }
    /// `continued`: the phase began on an earlier page (its heading says so).
    struct PhaseColumn { var phase: Phase; var box: Box; var header: Box; var empty: Bool; var continued = false }
    struct Card { var step: Int; var box: Box; var lines: [TextLine]; var hasFindings: Bool; var mark: DiagramComparison.Kind? = nil }
    struct Edge { var from: Int; var to: Int; var points: [(Double, Double)] }
    struct MoodPoint { var step: Int; var mood: Int; var x: Double; var y: Double; var lowest: Bool }

    var width: Double = 0
    var height: Double = 0
    var header: Box = Box(x: 0, y: 0, width: 0, height: 0)
    var headerLines: [TextLine] = []
    var lanes: [Lane] = []
    var columns: [PhaseColumn] = []
    var separators: [Box] = []
    var cards: [Card] = []
    var edges: [Edge] = []
    var legend: Box = Box(x: 0, y: 0, width: 0, height: 0)
    var legendLines: [TextLine] = []
    /// The customer's emotion curve (timeline only): a band under the lanes, a point per
    /// step with a mood, aligned under its card; the lowest points marked.
    var moodBand: Box?
    var moodBandLines: [TextLine] = []
    var moodPoints: [MoodPoint] = []
    /// The layout drawn: `timeline` or `compact`, never `auto`.
    var layout: DiagramLayout = .timeline

    static let margin = 24.0
    static let laneLabelWidth = 150.0
    static let cardWidth = 200.0
    static let gutter = 56.0
    static let slotWidth = cardWidth + gutter
    static let phaseGap = 12.0
    static let phaseHeaderHeight = 30.0
    static let routingStrip = 20.0
    static let cardPadding = 7.0
    static let bodyWrap = 30
    static let titleWrap = 23
    static let itemsPerKind = 8
    /// The mood band's height, and the diameter of a point on the curve.
    static let moodBandHeight = 96.0
    static let moodPointSize = 20.0
    /// Compact layout: space around the cards of a cell, and between two cards in one.
    static let compactCellPadding = 10.0
    static let compactCardGap = 10.0
    /// Arrows drawn from one step; the card says how many more steps it leads to.
    static let arrowsPerStep = 12

    /// The channels that get a lane: those steps use, in the journey's order.
    static func laneChannels(_ journey: Journey) -> [Int] {
        journey.channels.indices.filter { journey.channels[$0].stepCount > 0 }
    }

    /// - Parameter offPage: for a diagram split into pages, the steps each step leads to
    ///   that are drawn on another page: the card lists their numbers ("→ 7, 9") instead of
    ///   an arrow.
    init(_ result: CheckResult, options: DiagramOptions, offPage: [Int: [Int]] = [:]) {
        let journey = result.analysis.journey
        let language = options.language ?? journey.language
        func t(_ p: Phrase) -> String { Localized.text(p, language) }

        // Findings by step, and those about the journey as a whole.
        var stepFindings = [[String]](repeating: [], count: journey.steps.count)
        var journeyFindings: [String] = []
        if options.showFindings {
            for d in result.diagnostics {
                if let step = FindingWords.step(of: d) {
                    stepFindings[step].append(FindingWords.question(d, language, journey: journey))
                } else {
                    journeyFindings.append(FindingWords.detail(d, language, journey: journey) ?? FindingWords.question(d, language, journey: journey))
                }
            }
        }

        // Header: title, the journey's notes, personas with their notes, journey-wide findings.
        for line in GraphvizText.wrap(GraphvizText.capped(journey.title.value, 200), width: 80, maxLines: 2) {
            headerLines.append(TextLine(text: line, style: .headline))
        }
        /// Notes, at most `itemsPerKind` of them, each after a ✱ with its continuation
        /// lines indented under the text.
        func headerNotes(_ notes: [Text], indent: String) {
            for note in notes.prefix(Self.itemsPerKind) {
                for (n, line) in GraphvizText.wrap(GraphvizText.capped(note.value), width: 110, maxLines: 3).enumerated() {
                    headerLines.append(TextLine(text: indent + (n == 0 ? "✱ " : "   ") + line, style: .note))
                }
            }
            if notes.count > Self.itemsPerKind {
                headerLines.append(TextLine(text: indent + "   " + Localized.andMore(notes.count - Self.itemsPerKind, language), style: .muted))
            }
        }
        if let comparison = options.comparison {
            headerLines.append(TextLine(text: GraphvizText.capped(comparison.header, 200), style: .heading))
        }
        headerNotes(journey.notes, indent: "")
        for p in journey.focus {
            let persona = journey.personas[p]
            let text = "\(t(.forWhom)): \(persona.id)" + (persona.description.value.isEmpty ? "" : " – \(persona.description.value)")
            for line in GraphvizText.wrap(GraphvizText.capped(text), width: 110, maxLines: 3) {
                headerLines.append(TextLine(text: line, style: .heading))
            }
            headerNotes(persona.notes, indent: "   ")
        }
        for f in journeyFindings {
            for (n, line) in GraphvizText.wrap(GraphvizText.capped(f), width: 110, maxLines: 3).enumerated() {
                headerLines.append(TextLine(text: (n == 0 ? "⚠ " : "   ") + line, style: .finding))
            }
        }

        let layout = options.layout.chosen(for: journey)
        // The lowest mood of the journey, where a team looks first (nil: no step has one).
        let lowestMood = journey.steps.compactMap(\.moodValue).min()

        // Cards: text first, since lane heights depend on it.
        var cardLines = [[TextLine]](repeating: [], count: journey.steps.count)
        for (i, step) in journey.steps.enumerated() {
            var lines: [TextLine] = []
            func add(_ prefix: String, _ text: String, _ style: TextLine.Style = .body, wrap: Int = Self.bodyWrap) {
                // Continuation lines are indented by two spaces, under the text after a symbol.
                let first = GraphvizText.wrap(GraphvizText.capped(prefix + text), width: wrap)
                for (n, line) in first.enumerated() {
                    lines.append(TextLine(text: n == 0 || prefix.isEmpty ? line : "  " + line, style: style))
                }
            }
            // Numbered by its place in the journey, as in the checklists, in every layout; a
            // removed step (`render --compare`) has no place in it, and no number.
            let removed = options.comparison?.isRemoved(i) ?? false
            add("", (removed ? "" : "\(i + 1). ") + step.title.value, .title, wrap: Self.titleWrap)
            for line in options.comparison?.marks[i]?.lines ?? [] { add("", line, .mark) }
            // A card shows at most `itemsPerKind` lines of each kind, then how many more: a
            // step with a thousand recommendations stays a card, not a poster.
            func addAll(_ prefix: String, _ texts: StepTexts, _ style: TextLine.Style = .body) {
                for item in texts.prefix(Self.itemsPerKind) { add(prefix, item.value, style) }
                if texts.count > Self.itemsPerKind {
                    add("", Localized.andMore(texts.count - Self.itemsPerKind, language), .muted)
                }
            }
            addAll("\(t(.need)): ", step.needs, .muted)
            addAll("\(t(.servedBy)): ", step.by, .muted)
            addAll("★ ", step.recommendations)
            addAll("↪ ", step.followUps)
            addAll("✎ ", step.feedback)
            addAll("✱ ", step.notes, .note)
            if let mood = step.moodValue {
                // The compact layout has no curve: the card shows the mood as a scale of
                // filled and empty circles (no colour needed), the number, and ◎ at the lowest.
                if layout == .compact {
                    let scale = String(repeating: "●", count: mood) + String(repeating: "○", count: 5 - mood)
                    add("", "\(t(.mood)): \(scale) \(mood)/5" + (mood == lowestMood ? " ◎" : ""), .muted)
                } else {
                    add("", "\(t(.mood)): \(mood)/5", .muted)
                }
            }
            if step.flow.ends { add("● ", t(.customerLeaves), .muted) }
            if let away = offPage[i], !away.isEmpty {
                add("→ ", away.map { String($0 + 1) }.joined(separator: ", "), .muted)
            }
            if step.flow.successors.count > Self.arrowsPerStep {
                add("→ ", Localized.andMore(step.flow.successors.count - Self.arrowsPerStep, language), .muted)
            }
            for f in stepFindings[i] { add("⚠ ", f, .finding) }
            cardLines[i] = lines
        }

        // Lanes: channels that steps use, in the journey's order.
        let laneChannels = Self.laneChannels(journey)
        var laneOf = [Int](repeating: 0, count: journey.channels.count)
        for (n, c) in laneChannels.enumerated() { laneOf[c] = n }

        self.layout = layout
        if layout == .compact {
            placeCompact(journey, cardLines: cardLines, stepFindings: stepFindings, laneChannels: laneChannels,
                         laneOf: laneOf, options: options, language: language)
            return
        }

        // Slots: steps sorted by phase, then file order.
        let order = Self.drawingOrder(journey, options.comparison)
        var slotOf = [Int](repeating: 0, count: journey.steps.count)
        var x = Self.margin + Self.laneLabelWidth + 8
        var slotX: [Double] = []
        for phase in Phase.allCases {
            let steps = order.filter { journey.steps[$0].phase == phase }
            let start = x
            for s in steps {
                slotOf[s] = slotX.count
                slotX.append(x)
                x += Self.slotWidth
            }
            if steps.isEmpty { x += Self.slotWidth * 0.6 }
            columns.append(PhaseColumn(phase: phase, box: Box(x: start, y: 0, width: x - start, height: 0),
                                       header: Box(x: start + 2, y: 0, width: x - start - 4, height: Self.phaseHeaderHeight),
                                       empty: steps.isEmpty))
            x += Self.phaseGap
        }
        let contentRight = x - Self.phaseGap
        width = contentRight + Self.margin

        // Vertical: header, phase headers, lanes, legend.
        var y = Self.margin
        let headerHeight = headerLines.reduce(0) { $0 + $1.height } + 8
        header = Box(x: Self.margin, y: y, width: width - 2 * Self.margin, height: headerHeight)
        y += headerHeight + 10
        for i in columns.indices {
            columns[i].header.y = y
        }
        y += Self.phaseHeaderHeight + 6
        let lanesTop = y
        var laneCardHeight = [Double](repeating: 60, count: laneChannels.count)
        for (i, step) in journey.steps.enumerated() {
            let h = cardLines[i].reduce(0) { $0 + $1.height } + 2 * Self.cardPadding
            laneCardHeight[laneOf[step.channel]] = max(laneCardHeight[laneOf[step.channel]], h)
        }
        for (n, c) in laneChannels.enumerated() {
            let h = Self.routingStrip + laneCardHeight[n] + 14
            let lines = Self.laneLines(journey, channel: c, language: language)
            lanes.append(Lane(channel: c, number: n, box: Box(x: Self.margin, y: y, width: width - 2 * Self.margin, height: h), lines: lines))
            y += h
        }
        if laneChannels.isEmpty {
            lanes = []
            y += 40
        }
        let lanesBottom = y
        closeColumns(top: lanesTop, bottom: lanesBottom)

        // Cards, top-aligned under the lane's routing strip.
        for (i, step) in journey.steps.enumerated() {
            let lane = lanes[laneOf[step.channel]].box
            let h = cardLines[i].reduce(0) { $0 + $1.height } + 2 * Self.cardPadding
            let box = Box(x: slotX[slotOf[i]] + Self.gutter / 2, y: lane.y + Self.routingStrip, width: Self.cardWidth, height: h)
            cards.append(Card(step: i, box: box, lines: cardLines[i], hasFindings: !stepFindings[i].isEmpty,
                              mark: options.comparison?.marks[i]?.kind))
        }

        // Arrows through the gutters and the lanes' routing strips.
        var stripUse = [Int](repeating: 0, count: lanes.count)
        for (i, step) in journey.steps.enumerated() {
            for target in step.flow.successors.prefix(Self.arrowsPerStep) {
                let a = cards[i].box, b = cards[target].box
                let start = (a.maxX, a.y + min(a.height / 2, 24))
                let endY = b.y + min(b.height / 2, 24)
                let arrowStart = b.x - 9
                var points = [start]
                let adjacent = slotOf[target] == slotOf[i] + 1
                if adjacent {
                    if abs(start.1 - endY) > 0.5 {
                        // Between phases the gutter's middle is the phase separator: keep clear.
                        let crossesPhase = step.phase != journey.steps[target].phase
                        let gx = crossesPhase ? b.x - Self.gutter / 4 : (a.maxX + b.x) / 2
                        points += [(gx, start.1), (gx, endY)]
                    }
                } else {
                    let lane = laneOf[journey.steps[target].channel]
                    let k = stripUse[lane]
                    stripUse[lane] += 1
                    let cy = lanes[lane].box.y + 5 + Double(k % 3) * 5
                    let gx1 = a.maxX + Self.gutter / 2 - 8 + Double(k % 3) * 4
                    let gx2 = b.x - Self.gutter / 2 + 8 - Double(k % 3) * 4
                    points += [(gx1, start.1), (gx1, cy), (gx2, cy), (gx2, endY)]
                }
                points.append((arrowStart, endY))
                edges.append(Edge(from: i, to: target, points: points))
            }
        }

        // The mood curve, in a band under the lanes.
        var bottom = lanesBottom
        if let lowestMood {
            let band = Box(x: Self.margin, y: lanesBottom + 10, width: width - 2 * Self.margin, height: Self.moodBandHeight)
            moodBand = band
            moodBandLines = [TextLine(text: t(.mood), style: .heading), TextLine(text: t(.moodScale), style: .muted)]
            let top = band.y + Self.moodPointSize / 2 + 6, span = band.height - Self.moodPointSize - 12
            for i in order where journey.steps[i].moodValue != nil {
                let mood = journey.steps[i].moodValue!
                moodPoints.append(MoodPoint(step: i, mood: mood, x: cards[i].box.midX,
                                            y: top + Double(5 - mood) / 4 * span, lowest: mood == lowestMood))
            }
            bottom = band.maxY
        }

        legendLines = Self.legendLines(options, language: language, layout: .timeline, moods: lowestMood != nil)
        let legendHeight = legendLines.reduce(0) { $0 + $1.height } + 12
        legend = Box(x: Self.margin, y: bottom + 14, width: min(560, width - 2 * Self.margin), height: legendHeight)
        height = legend.maxY + Self.margin
    }

    /// A lane's label: the channel's name, its own label, its ratings.
    static func laneLines(_ journey: Journey, channel c: Int, language: KeywordLanguage) -> [TextLine] {
        func t(_ p: Phrase) -> String { Localized.text(p, language) }
        let shortName = journey.channelShortName(c, language)
        var lines = GraphvizText.wrap(GraphvizText.capped(shortName, 120), width: 18, maxLines: 4)
            .map { TextLine(text: $0, style: .heading) }
        let channel = journey.channels[c]
        if let label = channel.label?.value, !label.isEmpty, label != shortName {
            for line in GraphvizText.wrap(GraphvizText.capped(label, 120), width: 22, maxLines: 4) {
                lines.append(TextLine(text: line, style: .muted))
            }
        }
        var ratings: [String] = []
        if let v = channel.competenceValue { ratings.append("\(t(.competence)) \(v)/5") }
        if let v = channel.presenceValue { ratings.append("\(t(.presence)) \(v)/5") }
        for r in ratings { lines.append(TextLine(text: r, style: .muted)) }
        return lines
    }

    /// The legend: the symbols on the cards, then how to read the order of the steps (the
    /// arrows of the timeline, the numbers of the compact layout).
    static func legendLines(_ options: DiagramOptions, language: KeywordLanguage, layout: DiagramLayout,
                            moods: Bool = false) -> [TextLine] {
        func t(_ p: Phrase) -> String { Localized.text(p, language) }
        var legendLines = [
            TextLine(text: t(.legend), style: .heading),
            TextLine(text: "★ \(t(.recommend))    ↪ \(t(.followUp))    ✎ \(t(.feedback))    ✱ \(t(.note))", style: .body),
            TextLine(text: "● \(t(.customerLeaves))    → \(t(.flow))", style: .body),
        ]
        if layout == .compact {
            legendLines[2].text = "● \(t(.customerLeaves))    1, 2, 3 … \(t(.numbersShowOrder))"
        }
        if moods { legendLines.append(TextLine(text: "◎ \(t(.lowestMood))", style: .body)) }
        for line in options.comparison?.legend ?? [] { legendLines.append(TextLine(text: line, style: .body)) }
        if options.showFindings {
            legendLines.append(TextLine(text: "⚠ \(t(.finding)) – - - dashed border", style: .finding))
            if language == .fi { legendLines[legendLines.count - 1].text = "⚠ \(t(.finding)) – katkoviivareunus" }
            if language == .sv { legendLines[legendLines.count - 1].text = "⚠ \(t(.finding)) – streckad kant" }
        }
        return legendLines
    }

    /// The compact layout, after the workbook's exercise sheet: a column per phase (a card
    /// wide, an empty phase narrower), a row per channel, and in each cell the steps of that
    /// phase in that channel stacked top to bottom in file order; a row is as tall as its
    /// tallest cell. The cards' numbers give the order, so there are no arrows (and none can
    /// cross a card).
    private mutating func placeCompact(_ journey: Journey, cardLines: [[TextLine]], stepFindings: [[String]],
                                       laneChannels: [Int], laneOf: [Int], options: DiagramOptions,
                                       language: KeywordLanguage) {
        let cellPadding = Self.compactCellPadding
        let columnWidth = Self.cardWidth + 2 * cellPadding
        var x = Self.margin + Self.laneLabelWidth + 8
        var columnOf: [Phase: Int] = [:]
        for phase in Phase.allCases {
            let empty = !journey.steps.contains { $0.phase == phase }
            let w = empty ? columnWidth * 0.6 : columnWidth
            columnOf[phase] = columns.count
            columns.append(PhaseColumn(phase: phase, box: Box(x: x, y: 0, width: w, height: 0),
                                       header: Box(x: x + 2, y: 0, width: w - 4, height: Self.phaseHeaderHeight),
                                       empty: empty))
            x += w + Self.phaseGap
        }
        width = x - Self.phaseGap + Self.margin

        var y = Self.margin
        let headerHeight = headerLines.reduce(0) { $0 + $1.height } + 8
        header = Box(x: Self.margin, y: y, width: width - 2 * Self.margin, height: headerHeight)
        y += headerHeight + 10
        for i in columns.indices { columns[i].header.y = y }
        y += Self.phaseHeaderHeight + 6
        let lanesTop = y

        // Card heights, and each cell's steps in file order.
        func cardHeight(_ i: Int) -> Double { cardLines[i].reduce(0) { $0 + $1.height } + 2 * Self.cardPadding }
        var cells = [[[Int]]](repeating: [[Int]](repeating: [], count: columns.count), count: laneChannels.count)
        for i in Self.drawingOrder(journey, options.comparison) {
            cells[laneOf[journey.steps[i].channel]][columnOf[journey.steps[i].phase]!].append(i)
        }
        var cardBoxes = [Box](repeating: Box(x: 0, y: 0, width: 0, height: 0), count: journey.steps.count)
        for (n, c) in laneChannels.enumerated() {
            let lines = Self.laneLines(journey, channel: c, language: language)
            var tallest = lines.reduce(0) { $0 + $1.height } + 2 * cellPadding
            for (k, steps) in cells[n].enumerated() {
                var cy = y + cellPadding
                for s in steps {
                    let h = cardHeight(s)
                    cardBoxes[s] = Box(x: columns[k].box.x + cellPadding, y: cy, width: Self.cardWidth, height: h)
                    cy += h + Self.compactCardGap
                }
                if !steps.isEmpty { tallest = max(tallest, cy - Self.compactCardGap + cellPadding - y) }
            }
            let h = max(tallest, 60)
            lanes.append(Lane(channel: c, number: n, box: Box(x: Self.margin, y: y, width: width - 2 * Self.margin, height: h), lines: lines))
            y += h
        }
        if laneChannels.isEmpty { y += 40 }
        let lanesBottom = y
        closeColumns(top: lanesTop, bottom: lanesBottom)
        for i in journey.steps.indices {
            cards.append(Card(step: i, box: cardBoxes[i], lines: cardLines[i], hasFindings: !stepFindings[i].isEmpty,
                              mark: options.comparison?.marks[i]?.kind))
        }

        legendLines = Self.legendLines(options, language: language, layout: .compact,
                                       moods: journey.steps.contains { $0.moodValue != nil })
        let legendHeight = legendLines.reduce(0) { $0 + $1.height } + 12
        legend = Box(x: Self.margin, y: lanesBottom + 14, width: min(560, width - 2 * Self.margin), height: legendHeight)
        height = legend.maxY + Self.margin
    }
}

extension SwimlaneLayout {
    /// The steps in the order they are drawn: by phase, then in file order, or (a
    /// comparison) in the comparison's order, which puts a removed step after the step it
    /// followed.
    static func drawingOrder(_ journey: Journey, _ comparison: DiagramComparison?) -> [Int] {
        guard let comparison else {
            return journey.steps.indices.sorted { (journey.steps[$0].phase, $0) < (journey.steps[$1].phase, $1) }
        }
        return journey.steps.indices.sorted {
            (journey.steps[$0].phase, comparison.order[$0], $0) < (journey.steps[$1].phase, comparison.order[$1], $1)
        }
    }

    /// Once the lanes are placed: every phase column spans them, and a separator stands
    /// between each two columns, from the phase headers down. Both layouts end this way.
    mutating func closeColumns(top: Double, bottom: Double) {
        for i in columns.indices {
            columns[i].box.y = top
            columns[i].box.height = bottom - top
        }
        for i in columns.indices.dropLast() {
            let sx = columns[i].box.maxX + Self.phaseGap / 2 - 0.75
            separators.append(Box(x: sx, y: columns[i].header.y, width: 1.5, height: bottom - columns[i].header.y))
        }
    }
}
