import Foundation
import PolkuCheck
import PolkuReport
import PolkuSyntax

/// The findings a team has accepted for now (`polku check --write-baseline FILE`), so that
/// `polku check --baseline FILE` reports only new ones: bringing an old journey into Polku
/// without a flood of old findings. Entries are keyed by file, rule, subject and message
/// (`FindingKey`), never by line. Errors in a file are never in a baseline: they must be fixed.
///
/// The file is JSON, sorted, one entry per finding:
/// `{"polkuBaseline": 1, "findings": [{"file", "rule", "subject", "message", "fingerprint"}]}`.
package struct Baseline: Codable, Sendable, Equatable {
    package struct Entry: Codable, Sendable, Hashable, Comparable {
        package var file: String
        package var rule: String
        package var subject: String
        /// In English, for a person reading the file; the fingerprint is what is matched.
        package var message: String
        package var fingerprint: String

        package static func < (a: Entry, b: Entry) -> Bool {
            (a.file, a.rule, a.subject, a.message) < (b.file, b.rule, b.subject, b.message)
        }
    }

    package var polkuBaseline = 1
    package var findings: [Entry]

    package init(_ checked: [CheckedJourney]) {
        findings = checked.flatMap { journey in
            journey.result.diagnostics.filter(FindingKey.isFinding).map { d in
                Self.entry(d, journey)
            }
        }.sorted()
    }

    static func entry(_ d: Diagnostic, _ journey: CheckedJourney) -> Entry {
        let model = journey.result.analysis.journey
        return Entry(file: journey.source.name, rule: d.code.name, subject: FindingKey.subject(d, model),
                     message: d.text.english, fingerprint: FindingKey.fingerprint(d, model))
    }

    /// The baseline as the file holds it: pretty-printed, keys sorted, a line feed at the end.
    package var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Reads a baseline file; nil with the reason when it is not one.
    package static func read(_ path: String) -> Result<Baseline, Problems> {
        let pipeline = Pipeline(Pipeline.Settings(configuration: .none))
        switch pipeline.read(path) {
        case .failure(let problems): return .failure(problems)
        case .success(let source):
            do {
                return .success(try JSONDecoder().decode(Baseline.self, from: Data(source.bytes)))
            } catch {
                return .failure(Problems(FileDiagnostic(source, .aboutFile(
                    .cannotRead, Message(PipelineMessage.cannotRead, .text(path), .message(Message(PipelineMessage.notABaseline)))))))
            }
        }
    }

    /// The journeys with only the findings not in the baseline, how many findings the
    /// baseline held back, and how many of its entries match no finding any more.
    package func apply(to checked: [CheckedJourney]) -> (journeys: [CheckedJourney], heldBack: Int, stale: Int) {
        var remaining: [String: Int] = [:]
        for entry in findings { remaining["\(entry.file)\t\(entry.fingerprint)", default: 0] += 1 }
        var heldBack = 0
        let journeys = checked.map { journey -> CheckedJourney in
            var journey = journey
            journey.result.diagnostics = journey.result.diagnostics.filter { d in
                guard FindingKey.isFinding(d) else { return true }
                let key = "\(journey.source.name)\t\(FindingKey.fingerprint(d, journey.result.analysis.journey))"
                guard let left = remaining[key], left > 0 else { return true }
                remaining[key] = left - 1
                heldBack += 1
                return false
            }
            return journey
        }
        return (journeys, heldBack, remaining.values.reduce(0, +))
    }
}
