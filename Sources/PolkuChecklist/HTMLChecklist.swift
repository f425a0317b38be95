import PolkuEscaping
import PolkuModel

/// The checklist as one self-contained HTML page: no external files, `lang` set, headings in
/// order, real checkboxes, and a print stylesheet for A4. Well-formed XML as well as HTML, so
/// it can be checked with an XML parser. All journey text is escaped.
package enum HTMLChecklist {
    /// The paper a page is printed on, for the print stylesheet.
    package struct Paper: Sendable {
        /// The CSS `size` of the checklist's pages (`A4`, `A3`, `letter`).
        package var name: String
        /// The diagram's sheet in millimetres, as its pages were drawn (turned for landscape).
        package var sheetWidth: Double
        package var sheetHeight: Double

        package init(name: String, sheetWidth: Double, sheetHeight: Double) {
            self.name = name
            self.sheetWidth = sheetWidth
            self.sheetHeight = sheetHeight
        }

        package static let a4Landscape = Paper(name: "A4", sheetWidth: 297, sheetHeight: 210)
    }

    /// - Parameters:
    ///   - diagram: SVGs to put inline (from `Diagrams`), one a page of `paper`: printed, each
    ///     gets a sheet of its own; or none.
    ///   - paper: the paper the checklist and the diagram's pages are printed on.
    package static func render(_ c: Checklist, diagram: [String] = [], paper: Paper = .a4Landscape) -> String {
        String(decoding: bytes(c, diagram: diagram, paper: paper), as: UTF8.self)
    }

    /// The page as UTF-8 bytes, written onto one buffer. With `send`, the bytes are handed
    /// to it a megabyte at a time as they are written, and the rest is returned.
    package static func bytes(_ c: Checklist, diagram: [String] = [], paper: Paper = .a4Landscape,
                              send: (([UInt8]) -> Void)? = nil) -> [UInt8] {
        var w = Writer()
        w.pieces = Pieces(send: send)
        w.out.reserveCapacity(w.pieces.capacity(whole: 4 * c.sizeHint + diagram.reduce(0) { $0 + $1.utf8.count } + (1 << 16)))
        w.raw("""
        <!DOCTYPE html>
        <html lang="\(c.language.rawValue)">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(e(c.t(.checklistFor))): \(e(c.title))</title>
        <style>
        \(stylesheet)
        \(printSheets(paper, diagram: !diagram.isEmpty))
        </style>
        </head>
        <body>
        <main>
        <h1>\(e(c.t(.checklistFor))): \(e(c.title))</h1>

        """)
        for note in c.journeyNotes { w.raw("<p class=\"note\"><strong>✱ \(e(c.t(.note))):</strong> \(e(note))</p>\n") }
        for (i, line) in c.personaLines.enumerated() {
            w.raw("<p class=\"for\"><strong>\(e(c.t(.forWhom))):</strong> \(e(line))</p>\n")
            for note in c.personaNotes[i] {
                w.raw("<p class=\"note\"><strong>✱ \(e(c.t(.note))) (\(e(c.personaIds[i]))):</strong> \(e(note))</p>\n")
            }
        }
        w.raw("<p class=\"legend\">\(e(c.t(.legendChecklist)))</p>\n")
        steps(c, &w)
        w.raw("<section>\n<h2>\(e(c.t(.channelSelfAssessment)))</h2>\n")
        w.raw(table([c.t(.channel), c.t(.competence), c.t(.presence), c.t(.notes)],
                    c.channels.map { [$0.name, $0.competence, $0.presence, $0.notes] }))
        w.raw("</section>\n")
        if !c.personas.isEmpty {
            w.raw("<section>\n<h2>\(e(c.t(.customerProfiles)))</h2>\n")
            w.raw(table([c.t(.persona), c.t(.waysOfUsing), c.t(.channelsOffered), c.t(.deliveryEnsured)],
                        c.personas.map { [$0.name, $0.uses, $0.channels, $0.assurance] }))
            w.raw("</section>\n")
        }
        w.raw("<section>\n<h2>\(e(c.t(.summary)))</h2>\n")
        w.raw(summaryTable(c))
        w.raw("</section>\n")
        if !c.accepted.isEmpty {
            w.raw("<section>\n<h2>\(e(c.t(.acceptedFindings)))</h2>\n<ul>\n")
            for a in c.accepted { w.raw("<li>\(e(a))</li>\n") }
            w.raw("</ul>\n</section>\n")
        }
        w.raw("<footer>\(e(c.t(.generatedBy)))</footer>\n")
        // The diagram last: printed, the checklist's pages come first, then the diagram's
        // sheets, with no half-empty page before them.
        if !diagram.isEmpty {
            w.raw("<section class=\"diagram\">\n<h2>\(e(c.t(.diagram)))</h2>\n")
            for page in diagram { w.raw("<figure class=\"sheet\">\n\(inlineSVG(page))\n</figure>\n") }
            w.raw("</section>\n")
        }
        w.raw("</main>\n<script>\n\(tickScript)</script>\n</body>\n</html>\n")
        return w.out
    }

    /// The questions for the whole journey and each phase's steps with what to tick: the
    /// checklist proper (also the workshop page's checklist).
    package static func steps(_ c: Checklist) -> String {
        var w = Writer()
        steps(c, &w)
        return String(decoding: w.out, as: UTF8.self)
    }

    /// `steps(_:)` written onto `w`: a checklist of 100,000 steps has half a million items.
    static func steps(_ c: Checklist, _ w: inout Writer) {
        if !c.journeyQuestions.isEmpty {
            w.raw("<section>\n<h2>")
            w.text(c.t(.wholeJourney))
            w.raw("</h2>\n<ul class=\"checklist\">\n")
            for q in c.journeyQuestions {
                w.raw("<li class=\"question\">")
                w.checkbox(key: "journey|", q.text, text: "⚠ ", q.text)
                w.raw("</li>\n")
            }
            w.raw("</ul>\n</section>\n")
        }
        w.words = KindWords(c)
        let words = w.words, room = c.sizeHint * 2
        c.writeSteps(&w, w.pieces) {
            var second = Writer()
            second.words = words
            second.out.reserveCapacity(room)
            return second
        }
    }

    /// What each kind of line says and how it is marked, escaped once for the whole page.
    struct KindWords {
        /// Each kind's name (the `class` and the middle of a checkbox's key) and its label,
        /// by `Kind.index`.
        var names: [[UInt8]]
        var labels: [[UInt8]]

        /// No words yet.
        init() { (names, labels) = ([], []) }

        init(_ c: Checklist) {
            names = Checklist.Item.Kind.allCases.map { Array($0.rawValue.utf8) }
            labels = Checklist.Item.Kind.allCases.map { kind in
                var bytes: [UInt8] = []
                Escaping.xml(c.kindLabel(kind), into: &bytes)
                return bytes
            }
        }
    }

    /// Bytes on their way into the page: markup as it is, or text escaped for XML.
    struct Writer: StepsWriter {
        var out: [UInt8] = []
        /// Where `out` goes when it is full (`steps` passes it on after each step).
        var pieces = Pieces(send: nil)
        /// Bytes gathered on their way out: an item's text escaped (a checkbox shows it twice,
        /// in its key and its label), or a step's channel line before it is escaped.
        var scratch: [UInt8] = []
        /// The kinds' words, for the steps' lines.
        var words = KindWords()
        /// A step's title, escaped once: it is the start of each of its lines' keys.
        private var title: [UInt8] = []

        mutating func start(_ c: Checklist, _ s: Int) {
            raw("<section>\n<h2>")
            text(c.sections[s].heading)
            raw("</h2>\n")
            if c.sections[s].items.isEmpty {
                raw("<p class=\"empty\">")
                text(c.t(.noSteps))
                raw("</p>\n")
            } else {
                raw("<ul class=\"checklist\">\n")
            }
        }

        // By index: copying an item out of the array retains its strings and children.
        mutating func step(_ c: Checklist, _ s: Int, _ n: Int) {
            title.removeAll(keepingCapacity: true)
            Escaping.xml(c.sections[s].items[n].text, into: &title)
            put("<li class=\"step\"><label><input type=\"checkbox\" data-tick=\"")
            out.append(contentsOf: title)
            put("\" /> <strong>")
            // "3. Title", the title as escaped above.
            if let number = c.sections[s].items[n].number {
                ByteOutput.appendDecimal(number, to: &out)
                put(". ")
            }
            out.append(contentsOf: title)
            put("</strong> <span class=\"meta\">— ")
            scratch.removeAll(keepingCapacity: true)
            c.stepChannel(c.sections[s], n, into: &scratch)
            scratch.withUnsafeBufferPointer { Escaping.xml(utf8: $0, into: &out) }
            put("</span></label>")
            if !c.sections[s].items[n].children.isEmpty {
                put("\n<ul>\n")
                for k in c.sections[s].items[n].children.indices {
                    HTMLChecklist.line(c.sections[s].items[n].children[k], words, step: title, &self)
                }
                put("</ul>\n")
            }
            put("</li>\n")
        }

        mutating func end(_ c: Checklist, _ s: Int) {
            if c.sections[s].items.isEmpty { raw("</section>\n") } else { put("</ul>\n</section>\n") }
        }

        mutating func raw(_ markup: String) { out.append(contentsOf: markup.utf8) }
        /// Markup written in the code, copied in one go.
        @inline(__always)
        mutating func put(_ markup: StaticString) { markup.withUTF8Buffer { out.append(contentsOf: $0) } }
        mutating func text(_ text: String) { Escaping.xml(text, into: &out) }

        /// A checkbox and its text; `key` names it in the browser's storage (`tickScript`).
        /// Both are given in parts, escaped part by part (the same as escaping them joined).
        mutating func checkbox(key: String..., text: String...) {
            put("<label><input type=\"checkbox\" data-tick=\"")
            for part in key { self.text(part) }
            put("\" /> ")
            for part in text { self.text(part) }
            put("</label>")
        }
    }

    /// Steps, recommendations, follow-ups and open questions for each phase and in all.
    package static func summaryTable(_ c: Checklist) -> String {
        table([c.t(.phase), c.t(.steps), c.t(.recommendations), c.t(.followUps), c.t(.openQuestions)],
              c.summary.map { [$0.heading, "\($0.steps)", "\($0.recommendations)", "\($0.followUps)", "\($0.questions)"] },
              numeric: true)
    }

    /// Keeps the ticks in the browser's storage, so that they stay ticked after a reload: each
    /// checkbox's `data-tick` is what it says (the step, and the line under it), so ticks
    /// follow their lines when steps are added or moved. The storage key is the page's title;
    /// the workshop page (`polku serve`) names its own with `data-ticks-key` on `<main>`.
    /// Written without `<` and `&`, so that the page stays well-formed XML.
    package static let tickScript = """
    (function () {
      var main = document.querySelector("[data-ticks-key]");
      var key = "polku-ticks " + (main ? main.getAttribute("data-ticks-key") : document.title);
      var saved = {};
      try { saved = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (error) { saved = {}; }
      window.polkuTicks = function (root) {
        root.querySelectorAll("input[data-tick]").forEach(function (box) {
          var tick = box.getAttribute("data-tick");
          box.checked = saved[tick] === 1;
          box.addEventListener("change", function () {
            if (box.checked) { saved[tick] = 1; } else { delete saved[tick]; }
            try { localStorage.setItem(key, JSON.stringify(saved)); } catch (error) { /* private mode: ticks last until the page closes */ }
          });
        });
      };
      window.polkuTicks(document);
    })();

    """

    /// A step's line (`<li>` and all) under the step whose escaped title is `step`.
    static func line(_ item: Checklist.Item, _ words: KindWords, step: [UInt8], _ w: inout Writer) {
        let kind = words.names[item.kind.index], label = words.labels[item.kind.index]
        w.put("<li class=\"")
        w.out.append(contentsOf: kind)
        w.put("\">")
        func span(strong: Bool = false) {
            w.put("<span class=\"")
            w.out.append(contentsOf: kind)
            if strong { w.put("\"><strong>✱ ") } else { w.put("\">") }
            w.out.append(contentsOf: label)
            if strong { w.put(":</strong> ") } else { w.put(": ") }
            w.text(item.text)
            w.put("</span>")
        }
        /// A checkbox keyed `step|kind|text`, showing a mark, a label and the text: written
        /// part by part (escaping the parts is escaping them joined), with no array of parts.
        func box(_ mark: StaticString, labelled: Bool) {
            w.put("<label><input type=\"checkbox\" data-tick=\"")
            w.out.append(contentsOf: step)
            w.put("|")
            w.out.append(contentsOf: kind)
            w.put("|")
            // The text, escaped once for the key and the label both.
            w.scratch.removeAll(keepingCapacity: true)
            Escaping.xml(item.text, into: &w.scratch)
            w.out.append(contentsOf: w.scratch)
            w.put("\" /> ")
            w.put(mark)
            if labelled {
                w.out.append(contentsOf: label)
                w.put(": ")
            }
            if item.kind == .step, let number = item.number {
                ByteOutput.appendDecimal(number, to: &w.out)
                w.put(". ")
            }
            w.out.append(contentsOf: w.scratch)
            w.put("</label>")
        }
        switch item.kind {
        case .need: span()
        case .recommend: box("★ ", labelled: true)
        case .followUp: box("↪ ", labelled: true)
        case .feedback: box("✎ ", labelled: true)
        case .note: span(strong: true)
        case .mood: span()
        case .question: box("⚠ ", labelled: false)
        case .step: box("", labelled: false)
        }
        w.put("</li>\n")
    }

    static func table(_ header: [String], _ rows: [[String]], numeric: Bool = false) -> String {
        var out = "<table>\n<thead><tr>" + header.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += i == 0 ? "<th scope=\"row\">\(e(cell))</th>" : "<td\(numeric ? " class=\"num\"" : "")>\(e(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Text for HTML and XML.
    static func e(_ text: String) -> String { Escaping.xml(text) }

    /// The SVG without its XML declaration, doctype and comments, to sit inside the page:
    /// one pass over the bytes, so a diagram of thousands of steps costs no more than its size.
    package static func inlineSVG(_ svg: String) -> String {
        let bytes = Array(svg.utf8)
        guard let start = ByteSearch.find(Array("<svg".utf8), in: bytes, from: 0) else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start)
        let open = Array("<!--".utf8), close = Array("-->".utf8)
        var i = start
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), i + open.count <= bytes.count, bytes[i..<(i + open.count)].elementsEqual(open),
               let end = ByteSearch.find(close, in: bytes, from: i + open.count) {
                i = end + close.count
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The print rules that depend on the paper: the checklist's pages, and a sheet of its
    /// own for each of the diagram's pages (a named page, turned as the diagram was drawn),
    /// with no margin, since the drawn page has its own.
    static func printSheets(_ paper: Paper, diagram: Bool) -> String {
        func mm(_ v: Double) -> String {
            let tenths = Int((v * 10).rounded())
            return (tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)") + "mm"
        }
        guard diagram else { return "@media print { @page { size: \(paper.name); margin: 16mm 14mm; } }" }
        return """
        @media print {
          @page { size: \(paper.name); margin: 16mm 14mm; }
          @page diagram { size: \(mm(paper.sheetWidth)) \(mm(paper.sheetHeight)); margin: 0; }
          section.diagram h2 { display: none; }
          figure.sheet { page: diagram; break-before: page; break-after: page; margin: 0; border: 0;
                         width: \(mm(paper.sheetWidth)); height: \(mm(paper.sheetHeight)); overflow: hidden; }
          figure.sheet svg { width: 100%; height: 100%; }
        }
        """
    }

    static let stylesheet = """
    :root { color-scheme: light; }
    body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111827; background: #ffffff;
           line-height: 1.45; margin: 0; }
    main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
    h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
    h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #1f2937; }
    p.for { margin: .2rem 0; }
    p.note { margin: .2rem 0; font-style: italic; }
    span.note { font-style: italic; }
    p.legend { color: #374151; font-size: .95rem; }
    p.empty { font-style: italic; color: #374151; }
    ul.checklist, ul.checklist ul { list-style: none; padding-left: 0; }
    ul.checklist ul { margin: .2rem 0 .6rem 1.8rem; }
    ul.checklist > li { margin: .5rem 0; }
    li.question { font-weight: bold; }
    li.question label::after { content: ""; display: block; border-bottom: 1px dotted #6b7280; height: 1.6em; }
    .meta, .need, .mood { color: #374151; }
    label { cursor: pointer; }
    input[type=checkbox] { width: 1.05em; height: 1.05em; margin: 0 .35em 0 0; vertical-align: -0.12em; accent-color: #1f2937; }
    table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
    th, td { border: 1px solid #6b7280; padding: .35rem .5rem; text-align: left; vertical-align: top; }
    thead th { background: #e5e7eb; }
    td.num { text-align: right; }
    figure { margin: 0; }
    figure svg { width: 100%; height: auto; display: block; }
    figure.sheet { margin: 1rem 0; border: 1px solid #6b7280; }
    footer { margin-top: 2rem; color: #374151; font-size: .85rem; }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid-page; page-break-after: avoid; }
      li, tr, figure { break-inside: avoid; page-break-inside: avoid; }
      thead th { background: #e5e7eb; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      input[type=checkbox] { -webkit-appearance: none; appearance: none; border: 1.2px solid #111827; border-radius: 2px; }
      input[type=checkbox]:checked { background: #111827; }
    }
    """
}
