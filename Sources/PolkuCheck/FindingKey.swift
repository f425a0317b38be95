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
        let (kind, name) = subjectParts(d, journey)
        return kind.description + name
    }

    /// The subject in two parts: what it is, with its colon (`step:`), and its id (`ask`).
    static func subjectParts(_ d: Diagnostic, _ journey: Journey) -> (StaticString, String) {
        switch d.subject {
        case .step(let i)? where journey.steps.indices.contains(i):
            if let id = journey.steps[i].id { return ("step:", id) }
            return ("step-title:", journey.steps[i].title.value)
        case .channel(let i)? where journey.channels.indices.contains(i): return ("channel:", journey.channels[i].id)
        case .persona(let i)? where journey.personas.indices.contains(i): return ("persona:", journey.personas[i].id)
        case .phase(let p)?: return ("phase:", p.rawValue)
        default: return ("journey", "")
        }
    }

    /// Rule and subject, tab-separated.
    package static func key(_ d: Diagnostic, _ journey: Journey) -> String {
        "\(d.code.name)\t\(subject(d, journey))"
    }

    /// A short, stable hash of the key (`StableHash`), hashed in its parts without making
    /// the key: SARIF names each of 40,000 findings by it.
    package static func fingerprint(_ d: Diagnostic, _ journey: Journey) -> String {
        let (kind, name) = subjectParts(d, journey)
        var hasher = StableHash.Hasher()
        hasher.add(d.code.name.utf8)
        hasher.add(UInt8(ascii: "\t"))
        hasher.add(kind)
        hasher.add(name.utf8)
        return hasher.hex
    }

    /// Whether a diagnostic is a checker finding (which a baseline can hold), not an error
    /// in the file (which must be fixed).
    package static func isFinding(_ d: Diagnostic) -> Bool {
        if case .rule = d.code { return true }
        return false
    }
}
