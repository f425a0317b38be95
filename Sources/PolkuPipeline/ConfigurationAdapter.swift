import PolkuCheck
import PolkuSyntax

// TEMPORARY: until configuration problems are diagnostics in PolkuCheck.
extension Configuration {
    static func parse(_ source: SourceFile) -> (Configuration, [Diagnostic]) {
        do {
            return (try Configuration.load(source.name), [])
        } catch {
            return (Configuration(), [.aboutFile(.configInvalid, error.message)])
        }
    }

    mutating func apply(overrides: [String]) -> [Diagnostic] {
        do {
            try apply(overrides: overrides) as Void
            return []
        } catch {
            return [.aboutFile(.configInvalid, error.message)]
        }
    }
}
