import PolkuCheck
import PolkuModel
import PolkuSyntax

/// A sheet of paper a diagram is printed on.
package enum Paper: String, CaseIterable, Sendable {
    case a4, a3, letter

    /// Width and height in points (1/72 inch), standing (portrait).
    var portrait: (width: Double, height: Double) {
        switch self {
        case .a4: (595.276, 841.89)      // 210 × 297 mm
        case .a3: (841.89, 1190.551)     // 297 × 420 mm
        case .letter: (612, 792)         // 8.5 × 11 in
        }
    }
}

/// Which way a sheet is turned.
package enum Orientation: String, Sendable, CaseIterable {
    case portrait, landscape
    /// Whichever needs fewer pages (then, the one with larger text; standing on a tie).
    case auto
}

/// The page a diagram is fitted to: paper, orientation and margin.
package struct PageSetup: Sendable, Equatable {
    package var paper: Paper
    package var orientation: Orientation
    /// The white border on every side, in millimetres.
    package var margin: Double

    package static let defaultMargin = 12.0
    /// No text on a page is smaller than this, in points: what stays readable on paper.
    package static let smallestText = 8.0

    package init(paper: Paper, orientation: Orientation = .auto, margin: Double = defaultMargin) {
        self.paper = paper
        self.orientation = orientation
        self.margin = margin
    }

    package init(paper: Paper, landscape: Bool, margin: Double = defaultMargin) {
        self.init(paper: paper, orientation: landscape ? .landscape : .portrait, margin: margin)
    }

    /// The sheet in points, turned for landscape (`auto` counts as standing).
    package var size: (width: Double, height: Double) {
        let p = paper.portrait
        return orientation == .landscape ? (p.height, p.width) : p
    }

    package var marginPoints: Double { margin / 25.4 * 72 }

    /// The area inside the margins, in points.
    var printable: (width: Double, height: Double) {
        (size.width - 2 * marginPoints, size.height - 2 * marginPoints)
    }
}

/// A diagram cut into pages that each fit the sheet's printable area at one scale, at which
/// no text is smaller than `PageSetup.smallestText`. The cuts fall where a reader expects
/// them: between phases (or, for a phase too wide for one page, between the timeline's
/// step columns) and between lanes. Every page repeats the phase headings and the lane
/// names and has the journey's title and its page number; the first page has the whole
/// header, the pages of the last row of lanes the mood curve and the legend. Pages run in
/// time order: all lanes of the first phases, then the next phases.
///
/// In the timeline an arrow to a step on another page cannot be drawn: the card lists the
/// numbers of such steps instead ("→ 7, 9"), and its card is laid out with room for them.
package struct PagedLayout {
    var pages: [SwimlaneLayout]


    /// Points on paper per layout point, the same on every page; never more than 1.
    var scale: Double

    init(_ result: CheckResult, options: DiagramOptions, setup: PageSetup) {
        let journey = result.analysis.journey
        let language = options.language ?? journey.language
        let minimumScale = PageSetup.smallestText / SwimlaneLayout.smallestFont
        let margin = SwimlaneLayout.margin
        // What fits the printable area at the smallest readable scale, in layout points;
        // the layout's own margins may lie in the paper's.
        let capacity = (width: setup.printable.width / minimumScale + 2 * margin,
                        height: setup.printable.height / minimumScale + 2 * margin)
        func fitted(_ pages: [SwimlaneLayout]) -> Double {
            pages.reduce(1.0) { s, p in
                min(s, setup.printable.width / (p.width - 2 * margin), setup.printable.height / (p.height - 2 * margin))
            }
        }

        let whole = SwimlaneLayout(result, options: options)
        if whole.width <= capacity.width && whole.height <= capacity.height {
            pages = [whole]
            scale = fitted(pages)
            return
        }

        // Column windows: whole phases while they fit; a phase too wide for a page is cut
        // between its step columns (timeline), each page starting where the last ended.
        let contentLeft = SwimlaneLayout.contentLeft
        let available = capacity.width - contentLeft - margin
        var windows: [(x0: Double, x1: Double)] = []
        var current: (x0: Double, x1: Double)?
        for column in whole.columns {
            var units: [(x0: Double, x1: Double)] = []
            if whole.layout == .timeline && !column.empty {
                let count = Int((column.box.width / SwimlaneLayout.slotWidth).rounded())
                for k in 0..<count {
                    let x = column.box.x + Double(k) * SwimlaneLayout.slotWidth
                    units.append((x, x + SwimlaneLayout.slotWidth))
                }
            } else {
                units.append((column.box.x, column.box.maxX))
            }
            if let c = current, column.box.maxX - c.x0 <= available {
                current!.x1 = column.box.maxX
                continue
            }
            if let c = current { windows.append(c); current = nil }
            for unit in units {
                if let c = current, unit.x1 - c.x0 <= available {
                    current!.x1 = unit.x1
                } else {
                    if let c = current { windows.append(c) }
                    current = unit
                }
            }
        }
        if let c = current { windows.append(c) }
        func window(ofCard box: Box) -> Int {
            windows.firstIndex { box.x >= $0.x0 - 0.5 && box.x < $0.x1 } ?? 0
        }

        // Lanes by step, and the steps each step leads to with an arrow.
        let laneChannels = SwimlaneLayout.laneChannels(journey)
        var laneOf = [Int](repeating: 0, count: journey.channels.count)
        for (n, c) in laneChannels.enumerated() { laneOf[c] = n }
        let stepLane = journey.steps.map { laneOf[$0.channel] }
        let stepWindow = whole.cards.map { window(ofCard: $0.box) }
        let arrows = journey.steps.map { Array($0.flow.successors.prefix(SwimlaneLayout.arrowsPerStep)) }

        // Room for "→ 7, 9" on every card whose arrow might leave its page: to another
        // window, or to another lane (lanes may be cut apart below).
        var reserved: [Int: [Int]] = [:]
        if whole.layout == .timeline {
            for i in journey.steps.indices {
                let away = arrows[i].filter { stepWindow[$0] != stepWindow[i] || stepLane[$0] != stepLane[i] }
                if !away.isEmpty { reserved[i] = away }
            }
        }
        let roomy = reserved.isEmpty ? whole : SwimlaneLayout(result, options: options, offPage: reserved)

        // Rows of lanes, window by window: the lanes that have steps in the window, as many
        // as fit under the header; the mood band after the window's last lane, the legend on
        // the last page. The first page has the whole header.
        let title = GraphvizText.wrap(GraphvizText.capped(journey.title.value, 200), width: 80, maxLines: 1).first ?? ""
        let pageLine = TextLine(text: "\(Localized.text(.page, language)) 00/00", style: .muted)
        let shortHeader = [TextLine(text: title, style: .headline)]
        func headerHeight(_ lines: [TextLine]) -> Double { lines.reduce(0) { $0 + $1.height } + 8 }
        var firstTop = margin + headerHeight(roomy.headerLines + [pageLine]) + 10 + SwimlaneLayout.phaseHeaderHeight + 6
        let otherTop = margin + headerHeight(shortHeader + [pageLine]) + 10 + SwimlaneLayout.phaseHeaderHeight + 6
        var lanesOfWindow = [[Int]](repeating: [], count: windows.count)
        for w in windows.indices {
            var seen = Set<Int>()
            for card in whole.cards where stepWindow[card.step] == w { seen.insert(stepLane[card.step]) }
            lanesOfWindow[w] = seen.sorted()
        }
        // When the first lane does not fit under the whole header, the first page has the
        // short one too, and the header's notes, profiles and findings go with the legend.
        var details: [TextLine] = []
        if let first = lanesOfWindow.first?.first, firstTop + roomy.lanes[first].box.height + margin > capacity.height {
            details = Array(roomy.headerLines.drop { $0.style == .headline })
            firstTop = otherTop
        }
        let lanesBottom = roomy.lanes.last?.box.maxY ?? roomy.columns.first.map { $0.box.maxY } ?? 0
        let moodHeight = roomy.moodBand.map { $0.maxY - lanesBottom } ?? 0
        let detailsHeight = details.isEmpty ? 0 : details.reduce(0) { $0 + $1.height } + 13
        let legendHeight = roomy.legend.maxY - (roomy.moodBand?.maxY ?? lanesBottom) + detailsHeight
        /// A lane on a page: whole, or (compact, a lane taller than a page) the cards of its
        /// cells from the `tiers`-th down (the first, second … card of every cell).
        struct Row { var lanes: [(lane: Int, tiers: Range<Int>?)] = []; var mood = false; var legend = false }
        var rows = [[Row]](repeating: [], count: windows.count)
        var rowOfLane = [[Int]](repeating: [Int](repeating: 0, count: roomy.lanes.count), count: windows.count)
        let cells = whole.layout == .compact ? SwimlaneLayout.cells(roomy, stepWindow: stepWindow, stepLane: stepLane, windows: windows.count)
            : [:]
        for w in windows.indices {
            var items: [(lane: Int?, mood: Bool, height: Double)] = lanesOfWindow[w].map { ($0, false, roomy.lanes[$0].box.height) }
            if roomy.moodBand != nil { items.append((nil, true, moodHeight)) }
            if w == windows.count - 1 || items.isEmpty { items.append((nil, false, legendHeight)) }
            var used = 0.0
            func top() -> Double { w == 0 && rows[w].count <= 1 ? firstTop : otherTop }
            for item in items {
                if let lane = item.lane, let laneCells = cells[SwimlaneLayout.CellKey(window: w, lane: lane)],
                   otherTop + item.height + margin > capacity.height {
                    // Too tall for any page: cut between the cards of its cells, each part
                    // as tall as a page allows; the last part may share its page.
                    var start = 0
                    let tiers = laneCells.map(\.count).max() ?? 0
                    while start < tiers {
                        if !rows[w].isEmpty && used > 0 { rows[w].append(Row()); used = 0 }
                        if rows[w].isEmpty { rows[w].append(Row()) }
                        let budget = capacity.height - top() - margin
                        var end = start + 1
                        while end < tiers && SwimlaneLayout.sliceHeight(roomy, laneCells, start..<(end + 1)) <= budget { end += 1 }
                        rows[w][rows[w].count - 1].lanes.append((lane, start..<end))
                        used = SwimlaneLayout.sliceHeight(roomy, laneCells, start..<end)
                        start = end
                    }
                    continue
                }
                if rows[w].isEmpty || (used > 0 && top() + used + item.height + margin > capacity.height) {
                    rows[w].append(Row())
                    used = 0
                }
                let r = rows[w].count - 1
                if let lane = item.lane {
                    rows[w][r].lanes.append((lane, nil))
                    rowOfLane[w][lane] = r
                } else if item.mood {
                    rows[w][r].mood = true
                } else {
                    rows[w][r].legend = w == windows.count - 1
                }
                used += item.height
            }
        }

        // The numbers each card lists: the steps its arrows lead to on other pages.
        var offPage: [Int: [Int]] = [:]
        for (i, away) in reserved {
            let w = stepWindow[i]
            let elsewhere = away.filter { stepWindow[$0] != w || rowOfLane[w][stepLane[$0]] != rowOfLane[w][stepLane[i]] }
            if !elsewhere.isEmpty { offPage[i] = elsewhere }
        }
        let final = offPage == reserved ? roomy : SwimlaneLayout(result, options: options, offPage: offPage)

        let count = rows.reduce(0) { $0 + $1.count }
        // The cards and arrows of each window, found once (not once a page).
        var cardsOf = [[Int]](repeating: [], count: windows.count)
        for (n, card) in final.cards.enumerated() { cardsOf[stepWindow[card.step]].append(n) }
        var edgesOf = [[Int]](repeating: [], count: windows.count)
        for (n, edge) in final.edges.enumerated() where stepWindow[edge.from] == stepWindow[edge.to] {
            edgesOf[stepWindow[edge.from]].append(n)
        }
        var pages: [SwimlaneLayout] = []
        for (w, win) in windows.enumerated() {
            for row in rows[w] {
                let number = pages.count + 1
                var header = shortHeader
                if number == 1 && details.isEmpty { header = final.headerLines }
                header.append(TextLine(text: "\(Localized.text(.page, language)) \(number)/\(count)", style: .muted))
                pages.append(final.page(window: win, windowIndex: w, cards: cardsOf[w], edges: edgesOf[w], rowLanes: row.lanes, cells: cells, stepLane: stepLane, language: language,
                                        mood: row.mood, legend: row.legend, details: details, header: header))
            }
        }
        self.pages = pages
        scale = fitted(pages)
    }
}

extension SwimlaneLayout {
    /// An empty picture, for a page to be filled in.
    init() {}

    /// The smallest text in a diagram, in layout points: card lines and the mood curve's numbers.
    static let smallestFont = 10.0
    /// Where the phase columns start: the lane labels are to their left.
    static let contentLeft = margin + laneLabelWidth + 8

    /// One page: the columns within `window` (moved to the left edge), the lanes `rowLanes`
    /// (moved up under the header), their cards and the arrows between them, and the mood
    /// band and legend if this page has them.
    func page(window: (x0: Double, x1: Double), windowIndex: Int, cards windowCards: [Int], edges windowEdges: [Int],
              rowLanes: [(lane: Int, tiers: Range<Int>?)],
              cells: [CellKey: [[Int]]], stepLane: [Int], language: KeywordLanguage, mood: Bool, legend hasLegend: Bool, details: [TextLine], header: [TextLine]) -> SwimlaneLayout {
        var p = SwimlaneLayout()
        p.layout = layout
        let margin = Self.margin
        let dx = Self.contentLeft - window.x0
        p.width = Self.contentLeft + (window.x1 - window.x0) + margin
        var y = margin
        p.headerLines = header
        let headerHeight = header.reduce(0) { $0 + $1.height } + 8
        p.header = Box(x: margin, y: y, width: p.width - 2 * margin, height: headerHeight)
        y += headerHeight + 10
        for column in columns where column.box.maxX > window.x0 + 0.5 && column.box.x < window.x1 - 0.5 {
            let x0 = max(column.box.x, window.x0), x1 = min(column.box.maxX, window.x1)
            p.columns.append(PhaseColumn(phase: column.phase, box: Box(x: x0 + dx, y: 0, width: x1 - x0, height: 0),
                                         header: Box(x: x0 + dx + 2, y: y, width: x1 - x0 - 4, height: Self.phaseHeaderHeight),
                                         empty: column.empty, continued: column.box.x < window.x0 - 0.5))
        }
        y += Self.phaseHeaderHeight + 6
        let lanesTop = y
        // Each lane moves up by its own distance (the lanes between may be on other pages);
        // a point of an arrow moves with the lane it lies in.
        var shift = [Int: Double]()
        // Where the cards of a lane cut between pages go: each cell's cards of those tiers,
        // stacked from the lane's top.
        var restacked = [Int: Double]()
        for (l, tiers) in rowLanes {
            var lane = lanes[l]
            shift[l] = y - lane.box.y
            var height = lane.box.height
            if let tiers, let laneCells = cells[CellKey(window: windowIndex, lane: l)] {
                height = Self.sliceHeight(self, laneCells, tiers)
                for cell in laneCells {
                    var cy = y + Self.compactCellPadding
                    for s in cell[min(tiers.lowerBound, cell.count)..<min(tiers.upperBound, cell.count)] {
                        restacked[s] = cy
                        cy += cards[s].box.height + Self.compactCardGap
                    }
                }
                if tiers.lowerBound > 0 {
                    lane.lines.append(TextLine(text: "(\(Localized.text(.continued, language)))", style: .muted))
                }
            }
            lane.box = Box(x: margin, y: y, width: p.width - 2 * margin, height: height)
            p.lanes.append(lane)
            y = lane.box.maxY
        }
        let laneNumbers = rowLanes.map(\.lane)
        func moved(_ y: Double) -> Double {
            for l in laneNumbers where y >= lanes[l].box.y && y <= lanes[l].box.maxY { return y + shift[l]! }
            return y
        }
        p.closeColumns(top: lanesTop, bottom: y)
        var shown = Set<Int>()
        let sliced = Set(rowLanes.filter { $0.tiers != nil }.map(\.lane))
        let onPage = Set(laneNumbers)
        for n in windowCards where onPage.contains(stepLane[cards[n].step]) {
            var card = cards[n]
            card.box.x += dx
            if sliced.contains(stepLane[card.step]) {
                guard let y = restacked[card.step] else { continue }
                card.box.y = y
            } else {
                card.box.y += shift[stepLane[card.step]]!
            }
            p.cards.append(card)
            shown.insert(card.step)
        }
        for edge in windowEdges.map({ edges[$0] }) where shown.contains(edge.from) && shown.contains(edge.to) {
            p.edges.append(Edge(from: edge.from, to: edge.to, points: edge.points.map { ($0.0 + dx, moved($0.1)) }))
        }
        if mood, let band = moodBand {
            let placed = Box(x: margin, y: y + 10, width: p.width - 2 * margin, height: band.height)
            p.moodBand = placed
            p.moodBandLines = moodBandLines
            for point in moodPoints where point.x >= window.x0 && point.x < window.x1 {
                var point = point
                point.x += dx
                point.y += placed.y - band.y
                p.moodPoints.append(point)
            }
            y = placed.maxY
        }
        if hasLegend {
            // The header's details, when they did not fit on the first page, above the legend.
            p.legendLines = details.isEmpty ? legendLines : details + [TextLine(text: "", style: .body)] + legendLines
            let extra = details.isEmpty ? 0 : details.reduce(0) { $0 + $1.height } + 13
            p.legend = Box(x: margin, y: y + 14, width: details.isEmpty ? min(560, p.width - 2 * margin) : p.width - 2 * margin,
                           height: legend.height + extra)
            y = p.legend.maxY
        }
        p.height = y + margin
        return p
    }

    /// A cell of the compact layout on a page: its window and lane.
    struct CellKey: Hashable { var window: Int; var lane: Int }

    /// The compact layout's cells by window and lane, each its steps top to bottom, the cells
    /// left to right.
    static func cells(_ layout: SwimlaneLayout, stepWindow: [Int], stepLane: [Int], windows: Int) -> [CellKey: [[Int]]] {
        var byX = [CellKey: [Double: [Int]]]()
        for card in layout.cards {
            byX[CellKey(window: stepWindow[card.step], lane: stepLane[card.step]), default: [:]][card.box.x, default: []].append(card.step)
        }
        return byX.mapValues { columns in
            columns.keys.sorted().map { x in columns[x]!.sorted { layout.cards[$0].box.y < layout.cards[$1].box.y } }
        }
    }

    /// How tall a lane is that shows the `tiers` of its cells' cards.
    static func sliceHeight(_ layout: SwimlaneLayout, _ cells: [[Int]], _ tiers: Range<Int>) -> Double {
        var tallest = 60.0
        for cell in cells where tiers.lowerBound < cell.count {
            let shown = cell[tiers.lowerBound..<min(tiers.upperBound, cell.count)]
            let h = shown.reduce(0) { $0 + layout.cards[$1].box.height } + Double(shown.count - 1) * compactCardGap
            tallest = max(tallest, h + 2 * compactCellPadding)
        }
        return tallest
    }

    /// Moves everything by (dx, dy) and makes the picture `width` × `height`: a page put on
    /// its sheet.
    func placed(dx: Double, dy: Double, width: Double, height: Double) -> SwimlaneLayout {
        func m(_ b: Box) -> Box { Box(x: b.x + dx, y: b.y + dy, width: b.width, height: b.height) }
        var p = self
        p.width = width
        p.height = height
        p.header = m(header)
        p.lanes = lanes.map { var l = $0; l.box = m(l.box); return l }
        p.columns = columns.map { var c = $0; c.box = m(c.box); c.header = m(c.header); return c }
        p.separators = separators.map(m)
        p.cards = cards.map { var c = $0; c.box = m(c.box); return c }
        p.edges = edges.map { Edge(from: $0.from, to: $0.to, points: $0.points.map { ($0.0 + dx, $0.1 + dy) }) }
        p.legend = m(legend)
        p.moodBand = moodBand.map(m)
        p.moodPoints = moodPoints.map { var q = $0; q.x += dx; q.y += dy; return q }
        return p
    }
}
