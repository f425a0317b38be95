import PolkuCheck
import PolkuEscaping
import PolkuModel
import PolkuSyntax

/// Writes the swimlane diagram of a checked journey as DOT, every node and arrow pinned
/// (`layout="nop2"`), so Graphviz only draws: the same DOT gives the same picture from the
/// library or from `dot -Tsvg`. Node ids are generated (`lane0`, `s3`); journey text only
/// ever appears as escaped text inside HTML-like labels.
package enum SwimlaneDiagram {
    package static let fontName = "DejaVu Sans"

    /// A number as DOT text: two decimals at most, without trailing zeros (12, 12.5, 12.05).
    package static func number(_ v: Double) -> String {
        let scaled = Int((v * 100).rounded())
        let whole = scaled / 100, frac = abs(scaled % 100)
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        if frac == 0 { return "\(sign)\(whole)" }
        let tens = frac / 10, ones = frac % 10
        return ones == 0 ? "\(sign)\(whole).\(tens)" : "\(sign)\(whole).\(tens)\(ones)"
    }

    package static func dot(_ result: CheckResult, options: DiagramOptions = DiagramOptions()) -> String {
        dotAndSize(result, options: options).dot
    }

    /// The DOT text and the picture's size in points.
    package static func dotAndSize(_ result: CheckResult, options: DiagramOptions = DiagramOptions())
        -> (dot: String, width: Double, height: Double) {
        let layout = SwimlaneLayout(result, options: options)
        return (dot(layout, result, options: options), layout.width, layout.height)
    }

    /// The DOT text of one laid-out picture (the whole diagram, or a page of it). With
    /// `paperInches`, Graphviz scales the picture to exactly that size (the layout is then
    /// a sheet whose proportions are the paper's).
    static func dot(_ layout: SwimlaneLayout, _ result: CheckResult, options: DiagramOptions,
                    paperInches: (width: Double, height: Double)? = nil) -> String {
        let theme = options.theme
        let height = layout.height
        var out = ""
        out.reserveCapacity(4096 + layout.cards.count * 1200)

        func n(_ v: Double) -> String { number(v) }
        func inches(_ v: Double) -> String { n(v / 72) }
        func pos(_ x: Double, _ y: Double) -> String { "\(n(x)),\(n(height - y))" }
        func q(_ s: String) -> String { Escaping.dotQuoted(s) }
        func fontColor(_ style: TextLine.Style) -> String {
            switch style {
            case .finding: theme.findingText
            case .muted: theme.mutedText
            default: theme.text
            }
        }
        // A label's table, appended piece by piece: interpolating each row into a string of
        // its own and appending that was most of the time Polku spends writing DOT.
        func rows(_ lines: [TextLine], color: String? = nil, width: Double) -> String {
            // Graphviz ignores (and warns about) widths over 65,535 points.
            var html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\" WIDTH=\""
            html.reserveCapacity(128 + lines.count * 160)
            html += String(min(Int(width), 65_000))
            html += "\">"
            for line in lines {
                let size: String = switch line.style {
                case .headline: "16"
                case .title: "12"
                case .heading: "11"
                default: "10"
                }
                let bold = line.style == .headline || line.style == .title || line.style == .heading || line.style == .mark
                let italic = line.style == .note
                html += "<TR><TD ALIGN=\"LEFT\" HEIGHT=\""
                html += String(Int(line.height))
                html += "\"><FONT POINT-SIZE=\""
                html += size
                html += "\" COLOR=\""
                html += color ?? fontColor(line.style)
                html += "\">"
                if italic { html += "<I>" }
                if bold { html += "<B>" }
                let text = Escaping.graphvizLabel(line.text)
                html += text.isEmpty ? " " : text
                if bold { html += "</B>" }
                if italic { html += "</I>" }
                html += "</FONT></TD></TR>"
            }
            html += "</TABLE>"
            return html
        }
        func box(_ id: String, _ b: Box, _ attributes: String) {
            out += "  \(id) [pos=\"\(pos(b.midX, b.midY))!\", width=\(inches(b.width)), height=\(inches(b.height)), \(attributes)];\n"
        }

        out += "digraph journey {\n"
        out += "  graph [layout=\"nop2\", bb=\"0,0,\(n(layout.width)),\(n(height))\", bgcolor=\(q(theme.background)), "
        out += "fontname=\(q(fontName)), outputorder=\"nodesfirst\", notranslate=true, pad=\"0\""
        if let dpi = options.dpi { out += ", dpi=\(n(dpi))" }
        if let paper = paperInches {
            // Rounded down to a thousandth of an inch, so the picture never exceeds the paper.
            func down(_ v: Double) -> String {
                let m = Int((v * 1000).rounded(.down))
                let frac = String(m % 1000)
                return "\(m / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac)"
            }
            // margin=0: the PDF device would add half an inch around the sheet.
            out += ", size=\"\(down(paper.width)),\(down(paper.height))!\", margin=\"0\""
        }
        out += "];\n"
        out += "  node [shape=box, fixedsize=true, fontname=\(q(fontName)), label=\"\", penwidth=0, style=filled, margin=0];\n"
        out += "  edge [color=\(q(theme.edge)), penwidth=1.4, arrowhead=normal, arrowsize=0.7];\n"

        // Two invisible corners fix the drawing's extent, margins included (Graphviz would
        // otherwise crop to the outermost node).
        out += "  corner0 [pos=\"0,0!\", width=0.01, height=0.01, style=invis];\n"
        out += "  corner1 [pos=\"\(n(layout.width)),\(n(height))!\", width=0.01, height=0.01, style=invis];\n"
        // Backgrounds first: lanes, then phase headers and separators.
        for lane in layout.lanes {
            let i = lane.number
            box("lane\(i)", lane.box, "fillcolor=\(q(theme.laneFills[i % theme.laneFills.count])), color=\(q(theme.laneFills[i % theme.laneFills.count]))")
            let label = Box(x: lane.box.x, y: lane.box.y, width: SwimlaneLayout.laneLabelWidth, height: lane.box.height)
            box("lanelabel\(i)", label, "fillcolor=\(q(theme.laneLabelFill)), color=\(q(theme.separator)), penwidth=0.8, label=<\(rows(lane.lines, width: label.width - 16))>")
        }
        let language = options.language ?? result.analysis.journey.language
        for column in layout.columns {
            let i = Phase.allCases.firstIndex(of: column.phase)!
            let name = Labels.phase(column.phase, language)
            var lines = [TextLine(text: column.continued ? "\(name) (\(Localized.text(.continued, language)))" : name, style: .heading)]
            if column.empty { lines.append(TextLine(text: Localized.text(.noSteps, language), style: .body)) }
            let border = theme.phaseFill == theme.background ? ", color=\(q(theme.text)), penwidth=1.2" : ", color=\(q(theme.phaseFill))"
            box("phase\(i)", column.header, "style=\"rounded,filled\", fillcolor=\(q(theme.phaseFill))\(border), label=<\(rows(lines, color: theme.phaseText, width: column.header.width - 16))>")
        }
        for (i, s) in layout.separators.enumerated() {
            box("sep\(i)", s, "fillcolor=\(q(theme.separator)), color=\(q(theme.separator))")
        }
        box("header", layout.header, "style=\"\", label=<\(rows(layout.headerLines, width: layout.header.width))>")
        if let band = layout.moodBand {
            box("moodband", band, "fillcolor=\(q(theme.laneFills[0])), color=\(q(theme.separator)), penwidth=0.8")
            let label = Box(x: band.x, y: band.y, width: SwimlaneLayout.laneLabelWidth, height: band.height)
            box("moodlabel", label, "fillcolor=\(q(theme.laneLabelFill)), color=\(q(theme.separator)), penwidth=0.8, label=<\(rows(layout.moodBandLines, width: label.width - 16))>")
        }

        // Cards.
        for card in layout.cards {
            var style = card.hasFindings ? "rounded,filled,dashed" : "rounded,filled"
            var border = card.hasFindings ? theme.findingBorder : theme.cardBorder
            var pen = card.hasFindings ? "2.2" : "1.2"
            var inner = card.box
            inner.width -= 2 * SwimlaneLayout.cardPadding
            // `id`: the card's group in SVG is `step-N`, N its number on the card, so a page
            // (or a link, `#step-3`) can find it; a removed step (`--compare`) is `removed-N`.
            var id = "step-\(card.step + 1)"
            var extra = ""
            switch card.mark {
            case .added?:
                // A double border: two outlines, whatever the colour.
                extra = ", peripheries=2"
            case .changed?:
                pen = card.hasFindings ? "3.4" : "3.2"
            case .removed?:
                style = "rounded,filled,dotted"
                border = theme.separator
                pen = "1.8"
                id = "removed-\(card.step - (options.comparison?.firstRemoved ?? 0) + 1)"
            case nil:
                break
            }
            box("s\(card.step)", card.box, "id=\"\(id)\", style=\(q(style)), fillcolor=\(q(theme.cardFill)), color=\(q(border)), penwidth=\(pen)\(extra), label=<\(rows(card.lines, width: inner.width))>")
        }
        if !layout.legendLines.isEmpty { box("legend", layout.legend, "style=\"rounded,filled\", fillcolor=\(q(theme.background)), color=\(q(theme.separator)), penwidth=0.8, label=<\(rows(layout.legendLines, width: layout.legend.width - 20))>") }

        // Arrows, each a pinned route of straight pieces written as a cubic B-spline.
        for edge in layout.edges {
            var spline: [(Double, Double)] = [edge.points[0]]
            for k in 1..<edge.points.count {
                let (x0, y0) = edge.points[k - 1], (x1, y1) = edge.points[k]
                spline += [(x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3), (x0 + 2 * (x1 - x0) / 3, y0 + 2 * (y1 - y0) / 3), (x1, y1)]
            }
            let tip = (edge.points.last!.0 + 9, edge.points.last!.1)
            let p = "e,\(pos(tip.0, tip.1)) " + spline.map { pos($0.0, $0.1) }.joined(separator: " ")
            out += "  s\(edge.from) -> s\(edge.to) [pos=\"\(p)\"];\n"
        }
        // The mood curve: a point per step with its number, the lowest ones ringed twice,
        // joined by a line that stops at each point's edge.
        let size = SwimlaneLayout.moodPointSize
        for point in layout.moodPoints {
            let shape = point.lowest ? "doublecircle" : "circle"
            let pen = point.lowest ? "2" : "1.4"
            out += "  mood\(point.step) [shape=\(shape), pos=\"\(pos(point.x, point.y))!\", width=\(inches(size)), height=\(inches(size)), "
            out += "fillcolor=\(q(theme.cardFill)), color=\(q(theme.text)), penwidth=\(pen), "
            out += "label=<<FONT POINT-SIZE=\"10\" COLOR=\(q(theme.text))><B>\(point.mood)</B></FONT>>];\n"
        }
        for (a, b) in zip(layout.moodPoints, layout.moodPoints.dropFirst()) {
            let dx = b.x - a.x, dy = b.y - a.y
            let length = max((dx * dx + dy * dy).squareRoot(), 1)
            let r = size / 2 + 2
            let from = (a.x + dx / length * r, a.y + dy / length * r), to = (b.x - dx / length * r, b.y - dy / length * r)
            let spline = [from, (from.0 + (to.0 - from.0) / 3, from.1 + (to.1 - from.1) / 3),
                          (from.0 + 2 * (to.0 - from.0) / 3, from.1 + 2 * (to.1 - from.1) / 3), to]
            out += "  mood\(a.step) -> mood\(b.step) [arrowhead=none, penwidth=2, color=\(q(theme.text)), pos=\"\(spline.map { pos($0.0, $0.1) }.joined(separator: " "))\"];\n"
        }
        out += "}\n"
        return out
    }

    /// A diagram fitted to paper: the DOT text of each page, the steps on each, and how it
    /// was fitted.
    package struct Paged: Sendable {
        package var dots: [String]
        /// The steps drawn on each page, for each page's text alternative.
        package var steps: [[Int]]
        /// The size of the smallest text in points (under `PageSetup.smallestText` only when
        /// a single lane is taller than a page).
        package var smallestText: Double
        /// The sheet as used (an `auto` orientation decided), and the options drawn with (the
        /// layout decided, the PNG resolution that gives `pixelWidth`).
        package var setup: PageSetup
        package var options: DiagramOptions
    }

    /// The diagram cut into pages of `setup`'s sheet (see `PagedLayout`). An `auto` layout
    /// or orientation is the one that needs the fewest pages, then the one with the
    /// largest text; on a tie the usual layout (`DiagramLayout.chosen(for:)`), standing.
    /// Each candidate is laid out once, and the chosen one is drawn from that layout.
    package static func pages(_ result: CheckResult, options: DiagramOptions, setup: PageSetup) -> Paged {
        let usual = options.layout.chosen(for: result.analysis.journey)
        let layouts: [DiagramLayout] = options.layout == .auto ? [usual, usual == .compact ? .timeline : .compact] : [usual]
        let orientations: [Orientation] = setup.orientation == .auto ? [.portrait, .landscape] : [setup.orientation]
        var best: (paged: PagedLayout, setup: PageSetup, options: DiagramOptions)?
        for layout in layouts {
            for orientation in orientations {
                var o = options
                o.layout = layout
                var s = setup
                s.orientation = orientation
                let paged = PagedLayout(result, options: o, setup: s)
                if best == nil || paged.pages.count < best!.paged.pages.count
                    || (paged.pages.count == best!.paged.pages.count && paged.scale > best!.paged.scale + 1e-9) {
                    best = (paged, s, o)
                }
            }
        }
        let (paged, chosen, picked) = best!
        var chosenOptions = picked
        let s = paged.scale
        let sheet = chosen.size
        // PNG of an exact width: the resolution that makes the chosen sheet that wide.
        if let width = chosenOptions.pixelWidth { chosenOptions.dpi = Double(width) * 72 / sheet.width }
        let offset = chosen.marginPoints / s - SwimlaneLayout.margin
        let dots = paged.pages.map { page in
            dot(page.placed(dx: offset, dy: offset, width: sheet.width / s, height: sheet.height / s), result,
                options: chosenOptions, paperInches: (sheet.width / 72, sheet.height / 72))
        }
        return Paged(dots: dots, steps: paged.pages.map { $0.cards.map(\.step) }, smallestText: SwimlaneLayout.smallestFont * s,
                     setup: chosen, options: chosenOptions)
    }

    /// Where the cards are, in points from the top left, and each card's first line (its
    /// number and title), in step order; and the layout drawn. For tests and tools that check
    /// the picture's geometry.
    package static func cards(_ result: CheckResult, options: DiagramOptions = DiagramOptions())
        -> (layout: DiagramLayout, width: Double, cards: [(step: Int, x: Double, y: Double, width: Double, height: Double, firstLine: String)]) {
        let layout = SwimlaneLayout(result, options: options)
        return (layout.layout, layout.width, layout.cards.map { ($0.step, $0.box.x, $0.box.y, $0.box.width, $0.box.height, $0.lines.first?.text ?? "") })
    }

    /// The diagram's title, for the SVG's `<title>`: "Service journey diagram: <journey>".
    package static func title(_ result: CheckResult, options: DiagramOptions = DiagramOptions()) -> String {
        let journey = result.analysis.journey
        return "\(Localized.text(.diagramOf, options.language ?? journey.language)): \(journey.title.value)"
    }

    /// What a pointer resting on a part of the drawing shows, by the Graphviz name this file
    /// gives the part (for `SVGAccessibility.retitle`): a card its step's title, an arrow
    /// "From → To", a lane and its label the channel (name and label), a phase header the
    /// phase, the header and the drawing as a whole the diagram's title, the legend
    /// "Legend"; corners and separators nothing. Nil for a name this file does not give.
    package static func hoverTitles(_ result: CheckResult, options: DiagramOptions = DiagramOptions()) -> (String) -> String? {
        let journey = result.analysis.journey
        let language = options.language ?? journey.language
        let lanes = SwimlaneLayout.laneChannels(journey)
        let diagramTitle = GraphvizText.capped(title(result, options: options))
        func index(_ name: Substring, _ prefix: String, below count: Int) -> Int? {
            guard name.hasPrefix(prefix), let i = Int(name.dropFirst(prefix.count)), i >= 0, i < count else { return nil }
            return i
        }
        func step(_ name: Substring) -> String? {
            index(name, "s", below: journey.steps.count).map { GraphvizText.capped(journey.steps[$0].title.value, 200) }
        }
        func mood(_ name: Substring) -> String? {
            index(name, "mood", below: journey.steps.count).map { i in
                "\(Localized.text(.mood, language)) \(journey.steps[i].moodValue.map { "\($0)/5" } ?? ""): \(GraphvizText.capped(journey.steps[i].title.value, 200))"
            }
        }
        return { name in
            let name = Substring(name)
            // A piece of the mood curve, `mood2->mood4`.
            if name.hasPrefix("mood"), let dash = name.firstIndex(of: "-"), name[name.index(after: dash)...].hasPrefix(">") {
                guard let from = mood(name[..<dash]), let to = mood(name[name.index(dash, offsetBy: 2)...]) else { return nil }
                return "\(from) → \(to)"
            }
            if name == "moodband" || name == "moodlabel" { return Localized.text(.mood, language) }
            if let m = mood(name) { return m }
            // An arrow, `s4->s6`.
            if let dash = name.firstIndex(of: "-"), name[name.index(after: dash)...].hasPrefix(">") {
                guard let from = step(name[..<dash]), let to = step(name[name.index(dash, offsetBy: 2)...]) else { return nil }
                return "\(from) → \(to)"
            }
            if let s = step(name) { return s }
            if let i = index(name, "lanelabel", below: lanes.count) ?? index(name, "lane", below: lanes.count) {
                // As the lane's label shows it: the channel's name, and its own label if it has one.
                let short = journey.channelShortName(lanes[i], language)
                let label = journey.channels[lanes[i]].label?.value ?? ""
                return GraphvizText.capped(label.isEmpty || label == short ? short : "\(short) – \(label)", 200)
            }
            if let i = index(name, "phase", below: Phase.allCases.count) { return Labels.phase(Phase.allCases[i], language) }
            if name == "journey" || name == "header" { return diagramTitle }
            if name == "legend" { return Localized.text(.legend, language) }
            if name.hasPrefix("sep") || name.hasPrefix("corner") { return "" }
            return nil
        }
    }

    /// A text alternative for the whole diagram: the steps of each phase in order, with their
    /// channels, and how many findings there are. Goes into the SVG's `<desc>`.
    /// - Parameter page: for one page of a diagram cut into pages: its number, the number
    ///   of pages and the steps on it; the description then names only those steps.
    package static func description(_ result: CheckResult, options: DiagramOptions = DiagramOptions(),
                                    page: (number: Int, of: Int, steps: Set<Int>)? = nil) -> String {
        let journey = result.analysis.journey
        let language = options.language ?? journey.language
        var parts: [String] = ["\(Localized.text(.diagramOf, language)): \(journey.title.value)."]
        if let page { parts[0] += " \(Localized.text(.page, language)) \(page.number)/\(page.of)." }
        func shown(_ step: Step) -> Bool { page.map { $0.steps.contains(step.index) } ?? true }
        let personas = journey.focus.map { journey.personas[$0].description.value.isEmpty ? journey.personas[$0].id : journey.personas[$0].description.value }
        if !personas.isEmpty { parts.append("\(Localized.text(.forWhom, language)): \(personas.joined(separator: "; ")).") }
        let order = SwimlaneLayout.drawingOrder(journey, options.comparison).map { journey.steps[$0] }
        for phase in Phase.allCases {
            let steps = order.filter { $0.phase == phase && shown($0) }
            if page != nil && steps.isEmpty { continue }
            let list = steps.isEmpty ? Localized.text(.noSteps, language) : steps.map { step in
                guard let comparison = options.comparison else {
                    return "\(step.index + 1). \(step.title.value) (\(journey.channelShortName(step.channel, language)))"
                }
                let number = comparison.isRemoved(step.index) ? "" : "\(step.index + 1). "
                let mark = comparison.marks[step.index].map { ", \($0.description)" } ?? ""
                return "\(number)\(step.title.value) (\(journey.channelShortName(step.channel, language))\(mark))"
            }.joined(separator: "; ")
            parts.append("\(Labels.phase(phase, language)): \(list).")
        }
        // The mood curve in words: each step's mood in order, then where it is lowest.
        let moods = journey.steps.filter { $0.moodValue != nil && shown($0) }
        if let lowest = moods.compactMap(\.moodValue).min() {
            let curve = moods.map { "\($0.index + 1). \($0.title.value) \($0.moodValue!)/5" }.joined(separator: "; ")
            let low = moods.filter { $0.moodValue == lowest }.map { "\($0.index + 1). \($0.title.value)" }.joined(separator: "; ")
            parts.append("\(Localized.text(.mood, language)) (\(Localized.text(.moodScale, language))): \(curve).")
            parts.append("\(Localized.text(.lowestMood, language)): \(low) (\(lowest)/5).")
        }
        if options.showFindings {
            parts.append("\(Localized.text(.findings, language)): \(result.diagnostics.count).")
        }
        if let comparison = options.comparison { parts.append(comparison.summary) }
        return parts.joined(separator: " ")
    }
}
