import Foundation
import PolkuModel
import PolkuSyntax
import Testing

@Suite struct ExamplesTests {
    @Test func thereAreEnoughExamplesInAllThreeLanguages() {
        let examples = Fixture.examples
        #expect(examples.count >= 8)
        let languages = Set(examples.map { Fixture.analyze((try? Fixture.read($0)) ?? "").tree.language })
        #expect(languages == [.en, .fi, .sv])
    }

    @Test(arguments: Fixture.examples)
    func exampleIsFreeOfErrors(_ path: String) throws {
        let a = Fixture.analyze(try Fixture.read(path), name: path)
        #expect(a.diagnostics.isEmpty, "\(path): \(a.diagnostics.map { "\($0.code): \($0.message)" })")
        #expect(!a.journey.steps.isEmpty)
    }

    @Test func articleDeliveryIsTheBaselineExample() throws {
        #expect(try Fixture.read("Examples/article-delivery.polku") == baselineExample)
    }

    @Test func examplesUseSeveralChannelsEach() throws {
        for path in Fixture.examples {
            let j = Fixture.analyze(try Fixture.read(path)).journey
            #expect(Set(j.steps.map(\.channel)).count >= 2, "\(path) stays in one channel")
        }
    }
}
