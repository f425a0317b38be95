// swift-tools-version:6.0
// Polku: a text language for library service journeys, its checker and its backends.
import PackageDescription

let package = Package(
    name: "Polku",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "polku", targets: ["polku"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Every way user text is escaped for another reader (XML, Graphviz, Markdown, CSV,
        // the terminal), in one place.
        .target(name: "PolkuEscaping"),
        // Stage 1: bytes -> tokens -> syntax tree, plus the one Diagnostic type.
        .target(name: "PolkuSyntax"),
        // Stage 2: syntax tree -> resolved journey model (ids, channels, flow).
        .target(name: "PolkuModel", dependencies: ["PolkuSyntax"]),
        // Stage 3: the checker's rules, suppressions and polku.toml configuration.
        .target(name: "PolkuCheck", dependencies: [
            "PolkuSyntax", "PolkuModel", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // Graphviz's C library, found through pkg-config.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // Collects Graphviz's error messages (C, since it keeps a buffer Graphviz writes into).
        .target(name: "CPolkuGraphviz", dependencies: ["CGraphviz"]),
        // The only code that calls Graphviz: an actor on a serial executor of its own.
        .target(name: "PolkuGraphviz", dependencies: ["CGraphviz", "CPolkuGraphviz"]),
        // Stage 4: the swimlane diagram as DOT, with the geometry computed here.
        .target(name: "PolkuDiagram", dependencies: ["PolkuEscaping", "PolkuSyntax", "PolkuModel", "PolkuCheck"]),
        // Stage 4: checklists for workshops and planning documents (Markdown, HTML, CSV).
        .target(name: "PolkuChecklist", dependencies: ["PolkuEscaping", "PolkuSyntax", "PolkuModel", "PolkuCheck"]),
        // Reports: rich, short, JSON, SARIF and workshop summary.
        .target(name: "PolkuReport", dependencies: ["PolkuEscaping", "PolkuSyntax", "PolkuModel", "PolkuCheck"]),
        // Reading files (regular files, standard input), folder walks, writing outputs whole
        // or not at all, the terminal: the only code that calls the C library.
        .target(name: "PolkuIO"),
        // What every front door calls: load a journey (path or text) and its configuration,
        // check it, make any output as a value.
        .target(name: "PolkuPipeline", dependencies: [
            "PolkuIO", "PolkuSyntax", "PolkuModel", "PolkuCheck", "PolkuReport", "PolkuDiagram", "PolkuGraphviz",
            "PolkuChecklist",
        ]),
        // The language server (`polku lsp`): JSON-RPC framing, and editor features over the
        // pipeline; another thin door.
        .target(name: "PolkuLanguageServer", dependencies: [
            "PolkuPipeline", "PolkuSyntax", "PolkuModel", "PolkuCheck", "PolkuReport",
        ]),
        // The command line: a thin door to the pipeline, one file per subcommand.
        .target(name: "PolkuCLI", dependencies: [
            "PolkuIO", "PolkuPipeline", "PolkuSyntax", "PolkuCheck", "PolkuReport", "PolkuDiagram", "PolkuLanguageServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "polku", dependencies: ["PolkuCLI"]),
        // Times the stages in-process for bench/run; not a product.
        .executableTarget(name: "polku-bench", dependencies: ["PolkuSyntax", "PolkuModel", "PolkuCheck", "PolkuGraphviz", "PolkuDiagram"]),
        .testTarget(name: "PolkuTests", dependencies: [
            "PolkuEscaping", "PolkuSyntax", "PolkuModel", "PolkuCheck", "PolkuReport", "PolkuDiagram", "PolkuGraphviz",
            "PolkuChecklist", "PolkuIO", "PolkuPipeline", "PolkuCLI", "PolkuLanguageServer", "polku",
        ], exclude: ["Golden", "Hostile", "Fuzz"]),
    ]
)
