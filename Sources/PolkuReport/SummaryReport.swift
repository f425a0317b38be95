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

    /// - Parameter language: the language of the summary; nil: the journey's own.
    package static func render(_ result: CheckResult, language: KeywordLanguage? = nil, blockSize: Int = ReportBlocks.size) -> String {
        var out = ByteOutput(capacity: 1 << 16)
        write(result, language: language, blockSize: blockSize, to: &out)
        return String(decoding: out.finish(), as: UTF8.self)
    }

    /// The summary written to `out`, line by line, handing the bytes on as `out` fills: the
    /// table, then the findings' sentences in blocks (`ReportBlocks`, two blocks at a time
    /// on two threads for a long list), then the findings accepted on purpose. No line ends
    /// in blanks: they only get in the way when pasted. Journey text is in it, so every
    /// control character is shown, never sent to the terminal.
    /// - Parameter blockSize: findings in a block (`ReportBlocks.size` but in tests).
    package static func write(_ result: CheckResult, language: KeywordLanguage? = nil, blockSize: Int = ReportBlocks.size,
                              to out: inout ByteOutput) {
        let language = language ?? result.analysis.tree.language
        // Which step each finding is about, for the table and the list.
        let stepOf = result.diagnostics.map(FindingWords.step(of:))
        let (head, listed) = head(result, language: language, stepOf: stepOf)
        tidy(head, to: &out)
        guard listed else { return }
        if !result.diagnostics.isEmpty {
            let lines = FindingLines(result, language: language, stepOf: stepOf)
            ReportBlocks.write(result.diagnostics.count, blockSize: blockSize, to: &out) { block, bytes in
                lines.write(block, into: &bytes)
            }
        }
        tidy(accepted(result, language: language), to: &out)
    }

    /// Each line of `text` without the spaces at its end and with its control characters
    /// shown (`Escaping.terminal`), on the bytes. The lines and spaces are the ones Swift's
    /// characters would give: a CR LF pair is one character, so it does not end a line
    /// here, and a space right after a non-ASCII character (which may be a prepended mark
    /// that takes the space into its character) is left to `trimmingCharacters()`.
    package static func tidy(_ text: String, to out: inout ByteOutput) {
        var text = text
        text.withUTF8 { b in out.withBytes { tidy(utf8: b, into: &$0) } }
        out.flushIfFull()
    }

    /// `tidy` of UTF-8 bytes, appended to `bytes`.
    static func tidy(utf8 b: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        func line(_ start: Int, _ end: Int) {
            var last = end
            while last > start && b[last - 1] == 0x20 { last -= 1 }
            if last < end && last > start && b[last - 1] >= 0x80 {
                let trimmed = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self).trimmingCharacters()
                bytes.append(contentsOf: Escaping.terminal(trimmed).utf8)
            } else {
                Escaping.writeTerminal(UnsafeBufferPointer(rebasing: b[start..<last]), into: &bytes)
            }
        }
        var start = 0
        for i in 0..<b.count where b[i] == 0x0A && (i == 0 || b[i - 1] != 0x0D) {
            line(start, i)
            bytes.append(0x0A)
            start = i + 1
        }
        line(start, b.count)
    }

    /// The summary up to its list of findings: the title, the table and the line that
    /// introduces the list (or says there is nothing to talk about); `listed` is false when
    /// the rules did not run, and the head then lists the errors to fix first and is all.
    /// - Parameter stepOf: which step each finding is about (nil: the whole journey).
    static func head(_ result: CheckResult, language: KeywordLanguage, stepOf: [Int?]) -> (text: String, listed: Bool) {
        let journey = result.analysis.journey
        let source = result.analysis.source
        let w = Wording(language, keywords: result.analysis.tree.language)
        func say(_ key: ReportMessage, _ values: MessageValue...) -> String { w(Message(key, values: values)) }
        var out = "\(journey.title.value.isEmpty ? source.name : journey.title.value)\n\(source.name)\n"
        // Whom the journey is for, in the journey's own words.
        for p in journey.focus {
            let persona = journey.personas[p]
            let description = persona.description.value.isEmpty ? persona.id : persona.description.value
            out += "\(Localized.text(.forWhom, language)): \(Self.fitted(description, 100))\n"
        }
        out += "\n"
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !result.rulesRan {
            out += (errors.count == 1 ? say(.mustFixFirstOne) : say(.mustFixFirst, .number(errors.count))) + "\n"
            for (n, d) in errors.enumerated() {
                let line = say(.line, .number(source.location(of: d.range.start).line))
                out += "  \(n + 1). \(line): \(TextForms.sentence(w(d.text))) \(d.helpText.map { TextForms.sentence(w($0)) } ?? "")\n"
            }
            return (out, false)
        }

        let phases = Phase.allCases
        var cells = [[Cell]](repeating: [Cell](repeating: Cell(), count: phases.count), count: journey.channels.count)
        // By index: copying a `Step` out of the array retains each of its texts.
        for i in journey.steps.indices {
            let (c, p) = (journey.steps[i].channel, phases.firstIndex(of: journey.steps[i].phase)!)
            cells[c][p].steps += 1
            cells[c][p].recommendations += journey.steps[i].textEnds.count(.recommend)
            cells[c][p].followUps += journey.steps[i].textEnds.count(.followUp)
        }
        var journeyWide = 0
        for index in stepOf {
            if let index {
                cells[journey.steps[index].channel][phases.firstIndex(of: journey.steps[index].phase)!].findings += 1
            } else {
                journeyWide += 1
            }
        }
        let rows = journey.channels.indices.filter { journey.channels[$0].stepCount > 0 }
        let names = rows.map { channelName($0, journey, language) }
        let all = say(.all)
        let nameWidth = max(8, all.count, names.map(\.count).max() ?? 0)
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        // A number is four characters wide, right-aligned, or one more than the largest has
        // digits (the table's totals are its largest): numbers in a row never run together.
        var grand = Cell()
        for row in cells { for cell in row { grand.add(cell) } }
        let largest = max(grand.steps, grand.recommendations, grand.followUps, grand.findings)
        let width = max(4, String(largest).count + 1)
        func right(_ s: String) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        func number(_ n: Int) -> String { right(String(n)) }
        // A column is four numbers wide, or as wide as the longest phase name.
        let headings = phases.map { Labels.phase($0, language) } + [all]
        let column = max(17, (headings.map(\.count).max() ?? 0) + 3, 4 * width + 1)
        func block(_ c: Cell?) -> String {
            guard let c, c.steps > 0 else { return pad(right("-"), column) }
            return pad(number(c.steps) + number(c.recommendations) + number(c.followUps) + number(c.findings), column)
        }
        let heads = pad([say(.columnSteps), say(.columnRecommendations), say(.columnFollowUps), "!"].map(right).joined(), column)
        out += say(.tableIntro) + "\n\n"
        out += pad("", nameWidth) + "  " + headings.map { pad("  " + $0, column) }.joined() + "\n"
        out += pad("", nameWidth) + "  " + String(repeating: heads, count: phases.count + 1) + "\n"
        var totals = [Cell](repeating: Cell(), count: phases.count + 1)
        for (row, name) in zip(rows, names) {
            var sum = Cell()
            var line = pad(name, nameWidth) + "  "
            for p in phases.indices {
                line += block(cells[row][p])
                sum.add(cells[row][p])
                totals[p].add(cells[row][p])
            }
            totals[phases.count].add(sum)
            out += line + block(sum) + "\n"
        }
        out += pad(all, nameWidth) + "  " + totals.map { block($0) }.joined() + "\n\n"
        out += say(.tableKey)
        out += journeyWide > 0 ? say(.moreAboutJourney, .number(journeyWide)) + "\n\n" : "\n\n"

        out += result.diagnostics.isEmpty ? say(.nothingToTalkAbout) + "\n"
            : say(.whatToTalkAbout, .number(result.diagnostics.count)) + "\n"
        return (out, true)
    }

    /// A channel by the journey's own name for it (a declared label), else the built-in
    /// channel's name in the language; at most 60 characters of the table: a long label
    /// would pad every row of it.
    static func channelName(_ c: Int, _ journey: Journey, _ language: KeywordLanguage) -> String {
        fitted(journey.channelName(c, language), 60)
    }

    /// The list's lines, a sentence a finding, numbered, each with where it is; a block of
    /// them written from where its first stands, as `ReportBlocks` asks.
    struct FindingLines: Sendable {
        let result: CheckResult
        let language: KeywordLanguage
        let w: Wording
        /// Which step each finding is about.
        let stepOf: [Int?]
        let phaseNames: [String]

        init(_ result: CheckResult, language: KeywordLanguage, stepOf: [Int?]) {
            self.result = result
            self.language = language
            w = Wording(language, keywords: result.analysis.tree.language)
            self.stepOf = stepOf
            phaseNames = Phase.allCases.map { Labels.phase($0, language) }
        }

        /// The lines of findings `block`, tidied, appended to `out`. Worked out once a
        /// block, not once a finding: the findings are in file order, and their phases' and
        /// channels' names are few. The lines are made on bytes, tidied 64 KB at a time.
        func write(_ block: Range<Int>, into out: inout [UInt8]) {
            let journey = result.analysis.journey
            let diagnostics = result.diagnostics
            var lines = LineCursor(result.analysis.source)
            var channelNames = [String?](repeating: nil, count: journey.channels.count)
            var bytes: [UInt8] = [], sentence: [UInt8] = []
            var helps = HelpMemo()
            var templates = TemplateCache()
            func write(_ message: Message) {
                sentence.removeAll(keepingCapacity: true)
                w.write(message, templates: &templates, into: &sentence)
                TextForms.writeSentence(sentence, into: &bytes)
            }
            func tidied() {
                bytes.withUnsafeBufferPointer { SummaryReport.tidy(utf8: $0, into: &out) }
                bytes.removeAll(keepingCapacity: true)
            }
            for n in block {
                let d = diagnostics[n]
                let line = lines.line(of: d.range.start)
                bytes.append(literal: "  ")
                ByteOutput.appendDecimal(n + 1, to: &bytes)
                bytes.append(literal: ". ")
                // Where it is, its values written straight into the sentence (no message made).
                if let index = stepOf[n] {
                    let c = journey.steps[index].channel
                    let name = channelNames[c] ?? SummaryReport.channelName(c, journey, language)
                    channelNames[c] = name
                    let phase = phaseNames[journey.steps[index].phase.order]
                    Message.fill(ReportMessage.lineIn.template(language), values: 3, keywords: w.keywords, into: &bytes) { v, out in
                        switch v {
                        case 0: ByteOutput.appendDecimal(line, to: &out)
                        case 1: out.appendUTF8(phase)
                        default: out.appendUTF8(name)
                        }
                    }
                } else {
                    Message.fill(ReportMessage.line.template(language), values: 1, keywords: w.keywords, into: &bytes) { _, out in
                        ByteOutput.appendDecimal(line, to: &out)
                    }
                }
                bytes.append(literal: ": ")
                write(d.text)
                bytes.append(0x20)
                if let details = d.details, details.help != nil {
                    helps.append(details, w, into: &bytes) { help, shown in
                        var words: [UInt8] = []
                        w.write(help, into: &words)
                        TextForms.writeSentence(words, into: &shown)
                    }
                }
                bytes.append(0x0A)
                if bytes.count >= 1 << 16 { tidied() }
            }
            tidied()
        }
    }

    /// The findings accepted on purpose, after the list; empty when there are none.
    static func accepted(_ result: CheckResult, language: KeywordLanguage) -> String {
        guard !result.suppressed.isEmpty else { return "" }
        let source = result.analysis.source
        let w = Wording(language, keywords: result.analysis.tree.language)
        func say(_ key: ReportMessage, _ values: MessageValue...) -> String { w(Message(key, values: values)) }
        var out = "\n" + say(.acceptedOnPurpose, .number(result.suppressed.count)) + "\n"
        for s in result.suppressed {
            let line = say(.line, .number(source.location(of: s.diagnostic.range.start).line))
            out += "  - \(line): " + say(.acceptedBecause, .text(s.diagnostic.code.name), .text(s.reason)) + "\n"
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
