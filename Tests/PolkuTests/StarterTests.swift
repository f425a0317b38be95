import Foundation
import PolkuCheck
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// `polku new`: a starter journey in each language that checks with no errors, whose
/// findings point at what is still to write, and that never overwrites a file.
@Suite struct StarterTests {
    @Test(arguments: KeywordLanguage.allCases)
    func theStarterChecksWithNoErrorsAndHasFindings(_ language: KeywordLanguage) throws {
        for (channels, persona) in [([String](), String?.none), (["phone", "email", "kiosk"], "senior"),
                                    (["sociala medier"], nil), (["palvelupiste", "verkko", "chatti", "sähköposti"], "opiskelija")] {
            let text = try Starter.journey(language: language, channels: channels, persona: persona).get()
            let journey = try Pipeline().load(text: text, name: "new.polku").get()
            #expect(journey.errors.isEmpty, "\(language) \(channels): \(journey.errors.map(\.message))")
            #expect(journey.language == language, "the starter is written in \(language) keywords")
            #expect(!journey.result.diagnostics.isEmpty, "the findings say what is still to write")
            let j = journey.result.analysis.journey
            #expect(j.steps.count == 3 && Set(j.steps.map(\.phase)) == Set(Phase.allCases))
            #expect(j.personas.count == 1 && j.focus == [0])
            if let persona { #expect(j.personas[0].id == persona) }
            // The workbook's guiding questions are there, as comments.
            #expect(text.components(separatedBy: "\n  # ").count - 1 == 7)
        }
    }

    @Test func badChannelsAndPersonasAreRefused() {
        #expect(throws: StarterProblem.invalidChannel("front desk!")) {
            try Starter.journey(language: .en, channels: ["front desk!"]).get()
        }
        #expect(throws: StarterProblem.invalidPersona("a b")) {
            try Starter.journey(language: .en, persona: "a b").get()
        }
    }

    @Test func newNeverOverwritesAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polku-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("matka.polku").path
        let first = try runPolku(["new", file, "--lang", "fi", "--channels", "palvelupiste,verkko"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("Kirjoitettiin"))
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.hasPrefix("# Uusi palvelupolku"))
        #expect(try runPolku(["check", file]).status == 0)
        // A second time: refused, the file untouched.
        try "my own work\n".write(toFile: file, atomically: true, encoding: .utf8)
        let again = try runPolku(["new", file])
        #expect(again.status == 2)
        #expect(again.stderr.contains("never writes over a file"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "my own work\n")
        // Standard output, in the language of POLKU_LANG.
        let out = try runPolku(["new"], environment: ["POLKU_LANG": "sv"])
        #expect(out.stdout.hasPrefix("# En ny kundresa"))
    }
}
