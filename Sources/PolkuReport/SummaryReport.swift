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
    package static func render(_ result: CheckResult, language: KeywordLanguage? = nil) -> String {
        var out = ByteOutput(capacity: 1 << 16)
        write(result, language: language, to: &out)
        return String(decoding: out.finish(), as: UTF8.self)
    }

    /// The summary written to `out`, line by line, handing the bytes on as `out` fills.
    package static func write(_ result: CheckResult, language: KeywordLanguage? = nil, to out: inout ByteOutput) {
        // No line ends in blanks: they only get in the way when pasted. Journey text is in
        // it, so every control character is shown, never sent to the terminal.
        tidy(build(result, language: language ?? result.analysis.tree.language), to: &out)
    }

    /// Each line of `text` without the spaces at its end and with its control characters
    /// shown (`Escaping.terminal`), on the bytes. The lines and spaces are the ones Swift's
    /// characters would give: a CR LF pair is one character, so it does not end a line
    /// here, and a space right after a non-ASCII character (which may be a prepended mark
    /// that takes the space into its character) is left to `trimmingCharacters()`.
    package static func tidy(_ text: String, to out: inout ByteOutput) {
        var text = text
        text.withUTF8 { b in
            func line(_ start: Int, _ end: Int) {
                var last = end
                while last > start && b[last - 1] == 0x20 { last -= 1 }
                if last < end && last > start && b[last - 1] >= 0x80 {
                    let trimmed = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self).trimmingCharacters()
                    out.append(Escaping.terminal(trimmed))
                } else {
                    out.withBytes { Escaping.writeTerminal(UnsafeBufferPointer(rebasing: b[start..<last]), into: &$0) }
                }
            }
            var start = 0
            for i in 0..<b.count where b[i] == 0x0A && (i == 0 || b[i - 1] != 0x0D) {
                line(start, i)
                out.append(0x0A)
                out.flushIfFull()
                start = i + 1
            }
            line(start, b.count)
        }
    }

    static func build(_ result: CheckResult, language: KeywordLanguage) -> String {
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
            return out
        }

        // Which step each finding is about.
        let stepOf = result.diagnostics.map(FindingWords.step(of:))
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
        // Channels by the journey's own names (a declared label), else the built-in
        // channel's name in the language; at most 60 characters of the table: a long label
        // would pad every row of it.
        func channel(_ c: Int) -> String { Self.fitted(journey.channelName(c, language), 60) }
        let names = rows.map(channel)
        let all = say(.all)
        let nameWidth = max(8, all.count, names.map(\.count).max() ?? 0)
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        func number(_ n: Int) -> String { let s = String(n); return String(repeating: " ", count: max(0, 4 - s.count)) + s }
        // A column is four numbers wide, or as wide as the longest phase name.
        let headings = phases.map { Labels.phase($0, language) } + [all]
        let column = max(17, (headings.map(\.count).max() ?? 0) + 3)
        func block(_ c: Cell?) -> String {
            guard let c, c.steps > 0 else { return pad("   -", column) }
            return pad(number(c.steps) + number(c.recommendations) + number(c.followUps) + number(c.findings), column)
        }
        let heads = pad([say(.columnSteps), say(.columnRecommendations), say(.columnFollowUps), "!"]
            .map { String(repeating: " ", count: max(0, 4 - $0.count)) + $0 }.joined(), column)
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

        let shown = result.diagnostics
        if shown.isEmpty {
            out += say(.nothingToTalkAbout) + "\n"
        } else {
            out += say(.whatToTalkAbout, .number(shown.count)) + "\n"
            // Worked out once, not once a finding: the findings are in file order, and their
            // phases' and channels' names are few.
            var lines = LineCursor(source)
            let phaseNames = Phase.allCases.map { Labels.phase($0, language) }
            var channelNames = [String?](repeating: nil, count: journey.channels.count)
            // The lines on bytes, made a string 64 KB at a time (not a line at a time, nor all
            // at once, which held the report twice); `tidy` trims the space a finding without
            // help leaves.
            var bytes: [UInt8] = [], sentence: [UInt8] = []
            var helps = HelpMemo()
            var templates = TemplateCache()
            func write(_ message: Message) {
                sentence.removeAll(keepingCapacity: true)
                w.write(message, templates: &templates, into: &sentence)
                TextForms.writeSentence(sentence, into: &bytes)
            }
            for (n, d) in shown.enumerated() {
                let line = lines.line(of: d.range.start)
                bytes.append(literal: "  ")
                ByteOutput.appendDecimal(n + 1, to: &bytes)
                bytes.append(literal: ". ")
                // Where it is, its values written straight into the sentence (no message made).
                if let index = stepOf[n] {
                    let c = journey.steps[index].channel
                    let name = channelNames[c] ?? channel(c)
                    channelNames[c] = name
                    let phase = phaseNames[phases.firstIndex(of: journey.steps[index].phase)!]
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
                if bytes.count >= 1 << 16 {
                    out += String(decoding: bytes, as: UTF8.self)
                    bytes.removeAll(keepingCapacity: true)
                }
            }
            out += String(decoding: bytes, as: UTF8.self)
        }
        if !result.suppressed.isEmpty {
            out += "\n" + say(.acceptedOnPurpose, .number(result.suppressed.count)) + "\n"
            for s in result.suppressed {
                let line = say(.line, .number(source.location(of: s.diagnostic.range.start).line))
                out += "  - \(line): " + say(.acceptedBecause, .text(s.diagnostic.code.name), .text(s.reason)) + "\n"
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
