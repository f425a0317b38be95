import PolkuLanes
import PolkuModel
import PolkuSyntax

/// A finding that an `allow:` line accepted, kept for reports that show suppressions (SARIF).
package struct SuppressedFinding: Sendable {
    package var diagnostic: Diagnostic
    package var reason: String
}

/// Everything `polku check` knows about one file.
package struct CheckResult: Sendable {
    package var analysis: Analysis
    /// Front-end errors and the rules' findings with their final severity, in file order.
    package var diagnostics: [Diagnostic]
    package var suppressed: [SuppressedFinding]
    /// False when the file had errors: rules run only on a journey without errors, since a
    /// half-resolved journey would give misleading findings.
    package var rulesRan: Bool
}

/// Runs the rules on a journey and applies the team's configuration and `allow:` lines.
package enum Checker {
    /// From this many steps on, the rules run on two threads (below it, starting the second
    /// would take longer than it saves).
    static let parallelSteps = 4096

    package static func check(_ analysis: Analysis, configuration: Configuration = Configuration()) -> CheckResult {
        guard !analysis.hasErrors else {
            return CheckResult(analysis: analysis, diagnostics: analysis.diagnostics, suppressed: [], rulesRan: false)
        }
        let journey = analysis.journey
        let file = analysis.source.name
        let (allowances, allowErrors) = SuppressionParser.allowances(in: journey)
        var used = [Bool](repeating: false, count: allowances.count)
        // By rule: the file's allowance, and each step's (the first of each, as a step's
        // own allow wins over the file's): a finding finds its allowance in one look-up.
        var fileAllowance: [String: Int] = [:]
        var stepAllowance: [String: [Int: Int]] = [:]
        for (i, a) in allowances.enumerated() {
            switch a.scope {
            case .file: if fileAllowance[a.rule] == nil { fileAllowance[a.rule] = i }
            case .step(let step): if stepAllowance[a.rule, default: [:]][step] == nil { stepAllowance[a.rule, default: [:]][step] = i }
            }
        }

        // Every rule runs first, so that the diagnostics are made in an array of the size
        // they need: grown by appending, the array of a large journey's findings would be
        // copied as it doubles, and take up to twice its size (24 MB rather than 10 for
        // 40,000 findings). The facts are let go of before the diagnostics are made.
        // A large journey's rules, and its findings made diagnostics, on two threads.
        let lanes = journey.steps.count >= parallelSteps ? 2 : 1
        var ran: [(name: String, severity: Severity, findings: [Finding])] = {
            let facts = JourneyFacts(journey)
            let rules = RuleRegistry.all.compactMap { rule in
                configuration.setting(for: rule.info, file: file).severity.map { (rule, $0) }
            }
            // The rules run on the lanes alternately: the two that look at every step
            // (missing recommendations and follow-ups) then run side by side. Each rule's
            // findings go to its own slot.
            let slots = Lanes.Slots<[Finding]>(count: rules.count, empty: [])
            Lanes.run(lanes) { lane in
                for r in stride(from: lane, to: rules.count, by: lanes) {
                    slots.buffer[r] = rules[r].0.check(journey, facts)
                }
            }
            return rules.indices.map { (rules[$0].0.info.name, rules[$0].1, slots.take($0)) }
        }()
        // The usual case, a journey with no errors, warnings or `allow:` lines: the
        // findings are made diagnostics straight in the reader's order.
        if allowances.isEmpty, allowErrors.isEmpty, analysis.diagnostics.isEmpty,
           let diagnostics = inOrder(ran, lanes: lanes) {
            return CheckResult(analysis: analysis, diagnostics: diagnostics, suppressed: [], rulesRan: true)
        }
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(analysis.diagnostics.count + allowErrors.count + allowances.count
                                    + ran.reduce(0) { $0 + $1.findings.count })
        diagnostics += analysis.diagnostics
        diagnostics += allowErrors
        var suppressed: [SuppressedFinding] = []
        for r in ran.indices {
            let (name, severity, findings) = ran[r]
            // Each rule's findings are let go once they are diagnostics.
            ran[r].findings = []
            let code = DiagnosticCode.rule(name)
            let steps = stepAllowance[name]
            let fileWide = fileAllowance[name]
            for finding in findings {
                let diagnostic = finding.diagnostic(severity, code: code)
                // The step's own allow first: it is the more specific decision.
                var match = fileWide
                if let steps, case .step(let step) = finding.subject, let own = steps[step] { match = own }
                if let match {
                    used[match] = true
                    suppressed.append(SuppressedFinding(diagnostic: diagnostic, reason: allowances[match].reason))
                } else {
                    diagnostics.append(diagnostic)
                }
            }
        }
        let unusedInfo = UnusedAllowRule.info
        if let severity = configuration.setting(for: unusedInfo, file: file).severity {
            for (i, allowance) in allowances.enumerated() where !used[i] {
                // A rule switched off for this file cannot have findings to accept.
                guard let info = RuleRegistry.info(named: allowance.rule),
                      configuration.setting(for: info, file: file) != .off else { continue }
                let subject: DiagnosticSubject = switch allowance.scope {
                case .file: .journey
                case .step(let step): .step(step)
                }
                let rule = MessageValue.text(allowance.rule)
                diagnostics.append(Diagnostic(severity, code: unusedInfo.code,
                                              text: Message(allowance.scope == .file ? RuleMessage.allowsNothingInJourney
                                                            : RuleMessage.allowsNothingAtStep, rule),
                                              range: allowance.range, label: Message(RuleMessage.nothingToAllow),
                                              help: Message(RuleMessage.removeFromAllow, rule), subject: subject))
            }
        }
        diagnostics.sortByPosition()
        return CheckResult(analysis: analysis, diagnostics: diagnostics, suppressed: suppressed, rulesRan: true)
    }

    /// The rules' findings as diagnostics, in the order `sortByPosition` gives (by start,
    /// then code, then as each rule found them), each made straight in its place: the
    /// findings' places are sorted as integers (start, the rule's place by name, the
    /// finding's index in one word), and the diagnostics made in that order, by `lanes`
    /// threads each making its part. Made in the rules' order and then sorted, they were
    /// moved once more each, and made on one thread while the other had nothing to do (a
    /// tenth of `check`'s time at 100,000 steps). Nil for more rules or findings than the
    /// word has room for.
    package static func inOrder(_ ran: [(name: String, severity: Severity, findings: [Finding])], lanes: Int) -> [Diagnostic]? {
        guard ran.count <= 1 << 8, ran.allSatisfy({ $0.findings.count <= 1 << 24 }) else { return nil }
        let byName = ran.indices.sorted { ran[$0].name < ran[$1].name }
        var keys: [UInt64] = []
        keys.reserveCapacity(ran.reduce(0) { $0 + $1.findings.count })
        for (place, r) in byName.enumerated() {
            ran[r].findings.withUnsafeBufferPointer { findings in
                for i in findings.indices {
                    keys.append(UInt64(findings[i].range.start) << 32 | UInt64(place) << 24 | UInt64(i))
                }
            }
        }
        // Not made with room for none: that writes to the one empty array all threads share.
        guard !keys.isEmpty else { return [] }
        keys.sort()
        let order = keys
        let codes = ran.map { DiagnosticCode.rule($0.name) }
        let lanes = order.count < 2 ? 1 : lanes
        return Array(unsafeUninitializedCapacity: order.count) { buffer, made in
            let into = Lanes.Parts(buffer.baseAddress)
            Lanes.run(lanes) { lane in
                for k in lane * order.count / lanes ..< (lane + 1) * order.count / lanes {
                    let r = byName[Int(order[k] >> 24 & 0xFF)]
                    ran[r].findings.withUnsafeBufferPointer { findings in
                        let finding = findings[Int(order[k] & 0xFF_FFFF)]
                        into.initialize(k, to: finding.diagnostic(ran[r].severity, code: codes[r]))
                    }
                }
            }
            made = order.count
        }
    }
}

extension Finding {
    /// The finding as a diagnostic of a rule with code `code` and severity `severity`.
    @inline(__always)
    func diagnostic(_ severity: Severity, code: DiagnosticCode) -> Diagnostic {
        Diagnostic(severity, code: code, text: message, range: range, details: details, subject: subject)
    }
}
