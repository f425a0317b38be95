import PolkuSyntax

/// Every message about the configuration (`polku.toml` and `--rule`), written once, in plain
/// words for library staff, with a `help` that says what to write instead. The sentences, in
/// three languages, are in `ConfigMessage`.
package enum ConfigurationCatalog {
    /// `"error", "warning", "info" or "off"`, with the language's "or".
    static let severities = MessageValue.list(RuleSetting.allCases.map { .text("\"\($0.rawValue)\"") }, .or)

    static func m(_ key: ConfigMessage, _ values: MessageValue...) -> Message { Message(key, values: values) }
    static func m(_ key: SyntaxMessage, _ values: MessageValue...) -> Message { Message(key, values: values) }

    // MARK: The file as a whole

    package static func nulByte(at offset: Int) -> Diagnostic {
        Catalog.error(.configSyntax, m(.notTextFile), SourceRange(offset, offset + 1), label: m(.binaryFileLabel),
                      notes: [m(.nothingUsed)], help: m(.notTextFileHelp))
    }

    package static func notUTF8(byte: UInt8, at offset: Int) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return Catalog.error(.configSyntax, m(.notUTF8, .text(hex.count == 1 ? "0" + hex : hex)),
                             SourceRange(offset, offset + 1), label: m(.invalidUTF8Label),
                             notes: [m(.nothingUsed)], help: m(.invalidUTF8Help))
    }

    /// What the TOML reader could not follow. `reason` is its message, for example
    /// "Error while parsing value: could not determine value type".
    package static func notTOML(_ reason: String, at range: SourceRange) -> Diagnostic {
        // The reader's own words, without its "Error while parsing value: " prefix, as the label.
        var label = reason
        if reason.hasPrefix("Error while parsing"), let colon = reason.firstIndex(of: ":") {
            label = String(reason[reason.index(after: colon)...].drop { $0 == " " })
        }
        let help: ConfigMessage
        if reason.contains("could not determine value type") {
            help = .quoteValue
        } else if reason.contains("cannot redefine") {
            help = .givenTwice
        } else if reason.contains("table header") {
            help = .sectionSyntax
        } else if reason.contains("expected '='") {
            help = .writeEquals
        } else if reason.contains("expected keys") {
            help = .quoteKey
        } else {
            help = .lineSyntax
        }
        return Catalog.error(.configSyntax, m(.notTOML), range, label: label.isEmpty ? nil : .verbatim(label),
                             notes: [m(.tomlReaderSays, .text(reason))], help: m(help))
    }

    /// A mistake the TOML reader is not asked about (see `TOMLLayout.ReaderTrap`).
    package static func readerTrap(_ trap: TOMLLayout.ReaderTrap, at range: SourceRange) -> Diagnostic {
        let (label, help): (ConfigMessage, ConfigMessage) = switch trap {
        case .headerWithoutName: (.sectionNameMissing, .sectionSyntax)
        case .arrayItemMissing: (.valueMissing, .listSyntax)
        case .brokenDateTime: (.notADateTime, .noDates)
        }
        return Catalog.error(.configSyntax, m(.notTOML), range, label: m(label), help: m(help))
    }

    // MARK: Sections

    package static func unknownSection(_ name: String, at range: SourceRange) -> Diagnostic {
        var d = Catalog.error(.configInvalid, m(.noSuchSection, .text(name)), range, label: m(.unknownSectionLabel),
                              notes: [m(.theSections)])
        if let near = Suggestions.closest(to: name, among: ["rules", "ignore"]) {
            d.helpText = m(.didYouMeanSection, .text(near))
        } else {
            d.helpText = m(.moveLinesUnderSection)
        }
        return d
    }

    /// A `key = value` above every section header.
    package static func outsideSection(_ key: String, at range: SourceRange) -> Diagnostic {
        let isRule = RuleRegistry.info(named: key) != nil
        return Catalog.error(.configInvalid, m(.outsideSection, .text(key)), range, label: m(.outsideSectionLabel),
                             help: m(isRule ? .putRulesAbove : .putLineUnderSection))
    }

    /// `rules` or `ignore` written as a value or as `[[rules]]`, not as a section.
    package static func notASection(_ name: String, at range: SourceRange) -> Diagnostic {
        let example = name == "rules" ? "missing-need = \"off\"" : "\"drafts/*\" = [\"missing-need\"]"
        return Catalog.error(.configInvalid, m(.mustBeSection, .text(name)), range, label: m(.notASectionLabel),
                             help: m(.writeSection, .text(name), .text(example)))
    }

    // MARK: Rules

    /// A rule name that no rule has, in `[rules]` or in a list of `[ignore]`.
    package static func unknownRule(_ name: String, at range: SourceRange) -> Diagnostic {
        var d = Catalog.error(.configUnknownRule, m(.noSuchRule, .text(name)), range, label: m(.noSuchRuleLabel),
                              notes: [m(.rulesListsEveryRule)])
        if let near = Suggestions.closest(to: name, among: RuleRegistry.names) { d.helpText = m(.didYouMean, .text(near)) }
        return d
    }

    /// A value in `[rules]` that is not a severity. `text` is the value when it is a string.
    package static func badSeverity(rule: String, text: String?, isFalse: Bool, at range: SourceRange) -> Diagnostic {
        let help: Message
        if let text, let setting = RuleSetting(rawValue: text.lowercased()) {
            help = m(.lowerCase, .text(rule), .text(setting.rawValue))
        } else if isFalse {
            help = m(.switchOff, .text(rule))
        } else if text == nil {
            help = m(.quoteSeverity, .text(rule))
        } else {
            help = m(.forExampleWarning, .text(rule))
        }
        return Catalog.error(.configInvalid, m(.mustBeSeverity, .text(rule), severities), range,
                             label: text.map { m(.notASeverity, .text($0)) } ?? m(.notASeverityLabel), help: help)
    }

    // MARK: Ignore

    /// A pattern in `[ignore]` whose value is not a list. `text` is the value when it is a string.
    package static func ignoreNotAList(_ pattern: String, text: String?, at range: SourceRange) -> Diagnostic {
        let names = text.map { "\"\($0)\"" } ?? "\"missing-need\""
        return Catalog.error(.configInvalid, m(.mustBeList, .text(pattern)), range, label: m(.notAListLabel),
                             help: m(.writeList, .text(pattern), .text(names)))
    }

    /// An item of a list in `[ignore]` that is not text.
    package static func ruleNameNotText(at range: SourceRange) -> Diagnostic {
        Catalog.error(.configInvalid, m(.ruleNameNotText), range, label: m(.notARuleNameLabel), help: m(.quoteRuleName))
    }

    // MARK: `--rule NAME=SEVERITY`

    /// A `--rule` option without `=`, a name or a severity.
    package static func overrideIncomplete(_ option: String) -> Diagnostic {
        .aboutFile(.configInvalid, m(option.hasPrefix("=") ? .optionNoRule : .optionNoSeverity), help: m(.optionSyntax))
    }

    package static func overrideBadSeverity(_ value: String, rule: String) -> Diagnostic {
        .aboutFile(.configInvalid, m(.notASeverity, .text(value)), help: m(.optionSeverity, .text(rule)))
    }

    package static func overrideUnknownRule(_ name: String) -> Diagnostic {
        let help = Suggestions.closest(to: name, among: RuleRegistry.names).map { m(.didYouMean, .text($0)) }
        return .aboutFile(.configUnknownRule, m(.noSuchRule, .text(name)), help: help ?? m(.writeRuleName))
    }
}
