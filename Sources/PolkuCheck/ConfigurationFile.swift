import Foundation
import PolkuSyntax
import TOMLKit

// Reading `polku.toml` is the only use of TOMLKit, kept in this file so that everything else
// in the checker builds without it (the fuzzer compiles the sources directly).
extension Configuration {
    /// Reads a configuration file's text: the configuration made of every part of it that
    /// is right, and every problem in it, each pointing at its own key or value in `source`.
    ///
    /// `path` is set to `source.name`, so that `[ignore]` patterns are relative to its folder:
    /// name the source with the file's path.
    ///
    /// A file that is not TOML text (a NUL byte, bytes that are not UTF-8, a TOML syntax
    /// error) gives one problem and an empty configuration: nothing of it is used. Otherwise
    /// each bad entry is left out and the rest is used: a bad severity leaves the rule at its
    /// default, an unknown rule name is dropped from its `[ignore]` list. Every problem is an
    /// error, and a caller that gets any should not check journeys with the configuration
    /// (the command line stops with exit status 2); the configuration is returned for tools
    /// that show what the rest of the file says.
    package static func parse(_ source: SourceFile) -> (Configuration, [Diagnostic]) {
        var config = Configuration()
        config.path = source.name
        let bytes = source.bytes
        if let nul = bytes.firstIndex(of: 0) {
            return (config, [ConfigurationCatalog.nulByte(at: nul)])
        }
        if let bad = firstInvalidUTF8(bytes, from: source.contentStart) {
            return (config, [ConfigurationCatalog.notUTF8(byte: bytes[bad], at: bad)])
        }
        let layout = TOMLLayout(source)
        let fileStart = SourceRange(source.contentStart, source.contentStart)
        func problem(_ error: any Error) -> Diagnostic {
            guard let error = error as? TOMLParseError else {
                return ConfigurationCatalog.notTOML(String(describing: error), at: fileStart)
            }
            let range = range(in: source, line: error.source.begin.line, column: error.source.begin.column)
            return ConfigurationCatalog.notTOML(error.description, at: range)
        }
        // A mistake that TOMLKit's reader would stop the program on never reaches it; the
        // lines above it do, so that a mistake above it is still the one reported.
        if let (offset, statement, trap) = layout.readerTraps.first {
            do {
                _ = try TOMLTable(string: String(decoding: bytes[..<statement], as: UTF8.self))
                return (config, [ConfigurationCatalog.readerTrap(trap, at: range(in: source, at: offset))])
            } catch {
                return (config, [problem(error)])
            }
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(decoding: bytes, as: UTF8.self))
        } catch {
            return (config, [problem(error)])
        }

        func keyRange(_ path: [String]) -> SourceRange { layout.keyRange(of: path) ?? fileStart }
        func valueRange(_ path: [String]) -> SourceRange { layout.valueRange(of: path) ?? fileStart }
        var problems: [Diagnostic] = []

        for key in table.keys where key != "rules" && key != "ignore" {
            let isSection = table[key]?.table != nil || layout.headers.contains { $0.path.first == key }
            problems.append(isSection ? ConfigurationCatalog.unknownSection(key, at: keyRange([key]))
                                      : ConfigurationCatalog.outsideSection(key, at: keyRange([key])))
        }

        if let value = table["rules"] {
            if let rules = value.table {
                for name in rules.keys {
                    let path = ["rules", name]
                    let known = RuleRegistry.info(named: name) != nil
                    if !known { problems.append(ConfigurationCatalog.unknownRule(name, at: keyRange(path))) }
                    let value = rules[name]
                    guard let text = value?.string, let setting = RuleSetting(rawValue: text) else {
                        problems.append(ConfigurationCatalog.badSeverity(
                            rule: name, text: value?.string, isFalse: value?.bool == false, at: valueRange(path)))
                        continue
                    }
                    if known { config.settings[name] = setting }
                }
            } else {
                problems.append(ConfigurationCatalog.notASection("rules", at: keyRange(["rules"])))
            }
        }

        if let value = table["ignore"] {
            if let ignore = value.table {
                for pattern in ignore.keys {
                    let path = ["ignore", pattern]
                    guard let list = ignore[pattern]?.array else {
                        problems.append(ConfigurationCatalog.ignoreNotAList(pattern, text: ignore[pattern]?.string,
                                                                            at: valueRange(path)))
                        continue
                    }
                    // Each item's own place when the layout found as many items as TOMLKit.
                    let places = layout.entry(at: path)?.items
                    var names: [String] = []
                    for (index, item) in list.enumerated() {
                        let range = places.flatMap { $0.count == list.count ? $0[index] : nil } ?? valueRange(path)
                        guard let name = item.string else {
                            problems.append(ConfigurationCatalog.ruleNameNotText(at: range))
                            continue
                        }
                        guard RuleRegistry.info(named: name) != nil else {
                            problems.append(ConfigurationCatalog.unknownRule(name, at: range))
                            continue
                        }
                        names.append(name)
                    }
                    config.ignores.append((pattern, names))
                }
            } else {
                problems.append(ConfigurationCatalog.notASection("ignore", at: keyRange(["ignore"])))
            }
        }
        return (config, problems.sortedByPosition())
    }

    /// The character at a 1-based line and column of the TOML reader (which counts columns
    /// in Unicode scalars), or an empty range at the end of the line when the column is past it.
    static func range(in source: SourceFile, line: Int, column: Int) -> SourceRange {
        guard line >= 1 else { return SourceRange(source.contentStart, source.contentStart) }
        guard line <= source.lineCount else { return SourceRange(source.bytes.count, source.bytes.count) }
        let lineRange = source.lineRange(line)
        func next(_ i: Int) -> Int {
            var j = i + 1
            while j < lineRange.end && source.bytes[j] & 0xC0 == 0x80 { j += 1 }
            return j
        }
        var i = lineRange.start
        for _ in 1..<max(1, column) where i < lineRange.end { i = next(i) }
        return SourceRange(i, i < lineRange.end ? next(i) : i)
    }

    /// The character at `offset`, or an empty range at the end of its line.
    static func range(in source: SourceFile, at offset: Int) -> SourceRange {
        let location = source.location(of: offset)
        return range(in: source, line: location.line, column: location.column)
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        var offset = start
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
