import PolkuModel
import PolkuSyntax

/// Flags a persona that is declared but not named in the journey's `for:` line.
///
/// Its full explanation (why it matters, an example, the fix) is written once, in
/// `info.explanation`: `polku explain unused-persona` prints it.
package enum UnusedPersonaRule: Rule {
    package static let info = RuleInfo(
        name: "unused-persona", question: .questionUnusedPersona, defaultSeverity: .warning,
        summary: "A declared persona the journey's `for:` does not name.",
        explanation: """
        Flags a persona that is declared but not named in the journey's `for:` line.

        Why it matters: the journey is drawn for particular customers. A persona that the journey
        does not follow is either left over from another journey or missing from `for:`; either
        way the reader cannot tell whom the journey is for. (Without a `for:` line the journey is
        for every persona, and this rule says nothing.)

        Example:

            journey: Book-tipping evening
            for: reader
            persona reader: Retired teacher who reads crime novels
            persona student: Upper-secondary student

        Fix: add the persona to `for:` (`for: reader, student`), or remove it.
        """)

    package static func check(_ journey: Journey, _ facts: JourneyFacts) -> [Finding] {
        guard journey.forLine != nil else { return [] }
        return journey.personas.indices.filter { !journey.focus.contains($0) }.map { index in
            let persona = journey.personas[index]
            return Finding(.persona(index), persona.idRange, "the persona `\(persona.id)` is declared but the journey is not for them",
                           label: "not in `for:`",
                           help: "Add `\(persona.id)` to the journey's `for:` line, or remove the persona.")
        }
    }
}
