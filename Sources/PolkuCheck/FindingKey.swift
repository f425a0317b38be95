import PolkuModel
import PolkuSyntax

/// What makes a finding the same finding after the file was edited: its rule and its subject
/// by id (the step `ask`, the channel `web`, …), never its line or its words (which quote the
/// step's title, which may be reworded). A baseline (`polku check --baseline`) and SARIF's
/// `partialFingerprints` are keyed by it, so adding lines above a step does not bring its
/// accepted findings back, and code-scanning alerts stay the same alerts. Two findings of one
/// rule on one subject share a key; a baseline counts them.
package enum FindingKey {
    /// The finding's subject as ids: `step:ask`, `channel:web`, `persona:teen`,
    /// `phase:before` or `journey` (a step without an id by its title: `step-title:Asks`).
    package static func subject(_ d: Diagnostic, _ journey: Journey) -> String {
        switch d.subject {
        case .step(let i)? where journey.steps.indices.contains(i):
            let step = journey.steps[i]
            return step.id.map { "step:\($0)" } ?? "step-title:\(step.title.value)"
        case .channel(let i)? where journey.channels.indices.contains(i): return "channel:\(journey.channels[i].id)"
        case .persona(let i)? where journey.personas.indices.contains(i): return "persona:\(journey.personas[i].id)"
        case .phase(let p)?: return "phase:\(p.rawValue)"
        default: return "journey"
        }
    }

    /// Rule and subject, tab-separated.
    package static func key(_ d: Diagnostic, _ journey: Journey) -> String {
        "\(d.code.name)\t\(subject(d, journey))"
    }

    /// A short, stable hash of the key (`StableHash`).
    package static func fingerprint(_ d: Diagnostic, _ journey: Journey) -> String {
        StableHash.hex(key(d, journey).utf8)
    }

    /// Whether a diagnostic is a checker finding (which a baseline can hold), not an error
    /// in the file (which must be fixed).
    package static func isFinding(_ d: Diagnostic) -> Bool {
        if case .rule = d.code { return true }
        return false
    }
}
