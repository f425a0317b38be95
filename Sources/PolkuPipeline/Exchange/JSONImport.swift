import Foundation
import PolkuModel
import PolkuReport
import PolkuSyntax

/// What an importer made: the journey file's bytes, laid out by `fmt`, and what it had to
/// guess or change on the way.
package struct ImportedJourney: Sendable {
    package var text: [UInt8]
    package var warnings: [FileDiagnostic]
    /// The language of its keywords.
    package var language: KeywordLanguage
}

/// `polku import x.json`: a journey in Polku's JSON format (`JourneyJSON`) back into a
/// journey file. Exported JSON comes back as a file that exports to the same bytes: a
/// step's `via:` is written where its channel is not the journey's, `next:` where its flow
/// is not simply the following step, `for:` where it is not every customer profile, and
/// channels are declared where they have a label, a rating or a note (or must be, to keep
/// their order). Members Polku itself derives (`number`, `name`, `builtin`, `findings`)
/// are not read back.
package enum JSONImport {
    package static func journey(from source: SourceFile, language asked: KeywordLanguage?) -> Result<ImportedJourney, Problems> {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(source.bytes), options: [.fragmentsAllowed])
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
            return .failure(Problems(FileDiagnostic(source, .aboutFile(.importInvalid, Message(ExchangeMessage.notJSON, .text(source.name), .text(detail))))))
        }
        var reader = JSONReader(source: source)
        guard let document = root as? [String: Any], document["format"] as? String == JourneyJSON.format else {
            return .failure(Problems(FileDiagnostic(source, .aboutFile(.importInvalid, Message(ExchangeMessage.notJourneyJSON, .text(source.name))))))
        }
        if let version = document["version"] as? Int, version > JourneyJSON.version {
            return .failure(Problems(FileDiagnostic(source, .aboutFile(.importInvalid, Message(
                ExchangeMessage.newerVersion, .text(source.name), .number(version), .number(JourneyJSON.version))))))
        }
        var language = asked ?? .en
        if asked == nil, let raw = reader.text(document["language"], "language") {
            if let known = KeywordLanguage(rawValue: raw) { language = known } else { reader.fail(Message(ExchangeMessage.unknownLanguage, .text(raw))) }
        }
        let lines = reader.journey(document)
        // Polku's own errors in what could be written are shown with the document's own.
        switch lines.finish(importedFrom: source, language: language) {
        case .success(let text) where reader.problems.isEmpty:
            return .success(ImportedJourney(text: text, warnings: reader.warnings, language: language))
        case .success:
            return .failure(Problems(reader.warnings + reader.problems))
        case .failure(let found):
            return .failure(Problems(reader.warnings + reader.problems + found.items))
        }
    }
}

/// Walks a JSON document, saying where each thing it cannot use is (`phases[0].steps[2]`).
private struct JSONReader {
    let source: SourceFile
    var problems: [FileDiagnostic] = []
    var warnings: [FileDiagnostic] = []

    init(source: SourceFile) { self.source = source }

    mutating func fail(_ message: Message) {
        problems.append(FileDiagnostic(source, .aboutFile(.importInvalid, message)))
    }

    private mutating func expected(_ path: String, _ kind: ExchangeMessage) {
        fail(Message(ExchangeMessage.expected, .text(path), .message(Message(kind))))
    }

    /// True for a member that is absent or null.
    private func absent(_ value: Any?) -> Bool { value == nil || value is NSNull }

    mutating func object(_ value: Any?, _ path: String) -> [String: Any]? {
        if absent(value) { return nil }
        guard let object = value as? [String: Any] else { expected(path, .kindObject); return nil }
        return object
    }

    mutating func list(_ value: Any?, _ path: String) -> [Any] {
        if absent(value) { return [] }
        guard let list = value as? [Any] else { expected(path, .kindList); return [] }
        return list
    }

    /// Text on one line, trimmed; numbers are taken as their digits.
    mutating func text(_ value: Any?, _ path: String) -> String? {
        if absent(value) { return nil }
        let raw: String
        if let s = value as? String {
            raw = s
        } else if let n = value as? NSNumber, String(cString: n.objCType) != "c" {
            raw = n.stringValue
        } else {
            expected(path, .kindText)
            return nil
        }
        if raw.contains(where: \.isNewline) {
            let joined = raw.split(whereSeparator: \.isNewline).map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
            warnings.append(FileDiagnostic(source, Self.warning(Message(ExchangeMessage.joinedLines, .text(path)))))
            return joined.joined(separator: " ")
        }
        return raw.trimmingBlanks()
    }

    mutating func texts(_ value: Any?, _ path: String) -> [(String, String)] {
        list(value, path).enumerated().compactMap { i, item in
            let p = "\(path)[\(i)]"
            return text(item, p).map { ($0, p) }
        }
    }

    mutating func required(_ object: [String: Any], _ key: String, _ path: String) -> String {
        guard let t = text(object[key], path.isEmpty ? key : "\(path).\(key)") else {
            if absent(object[key]) { fail(Message(ExchangeMessage.missingMember, .text(path.isEmpty ? key : path), .text(key))) }
            return ""
        }
        return t
    }

    static func warning(_ message: Message) -> Diagnostic {
        var d = Diagnostic.aboutFile(.importGuessed, message)
        d.severity = .warning
        return d
    }

    // MARK: - The journey

    private static func k(_ meaning: KeywordMeaning) -> String { Keywords.entry(for: meaning).preferred(.en) }
    private static func a(_ kind: AttributeKind) -> String { k(.attribute(kind)) }


    struct StepInput {
        var path: String
        var object: [String: Any]
        var phase: Int
    }

    mutating func journey(_ document: [String: Any]) -> ImportedText {
        var out = ImportedText()
        let title = required(document, "title", "")
        out.add("\(Self.k(.header(.journey))): \(title)", .path("title"))
        let via = text(document["via"], "via")
        if let via { out.add("  \(Self.a(.via)): \(via)", .path("via")) }

        // Customer profiles, read first: `for:` is written only when it is not all of them.
        let personas = list(document["personas"], "personas").enumerated().compactMap { i, p in
            object(p, "personas[\(i)]").map { ("personas[\(i)]", $0) }
        }
        let personaIds = personas.map { path, p in text(p["id"], "\(path).id") ?? "" }
        let focus = texts(document["for"], "for")
        if !focus.isEmpty && focus.map(\.0) != personaIds {
            out.add("  \(Self.a(.for)): \(focus.map(\.0).joined(separator: ", "))", .path("for"))
        }
        for (t, p) in texts(document["notes"], "notes") { out.add("  \(Self.a(.note)): \(t)", .path(p)) }
        for (t, p) in texts(document["allows"], "allows") { out.add("  \(Self.a(.allow)): \(t)", .path(p)) }

        // The steps, numbered as the document numbers them (or by place).
        var phases: [(path: String, phase: String)] = []
        var steps: [StepInput] = []
        for (i, item) in list(document["phases"], "phases").enumerated() {
            let path = "phases[\(i)]"
            guard let section = object(item, path) else { continue }
            phases.append((path, required(section, "phase", path)))
            for (j, s) in list(section["steps"], "\(path).steps").enumerated() {
                if let step = object(s, "\(path).steps[\(j)]") {
                    steps.append(StepInput(path: "\(path).steps[\(j)]", object: step, phase: phases.count - 1))
                }
            }
        }
        let stepChannels = steps.map { s in text(s.object["channel"], "\(s.path).channel").map(Keywords.channelId) }

        // Channels: declared where they say more than their name, in the document's order.
        var channels: [(path: String, id: String, object: [String: Any])] = []
        for (i, item) in list(document["channels"], "channels").enumerated() {
            let path = "channels[\(i)]"
            guard let c = object(item, path) else { continue }
            channels.append((path, Keywords.channelId(required(c, "id", path)), c))
        }
        let mustDeclare = channels.map { c in
            Keywords.builtinChannel(named: c.id) == nil || !absent(c.object["label"]) || !absent(c.object["competence"])
                || !absent(c.object["presence"]) || (c.object["notes"] as? [Any])?.isEmpty == false
        }
        let personaChannels = personas.map { path, p in texts(p["channels"], "\(path).channels").map { Keywords.channelId($0.0) } }
        let defaultChannel = via.map(Keywords.channelId)
        let plan = ChannelDeclarations.plan(order: channels.map(\.id), journeyChannel: defaultChannel,
                                            personaChannels: personaChannels, mustDeclare: mustDeclare,
                                            stepChannels: stepChannels)
        let declareAll = plan.beforeProfiles
        func declarations() {
            for (c, declare) in zip(channels, plan.declare) where declare {
                let label = text(c.object["label"], "\(c.path).label")
                out.add("", .path(c.path))
                out.add("\(Self.k(.header(.channel))) \(c.id):" + (label.map { " \($0)" } ?? ""), .path("\(c.path).id"))
                if let n = text(c.object["competence"], "\(c.path).competence") { out.add("  \(Self.a(.competence)): \(n)", .path("\(c.path).competence")) }
                if let n = text(c.object["presence"], "\(c.path).presence") { out.add("  \(Self.a(.presence)): \(n)", .path("\(c.path).presence")) }
                for (t, p) in texts(c.object["notes"], "\(c.path).notes") { out.add("  \(Self.a(.note)): \(t)", .path(p)) }
            }
        }
        if declareAll { declarations() }
        for (((path, p), channelIds), id) in zip(zip(personas, personaChannels), personaIds) {
            let description = required(p, "description", path)
            out.add("", .path(path))
            out.add("\(Self.k(.header(.persona))) \(id): \(description)", .path("\(path).id"))
            for (t, q) in texts(p["uses"], "\(path).uses") { out.add("  \(Self.a(.uses)): \(t)", .path(q)) }
            if !channelIds.isEmpty { out.add("  \(Self.a(.channels)): \(channelIds.joined(separator: ", "))", .path("\(path).channels")) }
            for (t, q) in texts(p["assurance"], "\(path).assurance") { out.add("  \(Self.a(.assurance)): \(t)", .path(q)) }
            for (t, q) in texts(p["notes"], "\(path).notes") { out.add("  \(Self.a(.note)): \(t)", .path(q)) }
        }
        if !declareAll { declarations() }

        // Steps by the number the document gives them, when every step has its own.
        var position: [Int: Int] = [:]
        for (i, s) in steps.enumerated() {
            guard let n = s.object["number"] as? Int, position[n] == nil else { position = [:]; break }
            position[n] = i
        }
        if position.count != steps.count { position = Dictionary(uniqueKeysWithValues: steps.indices.map { ($0 + 1, $0) }) }
        let ids = steps.map { s in text(s.object["id"], "\(s.path).id") }

        var stepIndex = 0
        for (p, phase) in phases.enumerated() {
            guard let meaning = Phase(rawValue: phase.phase.lowercased()) ?? Keywords.lookup(phase.phase.lowercased(), kind: "phase").flatMap({
                if case .phase(let x) = $0.meaning { x } else { nil }
            }) else {
                if !phase.phase.isEmpty { fail(Message(ExchangeMessage.unknownPhase, .text("\(phase.path).phase"), .text(phase.phase))) }
                continue
            }
            out.add("", .path(phase.path))
            out.add("\(Self.k(.phase(meaning))):", .path("\(phase.path).phase"))
            while stepIndex < steps.count && steps[stepIndex].phase == p {
                write(step: stepIndex, steps, ids: ids, channels: stepChannels, journeyChannel: defaultChannel,
                      position: position, into: &out)
                stepIndex += 1
            }
        }
        return out
    }

    private mutating func write(step i: Int, _ steps: [StepInput], ids: [String?], channels: [String?], journeyChannel: String?,
                                position: [Int: Int], into out: inout ImportedText) {
        let s = steps[i].object
        let path = steps[i].path
        let title = required(s, "title", path)
        out.add("", .path(path))
        out.add("  \(Self.k(.header(.step)))" + (ids[i].map { " \($0)" } ?? "") + ": \(title)", .path(ids[i] == nil ? "\(path).title" : "\(path).id"))
        func lines(_ key: String, _ kind: AttributeKind) {
            for (t, p) in texts(s[key], "\(path).\(key)") { out.add("    \(Self.a(kind)): \(t)", .path(p)) }
        }
        if let channel = channels[i], channel != journeyChannel {
            out.add("    \(Self.a(.via)): \(channel)", .path("\(path).channel"))
        }
        lines("needs", .need)
        lines("by", .by)
        lines("recommendations", .recommend)
        lines("followUps", .followUp)
        lines("feedback", .feedback)
        if let mood = text(s["mood"], "\(path).mood") { out.add("    \(Self.a(.mood)): \(mood)", .path("\(path).mood")) }

        // The flow, written only where it is not simply the following step.
        let nextPath = "\(path).next"
        let given = list(s["next"], nextPath)
        let endsValue = s["ends"]
        if !given.isEmpty || !absent(endsValue) {
            var successors: [Int] = []
            var names: [String] = []
            for (j, item) in given.enumerated() {
                if let n = item as? Int {
                    guard let target = position[n] else {
                        fail(Message(ExchangeMessage.noSuchStep, .text("\(nextPath)[\(j)]"), .number(n), .number(steps.count)))
                        continue
                    }
                    if !successors.contains(target) { successors.append(target) }
                } else if let name = text(item, "\(nextPath)[\(j)]") {
                    if let target = ids.firstIndex(where: { $0 == name }) {
                        if !successors.contains(target) { successors.append(target) }
                    } else {
                        names.append(name)
                    }
                }
            }
            var ends = false
            if !absent(endsValue) {
                if let b = endsValue as? Bool { ends = b } else { expected("\(path).ends", .kindTrueFalse) }
            }
            let given = Flow(successors: Successors(successors), ends: ends, explicit: nil)
            if !names.isEmpty || !given.isFollowing(i, count: steps.count) {
                var items: [String] = []
                for target in successors {
                    if let id = ids[target] {
                        items.append(id)
                    } else {
                        let number = position.first { $0.value == target }?.key ?? target + 1
                        problems.append(FileDiagnostic(source, .aboutFile(.importInvalid,
                            Message(ExchangeMessage.stepHasNoId, .text(nextPath), .number(number)),
                            help: Message(ExchangeMessage.stepHasNoIdHelp, .number(number)))))
                    }
                }
                items += names
                if ends { items.append(Self.k(.end)) }
                if !items.isEmpty { out.add("    \(Self.a(.next)): \(items.joined(separator: ", "))", .path(nextPath)) }
            }
        }
        lines("notes", .note)
        lines("allows", .allow)
    }
}
