import PolkuModel
import PolkuReport
import PolkuSyntax

/// `polku import x.mmd` (or a Markdown file with a ```mermaid block): a Mermaid user journey
/// as a journey file.
///
/// - The title becomes the journey's; each task a step, its score (1 to 5) the step's mood,
///   its actors who serve (`by:`), and a channel in brackets at the end of its name
///   (`Sends a request (email)`) the step's channel.
/// - Sections become phases. A section whose name has a phase word (before, during, after;
///   ennen, aikana, jälkeen; före, under, efter) is that phase; the first such word counts.
///   Any other section is guessed, with a warning: after a section that names its phase,
///   the same phase; else by its place: the first section before the service, the last
///   after it, the others during it, and a lone section during it.
/// - `%%` comments written as a journey file's lines (`recommend: …`) are read back: at the
///   top, the journey's own lines, customer profiles and channels; under a task, that
///   step's lines, with `id:` giving its id. This is how `polku export --to mermaid` keeps
///   what Mermaid cannot show.
package enum MermaidImport {
    /// The comment under a task whose step has no mood (its score is only for drawing), in
    /// each language.
    static func noMood(_ language: KeywordLanguage) -> String {
        switch language {
        case .en: "no mood"
        case .fi: "ei tunnelmaa"
        case .sv: "ingen känsla"
        }
    }

    struct Task {
        var name: String
        var line: Int
        var score: String
        var actors: [String]
        var comments: [(String, Int)] = []
    }

    struct Section {
        var name: String?
        var line: Int
        var tasks: [Task] = []
    }

    package static func journey(from source: SourceFile, language asked: KeywordLanguage?,
                                fallback: KeywordLanguage) -> Result<ImportedJourney, Problems> {
        let all = String(decoding: source.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var warnings: [FileDiagnostic] = []
        func warn(_ line: Int, _ message: Message, label: Message? = nil, help: Message? = nil) {
            warnings.append(FileDiagnostic(source, Diagnostic(.warning, code: .error(.importGuessed), text: message,
                                                              range: source.lineRange(line), label: label, help: help)))
        }
        func refuse(_ line: Int, _ message: Message, help: Message? = nil) -> Result<ImportedJourney, Problems> {
            .failure(Problems(FileDiagnostic(source, Catalog.error(.importInvalid, message, source.lineRange(line), help: help))))
        }

        // The lines of the diagram: a ```mermaid block of Markdown, or the whole file.
        guard let (first, last) = diagramLines(all) else {
            return .failure(Problems(FileDiagnostic(source, .aboutFile(.importInvalid, Message(ExchangeMessage.noMermaidBlock, .text(source.name))))))
        }
        var index = first
        var frontTitle: (String, Int)?
        func trimmed(_ i: Int) -> String { all[i].trimmingBlanks() }
        while index < last && trimmed(index).isEmpty { index += 1 }
        if index < last && trimmed(index) == "---" {
            index += 1
            while index < last && trimmed(index) != "---" {
                let t = trimmed(index)
                if t.lowercased().hasPrefix("title:") { frontTitle = (String(t.dropFirst(6)).trimmingBlanks(), index + 1) }
                index += 1
            }
            index += 1
        }
        while index < last && (trimmed(index).isEmpty || trimmed(index).hasPrefix("%%")) { index += 1 }
        guard index < last, trimmed(index).lowercased() == "journey" else {
            return refuse(min(index, max(last - 1, first)) + 1, Message(ExchangeMessage.notMermaidJourney),
                          help: Message(ExchangeMessage.notMermaidJourneyHelp))
        }
        let journeyLine = index + 1
        index += 1

        // Statements.
        var title = frontTitle
        var header: [(String, Int)] = []
        var sections: [Section] = []
        var inDescription = false
        while index < last {
            let text = trimmed(index)
            let line = index + 1
            index += 1
            let lowered = text.lowercased()
            if inDescription {
                if text.contains("}") { inDescription = false }
                continue
            }
            if text.isEmpty || text.hasPrefix("#") { continue }
            if text.hasPrefix("%%") {
                let comment = String(text.dropFirst(2)).trimmingBlanks()
                if comment.lowercased().hasPrefix(MermaidExport.marker) || comment.hasPrefix("{") { continue }
                if let s = sections.indices.last, !sections[s].tasks.isEmpty {
                    sections[s].tasks[sections[s].tasks.count - 1].comments.append((comment, line))
                } else {
                    header.append((comment, line))
                }
                continue
            }
            if lowered.hasPrefix("acctitle") || lowered.hasPrefix("accdescr") {
                if lowered.hasPrefix("accdescr") && text.contains("{") && !text.contains("}") { inDescription = true }
                continue
            }
            if let rest = statement("title", text) {
                title = (plain(rest), line)
                continue
            }
            if let rest = statement("section", text) {
                sections.append(Section(name: plain(rest), line: line))
                continue
            }
            if let colon = text.firstIndex(of: ":") {
                let name = plain(String(text[..<colon]))
                let data = text[text.index(after: colon)...].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                let score = String(data[0]).trimmingBlanks()
                let actors = data.count > 1 ? data[1].split(separator: ",").map { plain(String($0)) }.filter { !$0.isEmpty } : []
                if sections.isEmpty { sections.append(Section(name: nil, line: line)) }
                sections[sections.count - 1].tasks.append(Task(name: name, line: line, score: score, actors: actors))
                continue
            }
            warn(line, Message(ExchangeMessage.lineLeftOut))
        }

        // Which comments are a journey's lines; the channels the top declares.
        var declared: Set<String> = []
        var journeyVia: String?
        var sawHeader = false
        var headerLines: [(String, Int)] = []
        var tally: [KeywordLanguage: Int] = [:]
        func count(_ match: Keywords.Match) {
            if match.languages.count == 1 { tally[match.languages[0], default: 0] += 1 }
        }
        for (comment, line) in header {
            guard let kind = commentKind(comment) else {
                warn(line, Message(ExchangeMessage.commentNotRead))
                continue
            }
            switch kind {
            case .header(let h, let id, let match):
                count(match)
                sawHeader = true
                if h == .channel { declared.insert(id) }
            case .attribute(let a, let value, let match):
                count(match)
                if a == .via && !sawHeader && journeyVia == nil { journeyVia = Keywords.channelId(value) }
            case .id, .noMood:
                warn(line, Message(ExchangeMessage.commentNotRead))
                continue
            }
            headerLines.append((comment, line))
        }
        for section in sections {
            if let name = section.name, let (_, match) = phaseWord(name) { count(match) }
            for task in section.tasks {
                for (comment, _) in task.comments {
                    if case .attribute(_, _, let match)? = commentKind(comment) { count(match) }
                }
            }
        }
        let language = asked ?? tally.max { a, b in a.value != b.value ? a.value < b.value : a.key.rawValue > b.key.rawValue }?.key ?? fallback

        // Phases for the sections.
        let named = sections.map { $0.name.flatMap(phaseWord)?.0 }
        var phases: [Phase] = []
        for (i, section) in sections.enumerated() {
            if let p = named[i] { phases.append(p); continue }
            let guess: Phase
            if let previous = named[..<i].compactMap({ $0 }).last {
                guess = previous
            } else if named.allSatisfy({ $0 == nil }) {
                guess = sections.count == 1 ? .during : i == 0 ? .before : i == sections.count - 1 ? .after : .during
            } else {
                guess = .before
            }
            phases.append(guess)
            if let name = section.name {
                warn(section.line, Message(ExchangeMessage.sectionGuessed, .text(name), .keyword(.phase(guess))),
                     label: Message(ExchangeMessage.sectionGuessedLabel, .keyword(.phase(guess))),
                     help: Message(ExchangeMessage.sectionGuessedHelp))
            } else {
                warn(section.line, Message(ExchangeMessage.taskBeforeSection, .keyword(.phase(guess))))
            }
        }

        // The journey file.
        func k(_ meaning: KeywordMeaning) -> String { Keywords.entry(for: meaning).preferred(.en) }
        func a(_ kind: AttributeKind) -> String { k(.attribute(kind)) }
        var out = ImportedText()
        let fallbackTitle = (source.name.split(separator: "/").last.map(String.init) ?? source.name)
            .split(separator: ".").first.map(String.init) ?? source.name
        out.add("\(k(.header(.journey))): \(title?.0 ?? fallbackTitle)", .line(title?.1 ?? journeyLine))
        let channelOf: [[String?]] = sections.map { $0.tasks.map { channel(of: $0.name, declared: declared).map(Keywords.channelId) } }
        let unplaced = channelOf.joined().filter { $0 == nil }.count
        if journeyVia == nil && unplaced > 0 {
            let other = BuiltinChannel.other.rawValue
            let firstLine = zip(sections.flatMap(\.tasks), channelOf.joined()).first { $0.1 == nil }!.0.line
            out.add("  \(a(.via)): \(other)", .line(firstLine))
            journeyVia = other
            warn(firstLine, Message(ExchangeMessage.noChannels, .keyword(.channel(.other)), .number(unplaced)),
                 help: Message(ExchangeMessage.noChannelsHelp))
        }
        for (text, line) in headerLines { out.add(text, .line(line)) }
        for (s, section) in sections.enumerated() {
            out.add("", .line(section.line))
            out.add("\(k(.phase(phases[s]))):", .line(section.line))
            for (t, task) in section.tasks.enumerated() {
                var id: String?
                var kept: [(String, Int)] = []
                var noMood = false
                // What the comments say wins over what the task line says.
                var own: Set<AttributeKind> = []
                for (comment, line) in task.comments {
                    switch commentKind(comment) {
                    case .id(let value)?: id = value
                    case .noMood?: noMood = true
                    case .attribute(let kind, _, _)?:
                        own.insert(kind)
                        kept.append((comment, line))
                    default: warn(line, Message(ExchangeMessage.commentNotRead))
                    }
                }
                var name = task.name
                if channelOf[s][t] != nil, let open = name.lastIndex(of: "(") { name = String(name[..<open]).trimmingBlanks() }
                out.add("", .line(task.line))
                out.add("  \(k(.header(.step)))" + (id.map { " \($0)" } ?? "") + ": \(name)", .line(task.line))
                if let c = channelOf[s][t], c != journeyVia, !own.contains(.via) {
                    out.add("    \(a(.via)): \(c)", .line(task.line))
                }
                if !own.contains(.by) { for actor in task.actors { out.add("    \(a(.by)): \(actor)", .line(task.line)) } }
                if !noMood && !own.contains(.mood) {
                    if let n = Int(task.score), (1...5).contains(n) {
                        out.add("    \(a(.mood)): \(n)", .line(task.line))
                    } else {
                        warn(task.line, Message(ExchangeMessage.badScore, .text(task.score)))
                    }
                }
                for (text, line) in kept { out.add("    \(text)", .line(line)) }
            }
        }
        warnings.sort { $0.diagnostic.range.start < $1.diagnostic.range.start }
        return out.finish(importedFrom: source, language: language).map {
            ImportedJourney(text: $0, warnings: warnings, language: language)
        }
    }

    // MARK: - Pieces

    /// The first and past-the-last line index of the diagram.
    static func diagramLines(_ lines: [String]) -> (Int, Int)? {
        var blocks: [(Int, Int)] = []
        var open: Int?
        for (i, line) in lines.enumerated() {
            let t = line.trimmingBlanks()
            if let start = open {
                if t.hasPrefix("```") { blocks.append((start, i)); open = nil }
            } else if t.hasPrefix("```"), String(t.drop(while: { $0 == "`" })).trimmingBlanks().lowercased() == "mermaid" {
                open = i + 1
            }
        }
        guard !blocks.isEmpty || open != nil else { return (0, lines.count) }
        if let start = open { blocks.append((start, lines.count)) }
        return blocks.first { block in
            lines[block.0..<block.1].map { (line: String) in line.trimmingBlanks() }.first { !$0.isEmpty && !$0.hasPrefix("%%") && $0 != "---" }?
                .lowercased() == "journey"
        }
    }

    /// The rest of a line that starts with `word` and a blank, case as Mermaid ignores it.
    static func statement(_ word: String, _ text: String) -> String? {
        guard text.count > word.count, text.prefix(word.count).lowercased() == word,
              let next = text.dropFirst(word.count).first, next == " " || next == "\t" else { return nil }
        return String(text.dropFirst(word.count + 1))
    }

    /// Text from a Mermaid name: the export's look-alikes turned back, trimmed.
    static func plain(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == MermaidExport.guardCharacter && out.isEmpty { continue }
            if let pair = MermaidExport.lookAlikes.first(where: { $0.1 == c }) { out.append(pair.0) } else { out.append(c) }
        }
        return out.trimmingBlanks()
    }

    /// The channel in brackets at the end of a task's name, when it names one.
    static func channel(of name: String, declared: Set<String>) -> String? {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
        let inside = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingBlanks()
        guard Keywords.builtinChannel(named: inside) != nil || declared.contains(inside) else { return nil }
        return inside
    }

    /// The phase a section's name says, by its first phase word.
    static func phaseWord(_ name: String) -> (Phase, Keywords.Match)? {
        for word in name.lowercased().split(whereSeparator: { !$0.isLetter }) {
            if let match = Keywords.lookup(String(word), kind: "phase"), case .phase(let p) = match.meaning { return (p, match) }
        }
        return nil
    }

    enum CommentKind {
        case header(HeaderKind, id: String, Keywords.Match)
        case attribute(AttributeKind, value: String, Keywords.Match)
        case id(String)
        case noMood
    }

    /// What a `%%` comment is as a journey's line: `persona x: …`, `channel x: …`, an
    /// attribute, `id: x` or `no mood`; nil for anything else.
    static func commentKind(_ comment: String) -> CommentKind? {
        if KeywordLanguage.allCases.contains(where: { noMood($0) == comment.lowercased() }) { return .noMood }
        guard let colon = comment.firstIndex(of: ":") else { return nil }
        let key = comment[..<colon].split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
        let value = String(comment[comment.index(after: colon)...]).trimmingBlanks()
        guard !key.isEmpty else { return nil }
        if key == ["id"] { return .id(value) }
        if let match = Keywords.lookup(key.joined(separator: " "), kind: "attribute"), case .attribute(let a) = match.meaning {
            return .attribute(a, value: value, match)
        }
        if key.count == 2, let match = Keywords.lookup(key[0], kind: "header"), case .header(let h) = match.meaning,
           h == .persona || h == .channel {
            let id = comment[..<colon].split(whereSeparator: { $0 == " " || $0 == "\t" })[1]
            return .header(h, id: String(id), match)
        }
        return nil
    }
}
