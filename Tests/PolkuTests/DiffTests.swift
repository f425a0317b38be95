import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolkuDiagram
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// `polku diff` and `polku render --compare`: two versions of a journey compared by meaning.
@Suite struct DiffTests {
    static func load(_ text: String, name: String = "j.polku") -> CheckedJourney {
        let journey = try! Pipeline(Pipeline.Settings(configuration: .none)).load(text: text, name: name).get()
        #expect(!journey.hasErrors, "\(journey.errors.map(\.message))")
        return journey
    }

    static func diff(_ old: String, _ new: String) -> JourneyDiff {
        JourneyDiff(old: load(old, name: "old.polku"), new: load(new, name: "new.polku"))
    }

    static func file(_ path: String) throws -> CheckedJourney {
        let text = try Fixture.read(path)
        return try Pipeline(Pipeline.Settings(configuration: .none))
            .load(text: text, name: URL(fileURLWithPath: path).lastPathComponent).get()
    }

    // MARK: - Matching

    @Test func stepsAreMatchedByIdThenByTitle() {
        let d = Self.diff("""
            journey: T
            via: desk
            before:
              step ask: Asks at the desk
              step wait: Waits for the book
              step: Leaves happy
            """, """
            journey: T
            via: desk
            before:
              step ask: Asks at the counter
              step waiting:   waits FOR the book
              step: Leaves happy
            """)
        #expect(d.added.isEmpty && d.removed.isEmpty && d.moved.isEmpty)
        #expect(d.oldOfNew == [0, 1, 2])
        #expect(d.changed.count == 2)
        let ask = d.changed[0], wait = d.changed[1]
        #expect(ask.matchedBy == .id)
        #expect(ask.changes == [.value(.title, before: "Asks at the desk", after: "Asks at the counter")])
        // Matched by title (case and blanks aside): the id changed, the title does not count.
        #expect(wait.matchedBy == .title)
        #expect(wait.changes == [.value(.id, before: "wait", after: "waiting")])
    }

    @Test func stepsWithOneTitleArePairedInFileOrder() {
        let old = """
            journey: T
            via: desk
            before:
              step: Asks
                need: a book
              step: Asks
                need: a film

            """
        let d = Self.diff(old, old + "  step: Asks\n    need: music\n")
        #expect(d.oldOfNew == [0, 1, nil])
        #expect(d.added.map(\.number) == [3])
        // The second step no longer ends the journey: the new third follows it.
        #expect(d.changed.map(\.new.number) == [2])
    }

    // MARK: - Kinds of change

    @Test func everyKindOfStepChange() {
        let d = Self.diff("""
            journey: T
            via: desk
            before:
              step a: Asks
                need: a book
                by: advisor
                recommend: one
                recommend: two
                follow-up: call back
                mood: 2
              step b: Waits
                feedback: a form
                note: busy
            during:
              step c: Gets it
            """, """
            journey: T
            via: desk
            before:
              step a: Asks
                need: a book
                by: shelver
                recommend: two
                recommend: three
                follow-up: call back
                allow: missing-feedback because it comes later
                mood: 4
                next: c
            during:
              step b: Waits
                via: phone
                feedback: a form
              step c: Gets it
            """)
        #expect(d.changed.map(\.new.name) == ["a"])
        let a = d.changed[0].changes
        #expect(a.contains(.lines(.by, removed: ["advisor"], added: ["shelver"])))
        #expect(a.contains(.lines(.recommend, removed: ["one"], added: ["three"])))
        #expect(a.contains(.lines(.allow, removed: [], added: ["missing-feedback because it comes later"])))
        #expect(a.contains(.value(.mood, before: "2", after: "4")))
        #expect(a.contains(.next(before: ["b"], endsBefore: false, after: ["c"], endsAfter: false)))
        #expect(!a.contains { $0.attribute == .need || $0.attribute == .followUp })
        // b moved to another phase and channel, and lost its note.
        #expect(d.moved.map(\.new.name) == ["b"])
        let b = d.moved[0]
        #expect(b.old.phase == .before && b.new.phase == .during)
        #expect(b.old.channel.id == "desk" && b.new.channel.id == "phone")
        #expect(b.changes == [.lines(.note, removed: ["busy"], added: [])])
        let text = DiffReports.render(d, format: .text)
        #expect(text.contains("moved from Before, Service desk to During, Phone"), "\(text)")
        #expect(text.contains("new recommend line: three"))
        #expect(text.contains("recommend line removed: one"))
        #expect(text.contains("mood changed: 2 → 4"))
        #expect(text.contains("next changed: b → c"))
    }

    @Test func addedAndRemovedStepsAndTheFlow() {
        let d = Self.diff("""
            journey: T
            via: desk
            before:
              step a: Asks
              step b: Waits
            """, """
            journey: T
            via: desk
            before:
              step a: Asks
              step c: Reads
            """)
        #expect(d.added.map(\.name) == ["c"])
        #expect(d.removed.map(\.step.name) == ["b"])
        #expect(d.removed[0].after == 0)
        // a's successor is another step now: b (no longer there) → c.
        #expect(d.changed.first?.changes == [.next(before: ["b"], endsBefore: false, after: ["c"], endsAfter: false)])
    }

    @Test func journeyLevelChanges() {
        let d = Self.diff("""
            journey: Old title
            via: desk
            persona a: Student
            persona b: Teacher
            channel desk: Main desk
              competence: 3
            channel kiosk: Kiosk
            before:
              step s: Asks
            """, """
            journey: New title
            via: email
            persona a: Student
            persona c: Researcher
            channel desk: Main desk
              competence: 4
              presence: 2
            channel chat: Chat
            before:
              step s: Asks
                via: desk
            """)
        #expect(d.journey.contains(.title(before: "Old title", after: "New title")))
        #expect(d.journey.contains { if case .defaultChannel(let b, let a) = $0 { b?.id == "desk" && a?.id == "email" } else { false } })
        #expect(d.journey.contains(.personaAdded(id: "c", description: "Researcher")))
        #expect(d.journey.contains(.personaRemoved(id: "b", description: "Teacher")))
        #expect(d.journey.contains { if case .channelAdded(let c) = $0 { c.id == "chat" } else { false } })
        #expect(d.journey.contains { if case .channelRemoved(let c) = $0 { c.id == "kiosk" } else { false } })
        #expect(d.journey.contains { if case .rating(let c, .competence, 3, 4) = $0 { c.id == "desk" } else { false } })
        #expect(d.journey.contains { if case .rating(let c, .presence, nil, 2) = $0 { c.id == "desk" } else { false } })
        // The step stayed at the desk: its own `via:` now says what the default said.
        #expect(d.moved.isEmpty && d.changed.isEmpty)
        let fi = DiffReports.render(d, format: .text, language: .fi)
        #expect(fi.contains("Otsikko muuttui: Old title → New title"), "\(fi)")
        #expect(fi.contains("Main desk: läsnäolo ei arvioitu → 2/5"))
    }

    // MARK: - Findings

    @Test func findingsFixedAndIntroducedFollowARenamedStep() {
        let d = Self.diff("""
            journey: T
            via: desk
            before:
              step decline: Hears it cannot be delivered
                follow-up: offer a loan
              step ask: Asks again
                recommend: a guide
            """, """
            journey: T
            via: desk
            before:
              step refusal: Hears it cannot be delivered
                follow-up: offer a loan
              step ask: Asks again
            """)
        // `decline` is `refusal` now (same title): its missing recommendation is the same
        // finding, neither fixed nor new; `ask` lost its recommendation: a new finding.
        #expect(d.fixed.isEmpty, "\(d.fixed.map(\.subject))")
        #expect(d.introduced.map(\.rule) == ["missing-recommendation"])
        #expect(d.introduced.map(\.subject) == ["step:ask"])
        let fixed = Self.diff("""
            journey: T
            via: desk
            before:
              step decline: Hears it cannot be delivered
                follow-up: offer a loan
            """, """
            journey: T
            via: desk
            before:
              step refusal: Hears it cannot be delivered
                follow-up: offer a loan
                recommend: the interlibrary loan form
            """)
        #expect(fixed.fixed.map(\.rule) == ["missing-recommendation"])
        #expect(fixed.fixed.map(\.subject) == ["step:refusal"])
        #expect(fixed.introduced.isEmpty)
        let text = DiffReports.render(fixed, format: .text)
        #expect(text.contains("Findings fixed (1)"))
        #expect(text.contains("✓ missing-recommendation: step `decline`"), "\(text)")
    }

    // MARK: - Equal journeys

    @Test func commentsLayoutAndKeywordLanguageDoNotCount() throws {
        let english = try Fixture.read("Examples/article-delivery.polku")
        let relaid = "# another comment\n" + english
            .replacingOccurrences(of: "\n    ", with: "\n\t\t")
            .replacingOccurrences(of: "recommend: new e-books", with: "recommend:    new   e-books")
            .replacingOccurrences(of: "\n\n", with: "\n\n# a note for the team\n\n")
        #expect(Self.diff(english, relaid).isEqual)
        // The same journey with Finnish keywords (as `polku fmt --to fi` writes it).
        let tree = JourneyParser.parse(SourceFile(name: "a.polku", text: english))
        let finnish = String(decoding: try #require(Formatter.format(tree, to: .fi)), as: UTF8.self)
        #expect(finnish.contains("palvelupolku:"))
        let d = Self.diff(english, finnish)
        #expect(d.isEqual, "\(DiffReports.render(d, format: .text))")
        #expect(d.language == .fi)
        #expect(DiffReports.render(d, format: .text).contains("Ei eroja sisällössä"))
    }

    @Test func aJourneyEqualsItself() throws {
        let j = try Self.file("Examples/kaukolaina-fi.polku")
        let d = JourneyDiff(old: j, new: j)
        #expect(d.isEqual)
        #expect(DiffReports.render(d, format: .json).contains("\"equal\" : true"))
    }

    // MARK: - Reports

    @Test func goldenReports() throws {
        let d = JourneyDiff(old: try Self.file("Examples/article-delivery.polku"), new: try Self.file("Examples/article-delivery-plan.polku"))
        let base = Fixture.path("Tests/PolkuTests/Golden/diff/article-delivery-plan")
        Golden.check(DiffReports.render(d, format: .text), against: base + ".txt")
        Golden.check(DiffReports.render(d, format: .markdown), against: base + ".md")
        Golden.check(DiffReports.render(d, format: .json), against: base + ".json")
        Golden.check(DiffReports.render(d, format: .text, language: .sv), against: base + ".sv.txt")
    }

    /// The README's example report is the golden one.
    @Test func theReadmeShowsTheGoldenReport() throws {
        let golden = try Fixture.read("Tests/PolkuTests/Golden/diff/article-delivery-plan.txt")
        #expect(try Fixture.read("README.md").contains(golden))
    }

    @Test func jsonIsVersionedAndParses() throws {
        let d = JourneyDiff(old: try Self.file("Examples/article-delivery.polku"), new: try Self.file("Examples/article-delivery-plan.polku"))
        let json = DiffReports.render(d, format: .json, language: .fi)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["language"] as? String == "fi")
        #expect(object["equal"] as? Bool == false)
        let steps = try #require(object["steps"] as? [String: Any])
        #expect((steps["added"] as? [Any])?.count == 2)
        #expect(((steps["removed"] as? [[String: Any]])?.first?["after"]) as? Int == 2)
        #expect(json == DiffReports.render(d, format: .json, language: .fi))
    }

    @Test func markdownEscapesJourneyText() {
        let d = Self.diff("journey: T\nvia: desk\nbefore:\n  step a: Asks\n", "journey: T\nvia: desk\nbefore:\n  step a: Asks\n  step b: Reads *bold* <b>[link](x)\n")
        let md = DiffReports.render(d, format: .markdown)
        #expect(md.contains("Reads \\*bold\\* \\<b\\>\\[link\\](x)"), "\(md)")
        #expect(md.contains("## Steps added (1)"))
    }

    /// Hostile text (controls, markup, Markdown, Graphviz escapes) in every report and in
    /// the compare diagram stays text.
    @Test(arguments: HostileTextTests.texts)
    func hostileTextStaysText(_ hostile: String) throws {
        let old = HostileTextTests.check("journey: T\nvia: desk\nbefore:\n  step x: Asks\n    recommend: \(hostile)\n")
        let new = HostileTextTests.check(HostileTextTests.cleanJourney(hostile))
        let d = JourneyDiff(old: old, new: new)
        let text = DiffReports.render(d, format: .text)
        #expect(HostileTextTests.terminalSafe(text), "\(text.debugDescription)")
        let md = DiffReports.render(d, format: .markdown)
        #expect(!md.contains("<script>") && !md.contains("[link](") && !md.contains("*bold*"))
        let json = DiffReports.render(d, format: .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((parsed["new"] as? [String: Any])?["title"] as? String == hostile)
        let (journey, comparison) = Diagrams.compared(new, with: old)
        var options = DiagramOptions()
        options.comparison = comparison
        let svg = try Diagrams.drawBlocking(journey, format: .svg, options: options).bytes
        #expect(throws: Never.self) { try XMLDocument(data: Data(svg), options: []) }
    }

    // MARK: - The command line

    @Test func exitStatuses() throws {
        let old = "Examples/article-delivery.polku", plan = "Examples/article-delivery-plan.polku"
        let same = try runPolku(["diff", old, old])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("No differences in meaning"))
        let differ = try runPolku(["diff", old, plan])
        #expect(differ.status == 1, "\(differ.stderr)")
        #expect(differ.stdout.contains("Steps added (2)"))
        let missing = try runPolku(["diff", old, "no-such.polku"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read `no-such.polku`"))
        let broken = try runPolku(["diff", "Tests/PolkuTests/Golden/diagnostics/several-mistakes.polku", old])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("[unknown-channel]"), "\(broken.stderr)")
        #expect(broken.stderr.contains("has 10 errors; fix them first"))
        let help = try runPolku(["diff", "--help"])
        #expect(help.status == 0 && help.stdout.contains("Examples:") && !help.stdout.contains("\\"))
        #expect(try runPolku(["diff", old]).status == 2)
    }

    @Test func formatsLanguageAndOutputFile() throws {
        let folder = try TempFolder()
        let target = folder.url.appendingPathComponent("changes.md").path
        let r = try runPolku(["diff", "Examples/article-delivery.polku", "Examples/article-delivery-plan.polku", "--lang", "sv", "-o", target])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("# Ändringar från"), "\(written)")
        let json = try runPolku(["diff", "Examples/article-delivery.polku", "Examples/article-delivery-plan.polku", "--format", "json"])
        #expect(json.stdout.contains("\"version\" : 1"))
        // A --format that the output's name contradicts is refused, and nothing is written.
        let clash = try runPolku(["diff", "Examples/article-delivery.polku", "Examples/article-delivery-plan.polku",
                                  "--format", "json", "-o", target + ".md"], environment: ["POLKU_LANG": "en"])
        #expect(clash.status == 2 && clash.stderr.contains("--format is json"), "\(clash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target + ".md"))
        // The output is never one of the journeys.
        let onto = try runPolku(["diff", "Examples/article-delivery.polku", "Examples/article-delivery-plan.polku", "-o", "Examples/article-delivery.polku"])
        #expect(onto.status == 2)
    }

    // MARK: - The diagram

    static func compared(format: DiagramFormat, language: KeywordLanguage? = nil, layout: DiagramLayout = .timeline) throws -> String {
        let (journey, comparison) = Diagrams.compared(try file("Examples/article-delivery-plan.polku"),
                                                      with: try file("Examples/article-delivery.polku"), language: language)
        var options = DiagramOptions(language: language, layout: layout)
        options.comparison = comparison
        return String(decoding: try Diagrams.drawBlocking(journey, format: format, options: options).bytes, as: UTF8.self)
    }

    @Test func theCompareDiagramMarksNewChangedAndRemovedSteps() throws {
        let dot = try Self.compared(format: .dot)
        #expect(dot.contains("✚ NEW"))
        #expect(dot.contains("◆ CHANGED: moved from Email,"))
        #expect(dot.contains("◆ CHANGED: follow-up"))
        #expect(dot.contains("✕ REMOVED"))
        #expect(dot.contains("Compared with article-delivery.polku"))
        // Line styles, not colour alone: a double border, a thick one, a dotted one.
        #expect(dot.contains("peripheries=2"))
        #expect(dot.contains("penwidth=3.2"))
        #expect(dot.contains("style=\"rounded,filled,dotted\""))
        #expect(dot.contains("id=\"removed-1\""))
        // The removed step has no number of its own, and stands after `request` (2).
        #expect(dot.contains("<B>Hears the article</B>"))
        #expect(!dot.contains(". Hears the article"))
        let legend = ["NEW – a step added since article-delivery.polku: double border",
                      "CHANGED – a step changed since article-delivery.polku: thick border",
                      "REMOVED – a step of article-delivery.polku not in this version: dotted grey border"]
        for line in legend { #expect(dot.contains(line), "\(line)") }
    }

    @Test func theCompareDiagramSaysItInItsTextAlternative() throws {
        let svg = try Self.compared(format: .svg)
        #expect(svg.contains("2. Sends a delivery request (Web and e-services, changed: moved from Email, next); Hears the article cannot be delivered (Email, removed, was step 3); 3. Gets an email confirming the request (Email, new)"), "\(svg.prefix(3000))")
        #expect(svg.contains("Compared with article-delivery.polku: steps added: 2, changed: 3, removed: 1."))
        let fi = try Self.compared(format: .svg, language: .fi, layout: .compact)
        #expect(fi.contains("POISTETTU") && fi.contains("UUSI") && fi.contains("MUUTETTU"))
        #expect(fi.contains("poistettu, oli vaihe 3"))
    }

    @Test func renderCompareFromTheCommandLine() throws {
        let folder = try TempFolder()
        let target = folder.url.appendingPathComponent("plan.svg").path
        let r = try runPolku(["render", "Examples/article-delivery-plan.polku", "--compare", "Examples/article-delivery.polku", "-o", target])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: target, encoding: .utf8)
        #expect(svg.contains("REMOVED") && svg.contains("NEW") && svg.contains("CHANGED"))
        #expect(svg.contains("stroke-dasharray=\"1,5\""), "a dotted border")
        let paged = try runPolku(["render", "Examples/article-delivery-plan.polku", "--compare", "Examples/article-delivery.polku",
                                  "--page", "a4", "-o", folder.url.appendingPathComponent("plan.pdf").path])
        #expect(paged.status == 0, "\(paged.stderr)")
        let folderInput = try runPolku(["render", "Examples/", "--out-dir", folder.url.path, "--compare", "Examples/article-delivery.polku"])
        #expect(folderInput.status == 2)
        #expect(folderInput.stderr.contains("--compare draws one journey"))
        let missing = try runPolku(["render", "Examples/article-delivery-plan.polku", "--compare", "nothing.polku", "-o", target])
        #expect(missing.status == 2)
    }

    /// A removed step in a channel the new journey no longer has gets that channel's lane,
    /// and stands first in its phase when no step before it is left.
    @Test func aRemovedStepKeepsItsOldChannelsLane() throws {
        let old = Self.load("journey: T\nvia: desk\nchannel kiosk: Self-service kiosk\nbefore:\n  step k: Borrows at the kiosk\n    via: kiosk\n  step a: Asks\n")
        let new = Self.load("journey: T\nvia: desk\nbefore:\n  step a: Asks\n")
        let (journey, comparison) = Diagrams.compared(new, with: old)
        let drawn = journey.result.analysis.journey
        #expect(drawn.steps.count == 2 && comparison.firstRemoved == 1)
        #expect(drawn.channels[drawn.steps[1].channel].id == "kiosk")
        #expect(comparison.order == [0, -0.5])
        var options = DiagramOptions(layout: .timeline)
        options.comparison = comparison
        let cards = SwimlaneDiagram.cards(journey.result, options: options).cards
        #expect(cards[1].x < cards[0].x, "the removed step stands before `a`, as it did")
        let dot = String(decoding: try Diagrams.drawBlocking(journey, format: .dot, options: options).bytes, as: UTF8.self)
        #expect(dot.contains("Self-service kiosk"))
    }

    /// Without --compare the diagram is what it always was (the golden diagrams say so too).
    @Test func withoutACompareNothingIsMarked() throws {
        let journey = try Self.file("Examples/article-delivery-plan.polku")
        let dot = String(decoding: try Diagrams.drawBlocking(journey, format: .dot, options: DiagramOptions(layout: .timeline)).bytes, as: UTF8.self)
        #expect(!dot.contains("peripheries") && !dot.contains("NEW") && !dot.contains("removed-"))
    }
}
