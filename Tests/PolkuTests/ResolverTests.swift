import PolkuModel
import PolkuSyntax
import Testing

@Suite struct ResolverTests {
    @Test func baselineMeaning() {
        let j = Fixture.analyze(baselineExample).journey
        #expect(j.steps.map(\.id) == ["notice", "request", "decline", "pickup"])
        #expect(j.steps.map(\.phase) == [.before, .during, .during, .after])
        #expect(j.steps.map { j.channels[$0.channel].id } == ["web", "email", "email", "desk"])
        // request branches to pickup and decline; decline and pickup end the journey.
        #expect(j.steps[1].flow.successors == [3, 2])
        #expect(j.steps[2].flow == Flow(successors: [], ends: true, explicit: j.steps[2].flow.explicit))
        #expect(j.steps[3].flow.ends && j.steps[3].flow.successors.isEmpty)
        #expect(j.steps[0].flow.successors == [1] && !j.steps[0].flow.ends)
        // desk is built in; declaring it rates it.
        let desk = j.channels.first { $0.id == "desk" }!
        #expect(desk.builtin == .desk && desk.competenceValue == 4 && desk.presenceValue == 3)
        #expect(j.personas.map(\.id) == ["researcher"])
        #expect(j.personas[0].channels.map { j.channels[$0].id } == ["email", "chat"])
        #expect(j.focus == [0])
    }

    @Test func attributeTextsKeepTheirKindAndOrder() {
        // Kinds interleaved in the file: each list still holds its own lines, in file order.
        let j = Fixture.analyze("""
        journey: T
        before:
          step: A
            via: desk
            note: n1
            recommend: r1
            need: x1
            recommend: r2
            allow: missing-follow-up: not here
            note: n2
            feedback: f1
            by: staff
            follow-up: u1
            need: x2
          step: B
            via: desk
          step: C
            via: desk
            need: x3
            by: staff
            recommend: r3
            recommend: r4
            note: n3
        """).journey
        let a = j.steps[0]
        #expect(a.needs.map(\.value) == ["x1", "x2"])
        #expect(a.by.map(\.value) == ["staff"])
        #expect(a.recommendations.map(\.value) == ["r1", "r2"])
        #expect(a.followUps.map(\.value) == ["u1"])
        #expect(a.feedback.map(\.value) == ["f1"])
        #expect(a.notes.map(\.value) == ["n1", "n2"])
        #expect(a.allows.map(\.value) == ["missing-follow-up: not here"])
        let b = j.steps[1]
        #expect(b.needs.isEmpty && b.notes.isEmpty && b.allows.isEmpty && b.recommendations.isEmpty)
        // Kinds already in order (stored as they come), after a step whose were not.
        let c = j.steps[2]
        #expect(c.needs.map(\.value) == ["x3"] && c.by.map(\.value) == ["staff"])
        #expect(c.recommendations.map(\.value) == ["r3", "r4"] && c.notes.map(\.value) == ["n3"])
        #expect(c.followUps.isEmpty && c.feedback.isEmpty && c.allows.isEmpty)
        #expect(c.texts.map(\.value) == ["x3", "staff", "r3", "r4", "n3"])
        var cleared = a
        cleared.removeTexts()
        #expect(StepTextKind.allCases.allSatisfy { cleared.texts($0).isEmpty })
    }

    @Test func textsKeepTheirRangeAndOwnValue() {
        let source = SourceFile(name: "t", text: "journey: Title")
        var inFile = Text(source, SourceRange(9, 14))
        #expect(inFile.value == "Title" && inFile.range == SourceRange(9, 14))
        var own = Text("Joined text", SourceRange(9, 14))
        #expect(own.value == "Joined text")
        // Moving a text to another place keeps what it says.
        own.range = SourceRange(0, 7)
        #expect(own.value == "Joined text" && own.range == SourceRange(0, 7))
        inFile.range = SourceRange(0, 7)
        #expect(inFile.value == "journey")
        #expect(MemoryLayout<Text>.stride == 16)
        // A journey of 100,000 steps holds 100,000 of them: no 16-byte alignment (which a
        // SIMD vector gave it) and no padding between fields makes each one larger
        // (208 bytes before).
        #expect(MemoryLayout<Step>.alignment == 8)
        #expect(MemoryLayout<Step>.stride <= 192, "\(MemoryLayout<Step>.stride)")
    }

    @Test func channelsInOrderOfFirstMention() {
        let j = Fixture.analyze("""
        journey: T
        before:
          step: A
            via: phone
          step: B
            via: kiosk
        channel kiosk: Self-service kiosk
        channel web: Website
        """).journey
        #expect(j.channels.map(\.id) == ["phone", "kiosk", "web"])
        #expect(j.channels[1].label?.value == "Self-service kiosk")
    }

    /// `via:` names met again are found by their bytes (the last eight): every spelling
    /// still gives its channel, more than eight names in turn still resolve, an unknown
    /// name is reported at each line, and a channel is still placed where it is first named.
    @Test func channelsNamedAgainResolveAsTheFirstTime() {
        let names = ["desk", "palvelupiste", "Desk", "phone", "kiosk", "web", "chat", "email", "social",
                     "premises", "other", "disk", "puhelin", "nowhere", "kiosk", "nowhere", "desk", "Kiosk"]
        var text = "journey: T\nchannel kiosk: K\nbefore:\n"
        for round in 0..<3 {
            for (n, name) in names.enumerated() { text += "  step s\(round)-\(n): S\n    via: \(name)\n" }
        }
        let a = Fixture.analyze(text)
        let expected = ["desk", "desk", "desk", "phone", "kiosk", "web", "chat", "email", "social", "premises",
                        "other", "desk", "phone", nil, "kiosk", nil, "desk", nil]
        let unknown = a.diagnostics.filter { $0.code.name == "unknown-channel" }
        // `nowhere` twice and `Kiosk` (ids are written as declared) in each of three rounds.
        #expect(unknown.count == 9)
        #expect(Set(unknown.map { a.source.text($0.range) }) == ["nowhere", "Kiosk"])
        for (i, step) in a.journey.steps.enumerated() {
            let want = expected[i % names.count]
            // A step whose channel is unknown is put in `other`.
            #expect(a.journey.channels[step.channel].id == (want ?? "other"), "step \(i): \(names[i % names.count])")
        }
        #expect(a.journey.channels.map(\.id) == ["kiosk", "desk", "phone", "web", "chat", "email", "social",
                                                  "premises", "other"])
    }

    /// A flow's successors behave as the array they stand for, whatever their number and
    /// however they were made: one is kept in place of an array, so equal contents must
    /// still compare and hash equal.
    @Test func successorsActAsAnArray() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let items = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Int.random(in: 0...9, using: &rng) }
            var appended = Successors([])
            for item in items { appended.append(item) }
            let made = Successors(items)
            #expect(Array(made) == items && Array(appended) == items && made.count == items.count)
            #expect(made == appended && made.hashValue == appended.hashValue)
            if items.count == 1 { #expect(Successors(only: items[0]) == made) }
            #expect(made.first == items.first && made.last == items.last)
        }
        #expect(Successors([1, 2]) != Successors([1]) && Successors([]) != Successors([0]))
        #expect(Flow.following(3, count: 5).successors == [4] && Flow.following(4, count: 5).successors.isEmpty)
    }

    /// A step id met again is reported at the second step, which keeps no id; the first keeps it.
    @Test func aRepeatedStepIdStaysWithTheFirstStep() {
        let a = Fixture.analyze("journey: T\nvia: desk\nbefore:\n  step a: A\n  step b: B\n  step a: C\n    next: a\n")
        #expect(a.diagnostics.map(\.code.name) == ["duplicate-id"])
        #expect(a.journey.steps.map(\.id) == ["a", "b", nil])
        #expect(a.journey.steps[2].flow.successors == [0])
    }

    @Test func unknownIdsSuggestTheNearest() {
        let a = Fixture.analyze("""
        journey: T
        for: reseacher
        via: emial
        persona researcher: R
        before:
          step ask: A
            next: aks
        """)
        #expect(a.diagnostics.map(\.code.name) == ["unknown-persona", "unknown-channel", "unknown-step"])
        #expect(a.diagnostics.map(\.help) == ["did you mean `researcher`?", "did you mean `email`?", "did you mean `ask`?"])
        #expect(a.diagnostics[2].notes == ["the step ids here are `ask`"])
    }

    @Test func finnishChannelNamesSuggestToo() {
        let a = Fixture.analyze("journey: T\nkautta: sähköpost\nennen:\n  vaihe: A\n")
        #expect(a.diagnostics.first?.help == "did you mean `sähköposti`?")
    }

    @Test func duplicatesPointAtTheFirst() {
        let a = Fixture.analyze("journey: T\nvia: desk\nbefore:\n  step a: A\n  step a: B\n")
        #expect(a.diagnostics.map(\.code.name) == ["duplicate-id"])
        let first = a.diagnostics[0].secondary[0].range
        #expect(a.source.location(of: first.start) == SourceLocation(line: 4, column: 8))
        #expect(Fixture.codes("journey: T\nchannel k: K\nchannel k: L\n") == ["duplicate-id"])
        #expect(Fixture.codes("journey: T\npersona p: K\npersona p: L\n") == ["duplicate-id"])
        #expect(Fixture.codes("journey: T\nchannel desk: K\nchannel palvelupiste: L\n") == ["duplicate-id"])
    }

    @Test func singleAttributesOnce() {
        #expect(Fixture.codes("journey: T\nvia: desk\nbefore:\n  step: A\n    mood: 3\n    mood: 4\n") == ["duplicate-attribute"])
        #expect(Fixture.codes("journey: T\nvia: desk\nbefore:\n  step: A\n    recommend: a\n    recommend: b\n") == [])
    }

    @Test func ratings() {
        #expect(Fixture.codes("journey: T\nchannel desk: D\n  competence: 0\n  presence: five\n") == ["invalid-rating", "invalid-rating"])
        #expect(Fixture.codes("journey: T\nchannel desk: D\n  competence: 1\n  presence: 5\n") == [])
        #expect(Fixture.codes("journey: T\nchannel desk: D\n  competence: 6\n  presence: 03\n") == ["invalid-rating"])
        let channel = Fixture.analyze("journey: T\nchannel desk: D\n  competence: 2\n  presence: +4\n").journey.channels[0]
        #expect(channel.competenceValue == 2 && channel.presenceValue == 4)
    }

    @Test func stepsNeedAPhaseAndAChannel() {
        #expect(Fixture.codes("journey: T\nvia: desk\nstep: A\n") == ["step-outside-phase"])
        #expect(Fixture.codes("journey: T\nbefore:\n  step: A\n") == ["missing-channel"])
        // A journey via that is itself wrong is reported once, not at every step.
        #expect(Fixture.codes("journey: T\nvia: nowhere\nbefore:\n  step: A\n  step: B\n") == ["unknown-channel"])
    }

    @Test func nextCanEndAndBranchAndLoop() {
        let j = Fixture.analyze("journey: T\nvia: desk\nbefore:\n  step a: A\n    next: a, end\n  step b: B\n").journey
        #expect(j.steps[0].flow.successors == [0] && j.steps[0].flow.ends)
    }

    @Test func journeyForDefaultsToEveryPersona() {
        let j = Fixture.analyze("journey: T\npersona a: A\npersona b: B\n").journey
        #expect(j.focus == [0, 1])
        let k = Fixture.analyze("journey: T\nfor: b\npersona a: A\npersona b: B\n").journey
        #expect(k.focus == [1])
    }

    @Test func stepContainingAnOffset() {
        let a = Fixture.analyze(baselineExample)
        let j = a.journey
        for step in j.steps {
            #expect(j.stepIndex(containing: step.extent.start) == step.index)
            #expect(j.stepIndex(containing: step.extent.end) == step.index)
        }
        #expect(j.stepIndex(containing: 0) == nil)
        #expect(j.stepIndex(containing: j.steps[0].extent.start - 1) == nil)
        #expect(Fixture.analyze("journey: T\n").journey.stepIndex(containing: 3) == nil)
    }

    /// A journey whose attribute lines fill more than one of the parser's chunks resolves to
    /// the same journey, with the same errors, whether its syntax is kept (the language
    /// server, `fmt`) or let go of chunk by chunk as it is resolved (`check`, checklists).
    /// Its channel and persona are declared below the steps that name them.
    @Test func attributesInChunksResolveAsOne() {
        let steps = JourneyParser.chunkSize / 5 + 500
        var text = "journey: Many steps\nbefore:\n"
        for n in 0..<steps {
            text += "  step s\(n): Step \(n)\n    via: \(n % 3 == 0 ? "kiosk" : "desk")\n    need: need \(n)\n"
            text += "    recommend: r \(n)\n    follow-up: f \(n)\n    mood: \(n % 5 + 1)\n"
            // An unknown step every thousand steps: errors from all through the file.
            if n % 1000 == 999 { text += "    next: s\(n + 1), missing\(n)\n" }
        }
        text += "channel kiosk: Kiosk\n  competence: 3\npersona p: Reader\n  channels: kiosk, web\n"
        let source = SourceFile(name: "many.polku", text: text)
        let kept = Analysis(source, keepSyntax: true)
        let consumed = Analysis(source, keepSyntax: false)
        #expect(kept.tree.declarations.reduce(0) { $0 + $1.attributes.count } > JourneyParser.chunkSize)
        #expect(kept.tree.printed() == Array(text.utf8), "every line printed back from its chunk")
        // Declarations 0 and 1 are the journey and the phase; the steps follow.
        let first = kept.tree.declarations[2].attributes, last = kept.tree.declarations[steps + 1].attributes
        #expect(first.sharesStorage(with: kept.tree.declarations[3].attributes) && !first.sharesStorage(with: last),
                "the attributes are in more than one chunk")
        #expect(consumed.tree.declarations.isEmpty && consumed.tree.declarationChunks.isEmpty)
        #expect(kept.diagnostics == consumed.diagnostics)
        #expect(kept.diagnostics.count == steps / 1000 && kept.diagnostics.allSatisfy { $0.code.name == "unknown-step" })
        func described(_ j: Journey) -> [String] {
            j.steps.map { s in
                "\(s.id ?? "") \(s.title.value) \(j.channels[s.channel].id) \(s.phase) \(Array(s.flow.successors)) "
                    + "\(s.needs.map(\.value)) \(s.recommendations.map(\.value)) \(s.followUps.map(\.value)) \(s.moodValue ?? 0)"
            } + j.channels.map { "\($0.id) \($0.competenceValue ?? 0)" } + j.personas.map { "\($0.id) \($0.channels)" }
        }
        let all = described(kept.journey)
        #expect(kept.journey.steps.indices.allSatisfy { kept.journey.steps[$0].needs.map(\.value) == ["need \($0)"] })
        #expect(all == described(consumed.journey))
        #expect(all[steps - 1] == "s\(steps - 1) Step \(steps - 1) desk before [] [\"need \(steps - 1)\"] "
                + "[\"r \(steps - 1)\"] [\"f \(steps - 1)\"] \((steps - 1) % 5 + 1)")
        #expect(kept.journey.channels.map(\.id) == ["kiosk", "desk", "web"])
    }

    /// Step ids are found by their bytes while they are ASCII, and as strings past it: the
    /// same answers as a dictionary of strings gives, however the ids are written.
    @Test func stepIdsAreFoundAsStringsCompareThem() {
        func journey(_ steps: [(id: String, next: String?)]) -> Analysis {
            var text = "journey: T\nvia: desk\nduring:\n"
            for (n, s) in steps.enumerated() {
                text += "  step \(s.id): Step \(n)\n"
                if let next = s.next { text += "    next: \(next)\n" }
            }
            return Fixture.analyze(text)
        }
        // Many ASCII ids (thousands: ids that share a slot's eight bits of hash are met, and
        // told apart by their bytes), every one found, and a repeat among them noticed.
        let count = 3000
        let many = (0..<count).map { (id: "s\($0)", next: $0 < count - 1 ? "s\(count - 1 - $0)" : "s0, end") }
        let a = journey(many)
        #expect(a.diagnostics.isEmpty)
        #expect(a.journey.steps.indices.allSatisfy { i in
            a.journey.steps[i].flow.successors == (i < count - 1 ? [count - 1 - i] : [0])
        })
        let repeated = journey(many + [(id: "s1234", next: nil)])
        #expect(repeated.diagnostics.map(\.code.name) == ["duplicate-id"])
        #expect(repeated.journey.steps.last?.id == nil && repeated.journey.steps[1234].id == "s1234")
        // The first step with an id keeps it; the repeat is reported and names the first.
        let twice = journey([(id: "a", next: "b"), (id: "b", next: "a"), (id: "a", next: nil)])
        #expect(twice.diagnostics.map(\.code.name) == ["duplicate-id"])
        #expect(twice.journey.steps[1].flow.successors == [0])
        #expect(twice.journey.steps.map(\.id) == ["a", "b", nil])
        // An id and a name that differ in bytes but are the same text: "ä" as one character
        // (NFC) and as "a" with a combining accent (NFD); the Kelvin sign, which is "K".
        let nfc = "k\u{E4}ynti", nfd = "ka\u{308}ynti"
        let accents = journey([(id: nfc, next: "K"), (id: "K", next: nfd)])
        #expect(accents.diagnostics.isEmpty)
        #expect(accents.journey.steps[0].flow.successors == [1])
        #expect(accents.journey.steps[1].flow.successors == [0])
        let kelvin = journey([(id: "K", next: "\u{212A}"), (id: "x", next: nil)])
        #expect(kelvin.diagnostics.isEmpty)
        #expect(kelvin.journey.steps[0].flow.successors == [0])
        // The same text written two ways is one id, used twice.
        #expect(journey([(id: nfc, next: nil), (id: nfd, next: nil)]).diagnostics.map(\.code.name) == ["duplicate-id"])
        // Different ids are not confused, past ASCII or not.
        let unknown = journey([(id: "k\u{E4}ynti", next: "kaynti"), (id: "kaynti2", next: nil)])
        #expect(unknown.diagnostics.map(\.code.name) == ["unknown-step"])
    }

    /// A journey large enough for `finish` to work on two threads (`Resolver.parallelSteps`):
    /// every step's flow, channel, texts and each channel's count of steps are what the text
    /// says; with every `next:` id known, with one unknown (said once, where it is), and with
    /// an id past ASCII (both of which the one-thread way resolves).
    @Test func largeJourneysFlowsAreWhatTheTextSays() throws {
        let count = Resolver.parallelSteps + 900
        let channels = ["web", "email", "desk", "chat", "bus"]
        for variant in ["known", "unknown", "past ASCII"] {
            var generator = SplitMix64(seed: 7)
            var text = "journey: Big\nchannel bus: Kirjastoauto\nbefore:\n"
            var expected: [(channel: String, successors: [Int], ends: Bool)] = []
            var unknownAt: Int?
            let name = { (i: Int) in variant == "past ASCII" && i == 4321 ? "vaihe-ä" : "s\(i)" }
            for i in 0..<count {
                let channel = channels[Int(generator.next() % UInt64(channels.count))]
                text += "  step \(name(i)): Step \(i)\n    via: \(channel)\n    note: n\(i)\n"
                var successors = i + 1 < count ? [i + 1] : []
                var ends = i + 1 == count
                if i % 7 == 3 {
                    let a = Int(generator.next() % UInt64(count)), b = Int(generator.next() % UInt64(count))
                    var items = [name(a), name(b), name(a)]
                    (successors, ends) = (a == b ? [a] : [a, b], false)
                    if i % 5 == 0 { items.append("end"); ends = true }
                    if variant == "unknown" && i == 3006 {
                        items.insert("nope", at: 1)
                        unknownAt = text.utf8.count + "    next: \(items[0]), ".utf8.count
                    }
                    text += "    next: \(items.joined(separator: ", "))\n"
                }
                expected.append((channel, successors, ends))
            }
            let analysis = Fixture.analyze(text)
            let j = analysis.journey
            try #require(j.steps.count == count)
            for i in 0..<count {
                let step = j.steps[i]
                guard Array(step.flow.successors) == expected[i].successors, step.flow.ends == expected[i].ends,
                      j.channels[step.channel].id == expected[i].channel, step.notes.map(\.value) == ["n\(i)"] else {
                    Issue.record("\(variant): step \(i): \(Array(step.flow.successors)) \(step.flow.ends) \(j.channels[step.channel].id), expected \(expected[i])")
                    break
                }
            }
            for c in j.channels.indices {
                #expect(j.channels[c].stepCount == expected.filter { $0.channel == j.channels[c].id }.count)
            }
            if let unknownAt {
                #expect(analysis.diagnostics.map(\.code.name) == ["unknown-step"])
                #expect(analysis.diagnostics.first?.range.start == unknownAt)
            } else {
                #expect(analysis.diagnostics.isEmpty)
            }
        }
    }
}
