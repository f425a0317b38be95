import Foundation
import PolkuCheck
import PolkuModel
import PolkuPipeline
import PolkuSyntax

/// Where an id is written: its declaration (`step ask:`) or a reference to it (`next: ask`,
/// `via: kiosk`, `for: student`).
struct Occurrence {
    enum Kind { case step, channel, persona }
    var kind: Kind
    /// The id as the journey knows it: a built-in channel by its English name.
    var name: String
    var range: SourceRange
    var isDeclaration: Bool
    var builtin: Bool
}

extension LanguageServer {
    // MARK: - Ids

    /// Every id written in the document, declarations and references.
    func occurrences(_ document: Document) -> [Occurrence] {
        let tree = document.tree
        let bytes = document.source.bytes
        func text(_ r: SourceRange) -> String { String(decoding: bytes[r.start..<r.end], as: UTF8.self) }
        func channelName(_ r: SourceRange) -> (String, Bool) {
            Keywords.builtinChannel(named: text(r)).map { ($0.rawValue, true) } ?? (text(r), false)
        }
        var found: [Occurrence] = []
        for d in tree.declarations {
            guard let id = d.id else { continue }
            switch d.kind {
            case .step: found.append(Occurrence(kind: .step, name: text(id), range: id, isDeclaration: true, builtin: false))
            case .persona: found.append(Occurrence(kind: .persona, name: text(id), range: id, isDeclaration: true, builtin: false))
            case .channel:
                let (name, builtin) = channelName(id)
                found.append(Occurrence(kind: .channel, name: name, range: id, isDeclaration: true, builtin: builtin))
            default: break
            }
        }
        for d in tree.declarations {
            for a in d.attributes {
                let kind: Occurrence.Kind
                switch a.kind {
                case .via, .channels: kind = .channel
                case .next: kind = .step
                case .for: kind = .persona
                default: continue
                }
                for item in document.source.listItems(a.value) where !item.isEmpty {
                    if kind == .channel {
                        let (name, builtin) = channelName(item)
                        found.append(Occurrence(kind: .channel, name: name, range: item, isDeclaration: false, builtin: builtin))
                    } else if Keywords.lookup(text(item).lowercased(), kind: "value")?.meaning != .end {
                        found.append(Occurrence(kind: kind, name: text(item), range: item, isDeclaration: false, builtin: false))
                    }
                }
            }
        }
        return found
    }

    /// The id under the cursor, and every place the same id is written.
    func occurrence(at offset: Int, in document: Document) -> (Occurrence, [Occurrence])? {
        let all = occurrences(document)
        guard let here = all.first(where: { $0.range.start <= offset && offset <= $0.range.end }) else { return nil }
        return (here, all.filter { $0.kind == here.kind && $0.name == here.name })
    }

    func location(_ uri: String, _ range: SourceRange, _ document: Document) -> JSONValue {
        ["uri": .string(uri), "range": Self.range(range, in: document.source)]
    }

    func definition(_ params: JSONValue) throws -> JSONValue {
        let document = try self.document(params)
        let uri = params["textDocument"]!["uri"]!.string!
        guard let (_, same) = occurrence(at: try offset(params, in: document), in: document),
              let declaration = same.first(where: \.isDeclaration) else { return .null }
        return location(uri, declaration.range, document)
    }

    func references(_ params: JSONValue) throws -> JSONValue {
        let document = try self.document(params)
        let uri = params["textDocument"]!["uri"]!.string!
        guard let (_, same) = occurrence(at: try offset(params, in: document), in: document) else { return [] }
        let includeDeclaration = params["context"]?["includeDeclaration"] != .bool(false)
        return .array(same.filter { includeDeclaration || !$0.isDeclaration }.map { location(uri, $0.range, document) })
    }

    func prepareRename(_ params: JSONValue) throws -> JSONValue {
        let document = try self.document(params)
        guard let (here, _) = occurrence(at: try offset(params, in: document), in: document), !here.builtin else { return .null }
        return Self.range(here.range, in: document.source)
    }

    func rename(_ params: JSONValue) throws -> JSONValue {
        let document = try self.document(params)
        let uri = params["textDocument"]!["uri"]!.string!
        guard let newName = params["newName"]?.string else { throw RequestProblem.invalid("newName is missing") }
        guard JourneyParser.isValidId(newName) else {
            throw RequestProblem.invalid("`\(newName)` cannot be an id: use letters, digits, `-` and `_`")
        }
        guard let (here, same) = occurrence(at: try offset(params, in: document), in: document) else {
            throw RequestProblem.invalid("there is no step, channel or persona id here")
        }
        guard !here.builtin else { throw RequestProblem.invalid("`\(here.name)` is a built-in channel: it cannot be renamed") }
        let edits = same.map { JSONValue.object(["range": Self.range($0.range, in: document.source), "newText": .string(newName)]) }
        return ["changes": [uri: .array(edits)]]
    }

    // MARK: - Formatting

    func formatting(_ params: JSONValue) throws -> JSONValue {
        let document = try self.document(params)
        guard let formatted = Formatter.format(document.tree), formatted != document.source.bytes else { return [] }
        let end = Self.position(document.source.bytes.count, in: document.source)
        return [["range": ["start": ["line": 0, "character": 0], "end": end],
                 "newText": .string(String(decoding: formatted, as: UTF8.self))]]
    }

    // MARK: - Completion

    func completion(_ params: JSONValue) throws -> JSONValue {
        let document = try self.document(params)
        let offset = try self.offset(params, in: document)
        let source = document.source
        let language = document.journey.language
        let line = source.line(of: offset)
        let lineStart = source.lineStart(line)
        let before = String(decoding: source.bytes[lineStart..<offset], as: UTF8.self)
        func item(_ label: String, _ kind: Int, _ detail: String? = nil, insert: String? = nil) -> JSONValue {
            var o: [String: JSONValue] = ["label": .string(label), "kind": .int(kind)]
            if let detail { o["detail"] = .string(detail) }
            if let insert { o["insertText"] = .string(insert) }
            return .object(o)
        }
        guard let colon = before.firstIndex(of: ":") else {
            // A keyword: every header, phase and attribute in the file's language.
            var items: [JSONValue] = []
            for entry in Keywords.table {
                let word = entry.preferred(language)
                switch entry.meaning {
                case .header(let h): items.append(item(word, 14, h.rawValue, insert: h == .journey ? "\(word): " : "\(word) "))
                case .phase(let p): items.append(item(word + ":", 14, p.rawValue, insert: "\(word):"))
                case .attribute(let a): items.append(item(word + ":", 14, a.rawValue, insert: "\(word): "))
                default: break
                }
            }
            return .array(items)
        }
        let keyword = before[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = Keywords.lookup(keyword, kind: "attribute"), case .attribute(let kind) = match.meaning else { return [] }
        let all = occurrences(document)
        func ids(_ k: Occurrence.Kind) -> [String] {
            var seen = Set<String>()
            return all.filter { $0.kind == k && $0.isDeclaration && !$0.builtin }.map(\.name).filter { seen.insert($0).inserted }
        }
        switch kind {
        case .via, .channels:
            let builtins = BuiltinChannel.allCases.map { item(Keywords.entry(for: .channel($0)).preferred(language), 12, Labels.channel($0, language)) }
            return .array(builtins + ids(.channel).map { item($0, 18, "channel") })
        case .next:
            return .array(ids(.step).map { item($0, 18, "step") } + [item(Keywords.entry(for: .end).preferred(language), 14, "end")])
        case .for:
            return .array(ids(.persona).map { item($0, 18, "persona") })
        case .allow:
            return .array(RuleRegistry.infos.map { item($0.name, 12, $0.summaryText(language)) })
        default:
            return []
        }
    }

    // MARK: - Hover

    func hover(_ params: JSONValue) throws -> JSONValue {
        let document = try self.document(params)
        let offset = try self.offset(params, in: document)
        let journey = document.journey.result.analysis.journey
        let language = document.journey.language
        func markdown(_ text: String, _ range: SourceRange) -> JSONValue {
            ["contents": ["kind": "markdown", "value": .string(text)], "range": Self.range(range, in: document.source)]
        }
        if let (here, _) = occurrence(at: offset, in: document) {
            switch here.kind {
            case .step:
                guard let i = journey.steps.firstIndex(where: { $0.id == here.name }) else { return .null }
                let step = journey.steps[i]
                var text = "**\(i + 1). \(step.title.value)**  \n\(Labels.phaseHeading(step.phase, language)) · \(journey.channelName(step.channel, language))"
                for (phrase, items) in [(Phrase.recommend, step.recommendations), (.followUp, step.followUps), (.feedback, step.feedback)] where !items.isEmpty {
                    text += "  \n\(Localized.text(phrase, language)): " + items.map(\.value).joined(separator: "; ")
                }
                if let mood = step.moodValue { text += "  \n\(Localized.text(.mood, language)): \(mood)/5" }
                return markdown(text, here.range)
            case .channel:
                guard let c = journey.channels.firstIndex(where: { $0.id == here.name }) else { return .null }
                let channel = journey.channels[c]
                var text = "**\(journey.channelName(c, language))**"
                if let v = channel.competenceValue { text += "  \n\(Localized.text(.competence, language)): \(v)/5" }
                if let v = channel.presenceValue { text += "  \n\(Localized.text(.presence, language)): \(v)/5" }
                for note in channel.notes { text += "  \n✱ \(note.value)" }
                return markdown(text, here.range)
            case .persona:
                guard let p = journey.personas.first(where: { $0.id == here.name }) else { return .null }
                return markdown("**\(p.id)**: \(p.description.value)", here.range)
            }
        }
        // A rule's name in an `allow:` line: its explanation.
        let bytes = document.source.bytes
        var s = offset, e = offset
        func word(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || b == 0x2D }
        while s > 0 && word(bytes[s - 1]) { s -= 1 }
        while e < bytes.count && word(bytes[e]) { e += 1 }
        if e > s, let info = RuleRegistry.info(named: String(decoding: bytes[s..<e], as: UTF8.self)) {
            return markdown("**\(info.name)**\n\n" + info.explanationText(language), SourceRange(s, e))
        }
        return .null
    }

    // MARK: - Code actions

    func codeActions(_ params: JSONValue) throws -> JSONValue {
        let document = try self.document(params)
        let uri = params["textDocument"]!["uri"]!.string!
        let source = document.source
        let language = document.journey.language
        let wanted = params["context"]?["diagnostics"]?.array ?? []
        var actions: [JSONValue] = []
        func edit(_ title: String, _ range: SourceRange, _ text: String, _ diagnostic: JSONValue) -> JSONValue {
            ["title": .string(title), "kind": "quickfix", "diagnostics": [diagnostic],
             "edit": ["changes": [uri: [["range": Self.range(range, in: source), "newText": .string(text)]]]]]
        }
        for lsp in wanted {
            guard let code = lsp["code"]?.string, let startLine = lsp["range"]?["start"]?["line"]?.int,
                  let startCharacter = lsp["range"]?["start"]?["character"]?.int else { continue }
            let start = Self.offset(line: startLine, character: startCharacter, in: source)
            guard let d = document.journey.result.diagnostics.first(where: { $0.code.name == code && $0.range.start == start }) else { continue }
            // A did-you-mean: put the suggestion in place of the mistake.
            if let help = d.helpText, help.isCase(SyntaxMessage.didYouMean), case .text(let near)? = help.values.first {
                actions.append(edit("`\(near)`", d.range, near, lsp))
            }
            guard case .step(let i)? = d.subject, let declaration = document.tree.declarations.first(where: {
                if case .step = $0.kind, $0.keyword == document.journey.result.analysis.journey.steps[i].keyword { return true }
                return false
            }) else { continue }
            // Lines go after the step's last line, indented as attribute lines are.
            let lastLine = source.line(of: (declaration.attributes.last?.line ?? declaration.line).start)
            let insertAt = lastLine < source.lineCount ? source.lineStart(lastLine + 1) : source.bytes.count
            let at = SourceRange(insertAt, insertAt)
            let newline = insertAt == source.bytes.count && !(source.bytes.last == 0x0A) ? "\n" : ""
            func line(_ meaning: KeywordMeaning, _ rest: String) -> String {
                newline + "    \(Keywords.entry(for: meaning).preferred(language)): \(rest)\n"
            }
            switch code {
            case "missing-follow-up":
                actions.append(edit(Localized.text(.followUp, language) + " …", at, line(.attribute(.followUp), ""), lsp))
            case "missing-recommendation":
                actions.append(edit(Localized.text(.recommend, language) + " …", at, line(.attribute(.recommend), ""), lsp))
            case "missing-need":
                actions.append(edit(Localized.text(.need, language) + " …", at, line(.attribute(.need), ""), lsp))
            case "missing-role":
                actions.append(edit(Localized.text(.servedBy, language) + " …", at, line(.attribute(.by), ""), lsp))
            default: break
            }
            if RuleRegistry.info(named: code) != nil {
                let because = Keywords.entry(for: .because).preferred(language)
                actions.append(edit("\(Keywords.entry(for: .attribute(.allow)).preferred(language)): \(code) \(because) …", at,
                                    line(.attribute(.allow), "\(code) \(because) "), lsp))
            }
        }
        return .array(actions)
    }
}
