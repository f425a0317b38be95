import Foundation
import PolkuCheck
import PolkuPipeline
import PolkuSyntax
import Testing

/// `polku check --write-baseline` and `--baseline`, and SARIF's partial fingerprints: keyed by
/// rule, subject and message, never by line.
@Suite struct BaselineTests {
    @Test func stableHashIsFNV1aIn16HexDigits() {
        // Published FNV-1a 64-bit values.
        #expect(StableHash.hex("".utf8) == "cbf29ce484222325")
        #expect(StableHash.hex("a".utf8) == "af63dc4c8601ec8c")
        #expect(StableHash.hex("foobar".utf8) == "85944171f73967e8")
        // The same from bytes without a buffer (a lazy sequence) and from an array.
        let text = "vaihe `ilmoitus` – äöå"
        #expect(StableHash.hex(text.utf8.lazy.map { $0 }) == StableHash.hex(Array(text.utf8)))
        #expect(StableHash.hex(text.utf8) == StableHash.hex(Array(text.utf8)))
        // Hashed in parts, the same as hashed whole.
        var parts = StableHash.Hasher()
        parts.add("vaihe ")
        parts.add(UInt8(ascii: "`"))
        parts.add("ilmoitus` – äöå".utf8)
        #expect(parts.hex == StableHash.hex(text.utf8))
    }

    /// A fingerprint, hashed from the finding's parts, is the hash of its key: the rule, a tab
    /// and the subject. Baselines written before keep matching.
    @Test(arguments: Fixture.examples)
    func aFingerprintIsTheHashOfTheKey(_ path: String) throws {
        let journey = try Pipeline(Pipeline.Settings(configuration: .none)).load(text: try Fixture.read(path), name: path).get()
        let model = journey.result.analysis.journey
        let findings = journey.result.diagnostics.filter(FindingKey.isFinding)
        for d in findings {
            #expect(FindingKey.fingerprint(d, model) == StableHash.hex(FindingKey.key(d, model).utf8))
            #expect(FindingKey.key(d, model) == d.code.name + "\t" + FindingKey.subject(d, model))
        }
    }

    /// The fingerprints of the Finnish example's two findings, as baselines hold them.
    @Test func fingerprintsStayAsTheyWere() throws {
        let journey = try Pipeline(Pipeline.Settings(configuration: .none)).load(text: try Fixture.read(Self.example), name: Self.example).get()
        let model = journey.result.analysis.journey
        let keys = journey.result.diagnostics.filter(FindingKey.isFinding).map { FindingKey.key($0, model) }
        let prints = journey.result.diagnostics.filter(FindingKey.isFinding).map { FindingKey.fingerprint($0, model) }
        #expect(keys == ["missing-recommendation\tstep:ei-saatavilla", "missing-follow-up\tstep:saapunut"])
        #expect(prints == ["c431cc8aa89e977d", "5239c438559f266d"])
    }

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("polku-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The Finnish example has two findings: no recommendation at step 3 and no follow-up at step 4.
    static let example = "Examples/kaukolaina-fi.polku"

    @Test func aBaselineHoldsBackTodaysFindingsAndOnlyNewOnesAreReported() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journey = dir.appendingPathComponent("j.polku").path
        let baseline = dir.appendingPathComponent("baseline.json").path
        let original = try Fixture.read(Self.example)
        try original.write(toFile: journey, atomically: true, encoding: .utf8)

        let wrote = try runPolku(["check", journey, "--format", "short", "--write-baseline", baseline])
        #expect(wrote.stderr.contains("now holds today's findings (2)"))
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: baseline))) as? [String: Any])
        #expect(file["polkuBaseline"] as? Int == 1)
        let entries = try #require(file["findings"] as? [[String: String]])
        #expect(entries.map { $0["rule"] ?? "" }.sorted() == ["missing-follow-up", "missing-recommendation"])
        #expect(entries.allSatisfy { $0["subject"]?.hasPrefix("step:") == true && $0["fingerprint"]?.count == 16 })
        #expect(try String(contentsOfFile: baseline, encoding: .utf8) == Baseline.read(baseline).get().text, "written as it is read")

        let quiet = try runPolku(["check", journey, "--format", "short", "--baseline", baseline])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        #expect(quiet.stderr.contains("not shown: 2"))

        // Lines added above the steps move every finding down: nothing comes back.
        let moved = original.replacingOccurrences(of: "journey:", with: "# a comment\n# and another\n\njourney:")
        try moved.write(toFile: journey, atomically: true, encoding: .utf8)
        let after = try runPolku(["check", journey, "--format", "short", "--baseline", baseline])
        #expect(after.stdout.isEmpty, "\(after.stdout)")

        // A new step with neither recommendation nor follow-up: only its findings are new.
        let added = moved + "\n  step extra: Asks again by phone\n    via: email\n"
        try added.replacingOccurrences(of: "\n\n  step extra", with: "\n  step extra").write(toFile: journey, atomically: true, encoding: .utf8)
        let new = try runPolku(["check", journey, "--format", "short", "--baseline", baseline])
        let lines = new.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        let plain = try runPolku(["check", journey, "--format", "short"])
        #expect(plain.stdout.split(separator: "\n").count == lines.count + 2, "all but the two accepted findings")
    }

    @Test func entriesThatNoLongerMatchAreCounted() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journey = dir.appendingPathComponent("j.polku").path
        let baseline = dir.appendingPathComponent("baseline.json").path
        let original = try Fixture.read(Self.example)
        try original.write(toFile: journey, atomically: true, encoding: .utf8)
        _ = try runPolku(["check", journey, "--write-baseline", baseline])
        // The team adds the missing recommendation: its baseline entry is stale.
        let checked = try Pipeline().load(journey).get()
        let step = try #require(checked.result.diagnostics.first { $0.code.name == "missing-recommendation" })
        let line = checked.source.location(of: step.range.start).line
        var lines = original.components(separatedBy: "\n")
        lines.insert("    suosittele: kirjaston paikallishistorian opas", at: line)
        try lines.joined(separator: "\n").write(toFile: journey, atomically: true, encoding: .utf8)
        let result = try runPolku(["check", journey, "--format", "short", "--baseline", baseline])
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("not shown: 1"))
        #expect(result.stderr.contains("match no finding any more: 1"), "\(result.stderr)")
        #expect(result.stderr.contains("--write-baseline \(baseline)"))
    }

    @Test func aBaselineThatIsNotOneIsSaidClearly() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let baseline = dir.appendingPathComponent("baseline.json").path
        try "not json".write(toFile: baseline, atomically: true, encoding: .utf8)
        let result = try runPolku(["check", Fixture.path(Self.example), "--baseline", baseline])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a baseline written by `polku check --write-baseline`"))
        let both = try runPolku(["check", Fixture.path(Self.example), "--baseline", baseline, "--write-baseline", baseline])
        #expect(both.status == 2)
        #expect(both.stderr.contains("one at a time"))
    }

    @Test func sarifFingerprintsDoNotDependOnLines() throws {
        let original = try Fixture.read(Self.example)
        func fingerprints(_ text: String) throws -> [String: String] {
            let result = try runPolku(["check", "-", "--format", "sarif"], stdin: Data(text.utf8))
            let sarif = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            var found: [String: String] = [:]
            for r in results {
                let print = (r["partialFingerprints"] as? [String: String])?["polkuFinding/v1"]
                found[r["ruleId"] as? String ?? ""] = print
            }
            return found
        }
        let before = try fingerprints(original)
        let after = try fingerprints("# moved\n\n" + original)
        #expect(before.count == 2 && before.values.allSatisfy { $0.count == 16 })
        #expect(before == after)
        // Nor on the step's title, which the message quotes.
        let retitled = try fingerprints(original.replacingOccurrences(of: "Kuulee, ettei mikään kirjasto lainaa teosta kotiin", with: "Kuulee, ettei teosta saa kotiin"))
        #expect(before == retitled)
        #expect(Set(before.values).count == 2, "different findings, different fingerprints")
    }
}
