import PolkuSyntax

/// Every message about the configuration (`polku.toml` and `--rule`), written once, in plain
/// words for library staff, with a `help` that says what to write instead.
package enum ConfigurationCatalog {
    static let severities = "\"error\", \"warning\", \"info\" or \"off\""
    static let listRules = "`polku rules` lists every rule"

    // MARK: The file as a whole

    package static func nulByte(at offset: Int) -> Diagnostic {
        Catalog.error(.configSyntax, "this configuration file is not a text file: it contains a NUL byte",
                      SourceRange(offset, offset + 1), label: "NUL byte",
                      notes: ["nothing in this file is used"],
                      help: "check that this is the configuration file you meant; polku.toml is plain UTF-8 text")
    }

    package static func notUTF8(byte: UInt8, at offset: Int) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return Catalog.error(.configSyntax,
                             "this configuration file is not UTF-8 text: byte 0x\(hex.count == 1 ? "0" + hex : hex) cannot start or continue a character here",
                             SourceRange(offset, offset + 1), label: "first bad byte",
                             notes: ["nothing in this file is used"],
                             help: "save the file as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252)")
    }

    /// What the TOML reader could not follow. `reason` is its message, for example
    /// "Error while parsing value: could not determine value type".
    package static func notTOML(_ reason: String, at range: SourceRange) -> Diagnostic {
        // The reader's own words, without its "Error while parsing value: " prefix, as the label.
        var label = reason
        if reason.hasPrefix("Error while parsing"), let colon = reason.firstIndex(of: ":") {
            label = String(reason[reason.index(after: colon)...].drop { $0 == " " })
        }
        let help: String
        if reason.contains("could not determine value type") {
            help = "put the value in quotes, for example `missing-need = \"off\"`"
        } else if reason.contains("cannot redefine") {
            help = "this name is given twice; keep one of the lines"
        } else if reason.contains("table header") {
            help = "a section is a name in brackets on a line of its own: `[rules]` or `[ignore]`"
        } else if reason.contains("expected '='") {
            help = "write `=` between the name and the value: `missing-need = \"off\"`"
        } else if reason.contains("expected keys") {
            help = "a name with characters other than a-z, 0-9, `-` and `_` needs quotes: `\"drafts/*\" = [\"missing-need\"]`"
        } else {
            help = "each line under a section is a name, `=` and a value, with text in quotes: `missing-need = \"off\"`"
        }
        return Catalog.error(.configSyntax, "this configuration file is not valid TOML, so none of it is used", range,
                             label: label.isEmpty ? nil : label, notes: ["the TOML reader says: \(reason)"], help: help)
    }

    /// A mistake the TOML reader is not asked about (see `TOMLLayout.ReaderTrap`).
    package static func readerTrap(_ trap: TOMLLayout.ReaderTrap, at range: SourceRange) -> Diagnostic {
        switch trap {
        case .headerWithoutName:
            Catalog.error(.configSyntax, "this configuration file is not valid TOML, so none of it is used", range,
                          label: "section name missing",
                          help: "a section is a name in brackets on a line of its own: `[rules]` or `[ignore]`")
        case .arrayItemMissing:
            Catalog.error(.configSyntax, "this configuration file is not valid TOML, so none of it is used", range,
                          label: "a value is missing here",
                          help: "a list is written in brackets, with commas between the items: `[\"missing-need\", \"missing-role\"]`")
        case .brokenDateTime:
            Catalog.error(.configSyntax, "this configuration file is not valid TOML, so none of it is used", range,
                          label: "this does not continue a date and time",
                          help: "polku.toml takes no dates or times: write severities and rule names in quotes, for example `missing-need = \"off\"`")
        }
    }

    // MARK: Sections

    package static func unknownSection(_ name: String, at range: SourceRange) -> Diagnostic {
        var d = Catalog.error(.configInvalid, "the configuration has no section `[\(name)]`", range,
                              label: "unknown section",
                              notes: ["the sections are `[rules]`, which sets how serious each rule's findings are, and `[ignore]`, which switches rules off for some files"])
        if let near = Suggestions.closest(to: name, among: ["rules", "ignore"]) {
            d.helpText = .verbatim("did you mean `[\(near)]`?")
        } else {
            d.helpText = .verbatim("move these lines under `[rules]` or `[ignore]`, or remove them")
        }
        return d
    }

    /// A `key = value` above every section header.
    package static func outsideSection(_ key: String, at range: SourceRange) -> Diagnostic {
        let isRule = RuleRegistry.info(named: key) != nil
        return Catalog.error(.configInvalid, "`\(key)` is not under a section", range, label: "outside any section",
                             help: isRule ? "put `[rules]` on a line of its own above it"
                                 : "put the line under `[rules]` or `[ignore]`, or remove it")
    }

    /// `rules` or `ignore` written as a value or as `[[rules]]`, not as a section.
    package static func notASection(_ name: String, at range: SourceRange) -> Diagnostic {
        let example = name == "rules" ? "missing-need = \"off\"" : "\"drafts/*\" = [\"missing-need\"]"
        return Catalog.error(.configInvalid, "`\(name)` must be a section, written `[\(name)]`", range,
                             label: "not a section",
                             help: "write `[\(name)]` on a line of its own, and lines such as `\(example)` under it")
    }

    // MARK: Rules

    /// A rule name that no rule has, in `[rules]` or in a list of `[ignore]`.
    package static func unknownRule(_ name: String, at range: SourceRange) -> Diagnostic {
        var d = Catalog.error(.configUnknownRule, "there is no checker rule `\(name)`", range, label: "unknown rule",
                              notes: [listRules])
        if let near = Suggestions.closest(to: name, among: RuleRegistry.names) { d.helpText = .verbatim("did you mean `\(near)`?") }
        return d
    }

    /// A value in `[rules]` that is not a severity. `text` is the value when it is a string.
    package static func badSeverity(rule: String, text: String?, isFalse: Bool, at range: SourceRange) -> Diagnostic {
        let help: String
        if let text, let setting = RuleSetting(rawValue: text.lowercased()) {
            help = "write it in lower case: `\(rule) = \"\(setting.rawValue)\"`"
        } else if isFalse {
            help = "to switch the rule off, write `\(rule) = \"off\"`"
        } else if text == nil {
            help = "write the severity in quotes, for example `\(rule) = \"warning\"`"
        } else {
            help = "write, for example, `\(rule) = \"warning\"`"
        }
        return Catalog.error(.configInvalid, "`\(rule)` must be one of \(severities)", range,
                             label: text.map { "`\($0)` is not a severity" } ?? "not a severity", help: help)
    }

    // MARK: Ignore

    /// A pattern in `[ignore]` whose value is not a list. `text` is the value when it is a string.
    package static func ignoreNotAList(_ pattern: String, text: String?, at range: SourceRange) -> Diagnostic {
        let names = text.map { "\"\($0)\"" } ?? "\"missing-need\""
        return Catalog.error(.configInvalid, "`\(pattern)` must list rule names in brackets", range, label: "not a list",
                             help: "write the rule names in brackets, for example `\"\(pattern)\" = [\(names)]`")
    }

    /// An item of a list in `[ignore]` that is not text.
    package static func ruleNameNotText(at range: SourceRange) -> Diagnostic {
        Catalog.error(.configInvalid, "a rule name in `[ignore]` must be text in quotes", range, label: "not a rule name",
                      help: "write the rule's name in quotes, for example \"missing-need\"")
    }

    // MARK: `--rule NAME=SEVERITY`

    /// A `--rule` option without `=`, a name or a severity.
    package static func overrideIncomplete(_ option: String) -> Diagnostic {
        .aboutFile(.configInvalid, option.hasPrefix("=") ? "this --rule option names no rule" : "this --rule option has no severity",
                   help: "write --rule NAME=SEVERITY, with SEVERITY error, warning, info or off, for example --rule missing-need=off")
    }

    package static func overrideBadSeverity(_ value: String, rule: String) -> Diagnostic {
        .aboutFile(.configInvalid, "`\(value)` is not a severity",
                   help: "write --rule \(rule)=SEVERITY, with SEVERITY error, warning, info or off")
    }

    package static func overrideUnknownRule(_ name: String) -> Diagnostic {
        var help = Suggestions.closest(to: name, among: RuleRegistry.names).map { "did you mean `\($0)`?" }
        if help == nil { help = "write the name of a checker rule; \(listRules)" }
        return .aboutFile(.configUnknownRule, "there is no checker rule `\(name)`", help: help)
    }
}
