import PolkuSyntax

/// The front end in one call: parse, then resolve.
///
/// `tree.language` is computed before any declarations are dropped, so it stays right.
package struct Analysis: Sendable {
    package var tree: SyntaxTree
    package var journey: Journey
    /// Syntax and resolution errors, in file order.
    package var diagnostics: [Diagnostic]

    package var source: SourceFile { tree.source }
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// - Parameter keepSyntax: keep the syntax tree (declarations and every line) after
    ///   resolving; a caller that only needs the journey passes false: the tree is then
    ///   parsed without its line nodes, and its declarations are let go of as they are
    ///   resolved (`Resolver.resolveConsuming`).
    package init(_ source: SourceFile, keepSyntax: Bool = true) {
        tree = JourneyParser.parse(source, lines: keepSyntax)
        let (journey, resolution, unresolved) = keepSyntax ? Resolver.resolveCounting(tree)
            : Resolver.resolveConsuming(&tree)
        self.journey = journey
        if !keepSyntax { tree.dropSyntax() }
        // A file that is not text has nothing more worth saying.
        let binary = tree.diagnostics.contains { $0.code == ErrorCode.binaryFile.code }
        var all = (tree.diagnostics + (binary ? [] : resolution)).sortedByPosition()
        // At most `Catalog.errorLimit` errors, then how many more there are.
        let more = tree.unreportedErrors + (binary ? 0 : unresolved) + max(0, all.count - Catalog.errorLimit)
        if more > 0 {
            all.removeLast(max(0, all.count - Catalog.errorLimit))
            all.append(Catalog.tooManyErrors(more, after: all.last?.range ?? SourceRange(0, 0)))
        }
        diagnostics = all
    }
}
