#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sentences Polku says, in English, Finnish and Swedish.
///
/// Each part of Polku that talks to people keeps its sentences in one `MessageTemplates`
/// enum (`SyntaxMessage`, `RuleMessage`, …): a case per sentence, its three languages side
/// by side, so a sentence missing a language does not compile, and a test walks every case
/// to check that all three have the same placeholders. A `Message` is a case with its
/// values, put into words only when shown: in the language asked for (`--lang`, else the
/// journey's), with the keywords it quotes spelled as the journey file spells them.
///
/// Placeholders in a template:
/// - `{0}`, `{1}` … the message's values, in order;
/// - `{k:name}`: a keyword by its English name (`{k:recommend}`, `{k:before}`, `{k:step}`,
///   `{k:end}`, `{k:because}`, `{k:desk}`), in the file's own language (`suosittele`).
package protocol MessageTemplates: CaseIterable, Sendable {
    /// The sentence in English, Finnish and Swedish, with its placeholders.
    var en: String { get }
    var fi: String { get }
    var sv: String { get }
}

extension MessageTemplates {
    /// The sentence in `language`, with its placeholders.
    package func template(_ language: KeywordLanguage) -> String {
        switch language {
        case .en: en
        case .fi: fi
        case .sv: sv
        }
    }
}

/// Makes the messages of many findings only when they are shown: a rule that flags 40,000
/// steps keeps one maker and a number for each, rather than 40,000 sentences' values (a
/// step's id and title, copied from the file) held until the report is written.
package protocol MessageMaker: AnyObject, Sendable {
    /// The message for `item` (for a rule, the step's index). The same item must always give
    /// the same message.
    func message(_ item: Int) -> Message

    /// Appends the sentence of `message(item)` in `language` to `out`, as `Message.write`
    /// words it. A maker that can write it straight from what it holds, without making the
    /// message's values first, does so here; by default the message is made and written.
    func write(_ item: Int, _ language: KeywordLanguage, keywords: KeywordLanguage, into out: inout [UInt8])

    /// `write(_:_:keywords:into:)` for a writer of many sentences, which keeps `templates`
    /// from one sentence to the next: a maker may keep a plan of its sentences there (its
    /// templates filled in once as far as they can be), rather than read them again for each.
    func write(_ item: Int, _ language: KeywordLanguage, keywords: KeywordLanguage, templates: inout TemplateCache,
               into out: inout [UInt8])
}

extension MessageMaker {
    package func write(_ item: Int, _ language: KeywordLanguage, keywords: KeywordLanguage, into out: inout [UInt8]) {
        message(item).write(language, keywords: keywords, into: &out)
    }

    package func write(_ item: Int, _ language: KeywordLanguage, keywords: KeywordLanguage, templates: inout TemplateCache,
                       into out: inout [UInt8]) {
        write(item, language, keywords: keywords, into: &out)
    }
}

/// What a writer of many sentences (a report's lane) keeps from one sentence to the next:
/// for each of the last few objects it met, in one wording each, the plan the object made of
/// its sentences (a maker's templates filled in as far as they can be, `MessageMaker`; a
/// rule's help as shown, `HelpMemo` in the reports). Each lane keeps its own, so no lock is
/// taken and no memory is shared between cores.
///
/// The objects are held, so that no other object can take one's place in memory (and its
/// identity) while its plan is kept.
package struct TemplateCache {
    private struct Entry {
        /// The object, held (see above), and what identifies it and its plan's type, compared
        /// without retaining either.
        let object: AnyObject
        let id: ObjectIdentifier
        let wording: Wording
        /// What was made for the object, and its type.
        let made: AnyObject
        let madeType: ObjectIdentifier
    }

    private var entries: [Entry] = []
    /// The entry the next new one replaces once `entries` is full.
    private var oldest = 0
    private static let kept = 8

    package init() {}

    /// What `make` made for `object` in `wording`: made once, then kept.
    package mutating func plan<Plan: AnyObject>(of object: AnyObject, _ wording: Wording, make: () -> Plan) -> Plan {
        let (id, type) = (ObjectIdentifier(object), ObjectIdentifier(Plan.self))
        let found = entries.withUnsafeBufferPointer { entries in
            entries.firstIndex { $0.id == id && $0.madeType == type && $0.wording == wording }
        }
        if let found { return unsafeDowncast(entries[found].made, to: Plan.self) }
        let plan = make()
        let entry = Entry(object: object, id: id, wording: wording, made: plan, madeType: type)
        if entries.count < Self.kept {
            entries.append(entry)
        } else {
            entries[oldest] = entry
            oldest = (oldest + 1) % Self.kept
        }
        return plan
    }
}

/// A sentence with its values, to be put into words in a language.
///
/// Compared and hashed by its words: a message a maker makes when shown equals the same
/// message made at once.
package struct Message: Hashable, Sendable {
    /// The sentence in each language, placeholders unfilled (string literals: stored without
    /// copying), and its values.
    private struct Words: Hashable, Sendable {
        let en: String, fi: String, sv: String
        let values: [MessageValue]

        func template(_ language: KeywordLanguage) -> String {
            switch language {
            case .en: en
            case .fi: fi
            case .sv: sv
            }
        }
    }

    private enum Form: Sendable {
        /// Boxed: in place, three strings and an array would make every message, finding
        /// and diagnostic 32 bytes larger, for the messages that rules make by the
        /// thousand (`made`) as much as for the others.
        indirect case words(Words)
        /// Made by `maker` when it is shown.
        case made(any MessageMaker, item: Int)
    }

    private let form: Form

    package init<T: MessageTemplates>(_ key: T, _ values: MessageValue...) {
        self.init(key, values: values)
    }

    package init<T: MessageTemplates>(_ key: T, values: [MessageValue]) {
        form = .words(Words(en: key.template(.en), fi: key.template(.fi), sv: key.template(.sv), values: values))
    }

    /// The message `maker` makes for `item`, made only when it is shown or compared.
    package init(made maker: any MessageMaker, item: Int) {
        form = .made(maker, item: item)
    }

    /// The sentence in each language and its values: made now, for a message made later.
    private var words: Words {
        switch form {
        case .words(let words): words
        case .made(let maker, let item): maker.message(item).words
        }
    }

    package var values: [MessageValue] { words.values }

    package static func == (a: Message, b: Message) -> Bool { a.words == b.words }

    package func hash(into hasher: inout Hasher) { hasher.combine(words) }

    /// Text that is the same in every language: what another program said (Graphviz, the
    /// TOML reader), a path. Never a sentence of Polku's own.
    package static func verbatim(_ text: String) -> Message {
        Message(same: "{0}", values: [.text(text)])
    }

    private init(same template: String, values: [MessageValue]) {
        form = .words(Words(en: template, fi: template, sv: template, values: values))
    }

    /// The sentence in `language`, quoting keywords as a file in `keywords` spells them.
    package func text(_ language: KeywordLanguage, keywords: KeywordLanguage) -> String {
        guard case .words(let words) = form else {
            // Written by its maker, which may write it without making its values.
            var out: [UInt8] = []
            write(language, keywords: keywords, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
        let template = words.template(language)
        // Most sentences have no placeholder at all.
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out: [UInt8] = []
        out.reserveCapacity(template.utf8.count + 48)
        Self.fill(words, language, keywords: keywords, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The sentence as `text(_:keywords:)` words it, appended to `out` as UTF-8 bytes:
    /// filled on bytes, since a report of 40,000 findings fills 40,000 sentences.
    package func write(_ language: KeywordLanguage, keywords: KeywordLanguage, into out: inout [UInt8]) {
        switch form {
        case .words(let words): Self.fill(words, language, keywords: keywords, into: &out)
        case .made(let maker, let item): maker.write(item, language, keywords: keywords, into: &out)
        }
    }

    /// `write(_:keywords:into:)` for a writer of many sentences, which keeps `templates`
    /// from one to the next (see `MessageMaker`).
    package func write(_ language: KeywordLanguage, keywords: KeywordLanguage, templates: inout TemplateCache,
                       into out: inout [UInt8]) {
        switch form {
        case .words(let words): Self.fill(words, language, keywords: keywords, into: &out)
        case .made(let maker, let item): maker.write(item, language, keywords: keywords, templates: &templates, into: &out)
        }
    }

    /// Appends the sentence of `words` in `language`, its placeholders filled.
    private static func fill(_ words: Words, _ language: KeywordLanguage, keywords: KeywordLanguage,
                             into out: inout [UInt8]) {
        let values = words.values
        fill(words.template(language), values: values.count, keywords: keywords, into: &out) { n, out in
            values[n].write(language, keywords: keywords, into: &out)
        }
    }

    /// Appends `template` to `out`, its keywords spelled as in `keywords` and each of its
    /// `values` placeholders (`{0}` up to `{values - 1}`) written by `value`: for a maker that
    /// writes a sentence's values from what it holds. Another placeholder is written as it is.
    package static func fill(_ template: String, values: Int, keywords: KeywordLanguage, into out: inout [UInt8],
                             value: (Int, inout [UInt8]) -> Void) {
        var template = template
        template.withUTF8 { t in
            var i = 0
            while i < t.count {
                // The words up to the next placeholder, in one copy.
                var plain = t.count
                if let found = memchr(t.baseAddress! + i, Int32(UInt8(ascii: "{")), t.count - i) {
                    plain = t.baseAddress!.distance(to: UnsafePointer(found.assumingMemoryBound(to: UInt8.self)))
                }
                if plain > i {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: t[i..<plain]))
                    i = plain
                    continue
                }
                guard let close = t[i...].firstIndex(of: UInt8(ascii: "}")) else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: t[i...]))
                    break
                }
                let name = UnsafeBufferPointer(rebasing: t[(i + 1)..<close])
                if let n = Self.index(name), n < values {
                    value(n, &out)
                } else if name.count > 2, name[0] == UInt8(ascii: "k"), name[1] == UInt8(ascii: ":"),
                          let entry = Self.keyword(named: UnsafeBufferPointer(rebasing: name[2...])) {
                    out.appendUTF8(entry.preferred(keywords))
                } else {
                    out.append(contentsOf: t[i...close])
                }
                i = close + 1
            }
        }
    }

    /// The number a placeholder's name spells (`0`, `12`), if it is one.
    private static func index(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !name.isEmpty, name.count < 4 else { return nil }
        var n = 0
        for b in name {
            guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        return n
    }

    /// Whether this is a sentence of `key` (for a tool that acts on a kind of message, such
    /// as a did-you-mean).
    package func isCase<T: MessageTemplates>(_ key: T) -> Bool {
        let words = self.words
        return words.en == key.en && words.fi == key.fi && words.sv == key.sv
    }

    /// English, with English keywords: for code and tests that read a message as data.
    package var english: String { text(.en, keywords: .en) }

    /// The keyword entries with their English names' bytes, in table order: a header's
    /// name comes before an attribute's of the same name, and is the one found.
    static let keywordNames: [[UInt8]] = Keywords.table.map { Array($0.meaning.name.utf8) }

    /// The keyword entry whose English name is `name`, compared on bytes: a sentence of a
    /// report quotes one, and making a string to look it up cost more than the rest of the
    /// sentence. (By index: a loop over the entries would copy each one it passes.)
    static func keyword(named name: UnsafeBufferPointer<UInt8>) -> KeywordEntry? {
        guard !name.isEmpty else { return nil }
        for i in keywordNames.indices where keywordNames[i].count == name.count {
            let equal = keywordNames[i].withUnsafeBufferPointer { memcmp($0.baseAddress!, name.baseAddress!, name.count) == 0 }
            if equal { return Keywords.table[i] }
        }
        return nil
    }

    /// The placeholders a template uses (`{0}`, `{k:step}` …), for the test that checks that
    /// every language of a sentence has the same ones.
    package static func placeholders(_ template: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}

/// A value in a message.
package enum MessageValue: Hashable, Sendable {
    /// Text from the journey or the command line, shown as it is.
    case text(String)
    case number(Int)
    /// A part of the sentence that is itself a message, in the same language.
    case message(Message)
    /// A keyword, spelled as the file spells it.
    case keyword(KeywordMeaning)
    /// Items joined as a list: "a, b or c" / "a, b tai c" / "a, b eller c".
    case list([MessageValue], Conjunction)

    package enum Conjunction: Hashable, Sendable {
        case and, or

        func word(_ language: KeywordLanguage) -> String {
            switch (self, language) {
            case (.and, .en): "and"
            case (.and, .fi): "ja"
            case (.and, .sv): "och"
            case (.or, .en): "or"
            case (.or, .fi): "tai"
            case (.or, .sv): "eller"
            }
        }
    }

    /// The value as a message shows it, appended to `out` as UTF-8 bytes.
    package func write(_ language: KeywordLanguage, keywords: KeywordLanguage, into out: inout [UInt8]) {
        switch self {
        case .text(let s): out.appendUTF8(s)
        case .number(let n): out.appendUTF8(String(n))
        case .message(let m): m.write(language, keywords: keywords, into: &out)
        case .keyword(let meaning): out.appendUTF8(Keywords.entry(for: meaning).preferred(keywords))
        case .list: out.appendUTF8(text(language, keywords: keywords))
        }
    }

    func text(_ language: KeywordLanguage, keywords: KeywordLanguage) -> String {
        switch self {
        case .text(let s): s
        case .number(let n): String(n)
        case .message(let m): m.text(language, keywords: keywords)
        case .keyword(let meaning): Keywords.entry(for: meaning).preferred(keywords)
        case .list(let items, let conjunction):
            MessageValue.join(items.map { $0.text(language, keywords: keywords) }, conjunction.word(language))
        }
    }

    /// "a", "a or b", "a, b or c".
    static func join(_ items: [String], _ word: String) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
        }
    }
}

/// The language a report is written in, and the one the file's keywords are spelled in.
package struct Wording: Hashable, Sendable {
    package var language: KeywordLanguage
    package var keywords: KeywordLanguage

    package init(_ language: KeywordLanguage, keywords: KeywordLanguage) {
        self.language = language
        self.keywords = keywords
    }

    package static let english = Wording(.en, keywords: .en)

    package func callAsFunction(_ message: Message) -> String { message.text(language, keywords: keywords) }

    /// The message in these words, appended to `out` as UTF-8 bytes (no `String` made).
    package func write(_ message: Message, into out: inout [UInt8]) {
        message.write(language, keywords: keywords, into: &out)
    }

    /// The same, for a writer of many sentences, which keeps `templates` (see `MessageMaker`).
    package func write(_ message: Message, templates: inout TemplateCache, into out: inout [UInt8]) {
        message.write(language, keywords: keywords, templates: &templates, into: &out)
    }
}

/// A long text in the three languages (a rule's summary and explanation, an error's
/// explanation for `polku explain`), with no placeholders.
package struct Trilingual: Sendable {
    package let en: String, fi: String, sv: String

    package init(en: String, fi: String, sv: String) {
        self.en = en
        self.fi = fi
        self.sv = sv
    }

    package func callAsFunction(_ language: KeywordLanguage) -> String {
        switch language {
        case .en: en
        case .fi: fi
        case .sv: sv
        }
    }
}
