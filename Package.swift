// swift-tools-version:6.1
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
        // The workshop server (`polku serve`); without its optional traits (swift-configuration).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Every way user text is escaped for another reader (XML, Graphviz, Markdown, CSV,
        // the terminal), in one place.
        .target(name: "PolkuEscaping"),
        // What Swift's module of the C library leaves out: `mallopt`, the prefetch hint, and
        // a copy out of a mapped file that survives the file being cut short.
        .target(name: "CPolkuMemory"),
        // Threads and memory for the stages that use a second core: lanes of work, a thread
        // of its own, a lock, pages readied and cache lines fetched ahead.
        .target(name: "PolkuLanes", dependencies: ["CPolkuMemory"]),
        // Byte scans Swift does not vectorise (a file's line ends, sixteen bytes at a time).
        .target(name: "CPolkuBytes"),
        // Stage 1: bytes -> tokens -> syntax tree, plus the one Diagnostic type.
        .target(name: "PolkuSyntax", dependencies: ["CPolkuBytes", "PolkuLanes"]),
        // Stage 2: syntax tree -> resolved journey model (ids, channels, flow).
        .target(name: "PolkuModel", dependencies: ["PolkuSyntax", "PolkuLanes"]),
        // Stage 3: the checker's rules, suppressions and polku.toml configuration.
        .target(name: "PolkuCheck", dependencies: [
            "PolkuSyntax", "PolkuModel", "PolkuLanes", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // Graphviz's C library, found through pkg-config.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // Collects Graphviz's error messages (C, since it keeps a buffer Graphviz writes into).
        .target(name: "CPolkuGraphviz", dependencies: ["CGraphviz"]),
        // The only code that calls Graphviz: an actor on a serial executor of its own.
        .target(name: "PolkuGraphviz", dependencies: ["CGraphviz", "CPolkuGraphviz", "PolkuLanes"]),
        // Stage 4: the swimlane diagram as DOT, with the geometry computed here.
        .target(name: "PolkuDiagram", dependencies: ["PolkuEscaping", "PolkuSyntax", "PolkuModel", "PolkuCheck"]),
        // zlib, for the .xlsx workbook's ZIP archive (deflate and CRC-32).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Stage 4: checklists for workshops and planning documents (Markdown, HTML, CSV, .xlsx).
        .target(name: "PolkuChecklist", dependencies: ["PolkuEscaping", "PolkuLanes", "PolkuSyntax", "PolkuModel", "PolkuCheck", "CZlib"]),
        // Reports: rich, short, JSON, SARIF and workshop summary.
        .target(name: "PolkuReport", dependencies: ["PolkuEscaping", "PolkuLanes", "PolkuSyntax", "PolkuModel", "PolkuCheck"]),
        // Reading files (regular files, standard input), folder walks, writing outputs whole
        // or not at all, the terminal: the only code that calls the C library.
        .target(name: "PolkuIO", dependencies: ["PolkuLanes", "CPolkuMemory"]),
        // What every front door calls: load a journey (path or text) and its configuration,
        // check it, make any output as a value.
        .target(name: "PolkuPipeline", dependencies: [
            "PolkuIO", "PolkuSyntax", "PolkuModel", "PolkuCheck", "PolkuReport", "PolkuDiagram", "PolkuGraphviz",
            "PolkuChecklist", "PolkuEscaping", "PolkuLanes",
        ]),
        // The language server (`polku lsp`): JSON-RPC framing, and editor features over the
        // pipeline; another thin door.
        .target(name: "PolkuLanguageServer", dependencies: [
            "PolkuPipeline", "PolkuSyntax", "PolkuModel", "PolkuCheck", "PolkuReport",
        ]),
        // The workshop server (`polku serve`): the live page over HTTP, another thin door.
        .target(name: "PolkuServe", dependencies: [
            "PolkuPipeline", "PolkuSyntax", "PolkuModel", "PolkuCheck", "PolkuReport", "PolkuDiagram",
            "PolkuChecklist", "PolkuEscaping", "PolkuIO", "PolkuGraphviz",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // The command line: a thin door to the pipeline, one file per subcommand.
        .target(name: "PolkuCLI", dependencies: [
            "PolkuIO", "PolkuPipeline", "PolkuChecklist", "PolkuSyntax", "PolkuCheck", "PolkuReport", "PolkuDiagram", "PolkuLanguageServer", "PolkuServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "polku", dependencies: ["PolkuCLI"]),
        // Times the stages in-process for bench/run; not a product.
        .executableTarget(name: "polku-bench", dependencies: ["PolkuSyntax", "PolkuModel", "PolkuCheck", "PolkuGraphviz", "PolkuDiagram", "PolkuPipeline"]),
        .testTarget(name: "PolkuTests", dependencies: [
            "PolkuEscaping", "PolkuLanes", "PolkuSyntax", "PolkuModel", "PolkuCheck", "PolkuReport", "PolkuDiagram", "CPolkuGraphviz", "PolkuGraphviz",
            "CPolkuMemory",
            "PolkuChecklist", "PolkuIO", "PolkuPipeline", "PolkuCLI", "PolkuLanguageServer", "PolkuServe", "polku",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], exclude: ["Golden", "Hostile", "Fuzz"]),
    ]
)
