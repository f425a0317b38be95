import PolkuSyntax

/// The front end in one call: parse, then resolve.
public struct Analysis: Sendable {
    public var tree: SyntaxTree
    public var journey: Journey
    /// Syntax and resolution errors, in file order.
    public var diagnostics: [Diagnostic]

    public var source: SourceFile { tree.source }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public init(_ source: SourceFile) {
        tree = JourneyParser.parse(source)
        let (journey, resolution) = Resolver.resolve(tree)
        self.journey = journey
        // A file that is not text has nothing more worth saying.
        let binary = tree.diagnostics.contains { $0.code == ErrorCode.binaryFile.rawValue }
        diagnostics = (tree.diagnostics + (binary ? [] : resolution)).sortedByPosition()
    }
}
