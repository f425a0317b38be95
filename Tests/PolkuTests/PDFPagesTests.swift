import Foundation
import PolkuGraphviz
import Testing

/// Joining one-page PDFs from Graphviz's cairo device into one PDF, checked with poppler's
/// `pdfinfo` and `pdftotext` (and `qpdf --check` where it is installed).
@Suite struct PDFPagesTests {
    /// Three graphs of different sizes; the second has labels that look like references.
    static let dots = [
        #"digraph { node [shape=box]; a [label="page one"] }"#,
        #"digraph { node [shape=box]; a [label="page two"]; b [label="see 3 0 R (and 1 0 R) >> endobj"]; a -> b -> c }"#,
        #"digraph { rankdir=LR; node [shape=ellipse]; a [label="page three"]; a -> b -> c -> d }"#,
    ]

    static func rendered() throws -> [[UInt8]] {
        try dots.map { try Graphviz.shared.renderBlocking(dot: $0, format: .pdf, layout: "dot") }
    }

    @Test func threeRenderedPagesKeepTheirOrderSizesAndText() throws {
        let pages = try Self.rendered()
        let joined = try PDFPages.join(pages)
        let info = try Self.runTool("pdfinfo", ["-f", "1", "-l", "3"], joined)
        #expect(info.status == 0)
        #expect(info.stderr.isEmpty, "pdfinfo complained: \(info.stderr)")
        #expect(info.stdout.contains(#/Pages:\s+3\n/#))
        #expect(info.stdout.contains(#/Producer:\s+Polku\n/#))
        let sizes = try pages.map { try Self.sizes($0).first ?? "none" }
        #expect(Set(sizes).count == 3, "the three graphs should have three page sizes: \(sizes)")
        #expect(Self.sizes(info) == sizes)
        for (k, label) in ["page one", "page two", "page three"].enumerated() {
            let text = try Self.runTool("pdftotext", ["-f", "\(k + 1)", "-l", "\(k + 1)"], joined, toStandardOutput: true)
            #expect(text.status == 0 && text.stderr.isEmpty, "pdftotext on page \(k + 1): \(text.stderr)")
            #expect(text.stdout.contains(label), "page \(k + 1) says \(text.stdout)")
            let others = ["page one", "page two", "page three"].filter { $0 != label }
            #expect(others.allSatisfy { !text.stdout.contains($0) }, "page \(k + 1) says \(text.stdout)")
        }
        let second = try Self.runTool("pdftotext", ["-f", "2", "-l", "2"], joined, toStandardOutput: true)
        #expect(second.stdout.contains("see 3 0 R (and 1 0 R) >> endobj"))
        try Self.qpdfCheck(joined)
    }

    @Test func joiningTheSameBytesTwiceGivesTheSameBytes() throws {
        let pages = try Self.rendered()
        let first = try PDFPages.join(pages)
        #expect(try PDFPages.join(pages) == first)
        // Nothing of cairo's date is kept: the information dictionary is Polku's.
        #expect(!String(decoding: first, as: UTF8.self).contains("CreationDate"))
        #expect(String(decoding: first.suffix(6), as: UTF8.self) == "%%EOF\n")
    }

    @Test func theXrefTableHasOneTwentyByteEntryPerObjectAtItsOffset() throws {
        let joined = try PDFPages.join(try Self.rendered())
        let text = String(decoding: joined, as: UTF8.self)
        let tail = try #require(text.range(of: "startxref\n", options: .backwards))
        let xref = try #require(Int(text[tail.upperBound...].prefix { $0.isNumber }))
        let table = joined[xref...]
        #expect(table.starts(with: "xref\n0 ".utf8))
        let lines = String(decoding: table, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let size = try #require(Int(lines[1].split(separator: " ")[1]))
        #expect(lines[2] == "0000000000 65535 f ")
        var entry = xref + lines[0].utf8.count + lines[1].utf8.count + 2 + 20
        for number in 1..<size {
            let bytes = Array(joined[entry..<entry + 20])
            #expect(Array(bytes[10...]) == Array(" 00000 n \n".utf8), "entry \(number)")
            let offset = try #require(Int(String(decoding: bytes[0..<10], as: UTF8.self)))
            #expect(joined[offset...].starts(with: "\(number) 0 obj\n".utf8), "object \(number) is not at \(offset)")
            entry += 20
        }
        #expect(text.contains("trailer\n<< /Size \(size)\n   /Root 1 0 R\n   /Info 3 0 R\n>>\nstartxref\n\(xref)\n%%EOF\n"))
    }

    @Test func aNestedPageTreeIsFlattenedAndWhatPagesInheritIsKept() throws {
        let pages = try Self.rendered()
        let joined = try PDFPages.join([pages[0], Self.nestedTree, pages[2]])
        let info = try Self.runTool("pdfinfo", ["-f", "1", "-l", "4"], joined)
        #expect(info.status == 0 && info.stderr.isEmpty, "pdfinfo: \(info.stderr)")
        let sizes = Self.sizes(info)
        #expect(sizes.count == 4)
        #expect(sizes.dropFirst().first == "500 x 200 pts", "inherited from the inner node: \(sizes)")
        #expect(sizes.dropFirst(2).first == "111 x 222 pts", "the page's own: \(sizes)")
        for (k, label) in [(2, "nested page A 9 0 R"), (3, "nested page B")] {
            let text = try Self.runTool("pdftotext", ["-f", "\(k)", "-l", "\(k)"], joined, toStandardOutput: true)
            #expect(text.status == 0 && text.stderr.isEmpty && text.stdout.contains(label), "page \(k): \(text.stdout) \(text.stderr)")
        }
        let shown = String(decoding: joined, as: UTF8.self)
        // Strings, comments and streams are copied as they are, references in them too.
        #expect(shown.contains(#"/Note (a string with 4 0 R and \) and (nested 2 0 R) parens)"#))
        #expect(shown.contains("/Hex <3520302052>"))
        #expect(shown.contains("% a comment with 5 0 R\n"))
        #expect(shown.contains("(nested page A 9 0 R) Tj"))
        // The page that had no /Parent has one now, and one page tree is left.
        #expect(shown.components(separatedBy: "/Type /Pages").count == 2)
        #expect(shown.components(separatedBy: "/Parent 2 0 R").count == 1 + 4)
        try Self.qpdfCheck(joined)
    }

    /// The title and language go where readers and screen readers look: pdfinfo shows the
    /// title, whatever characters it has; the catalog names the language and asks viewers to
    /// show the title.
    @Test func theTitleAndLanguageAreSaid() throws {
        let title = #"Läsecirkel (hösten) \ "kväll" – 👩‍👩‍👧"#
        let joined = try PDFPages.join(try Self.rendered(), title: title, language: "sv")
        let text = String(decoding: joined, as: UTF8.self)
        #expect(text.contains("/Lang (sv)"))
        #expect(text.contains("/ViewerPreferences << /DisplayDocTitle true >>"))
        let info = try Self.runTool("pdfinfo", [], joined)
        #expect(info.stdout.contains("Title:           \(title)\n"), "\(info.stdout)")
        #expect(info.stdout.contains("Pages:           3"))
        #expect(PDFPages.textString("Aä") == "<FEFF004100E4>")
        #expect(PDFPages.languageString("fi) /Evil (x") == "(fiEvilx)")
        try Self.qpdfCheck(joined)
        // Without them, nothing is said.
        let plain = String(decoding: try PDFPages.join(try Self.rendered()), as: UTF8.self)
        #expect(!plain.contains("/Title") && !plain.contains("/Lang") && !plain.contains("DisplayDocTitle"))
    }

    @Test func aSingleDocumentIsWrittenAnewWithoutItsDate() throws {
        let page = try Self.rendered()[0]
        #expect(String(decoding: page, as: UTF8.self).contains("/CreationDate"))
        let alone = try PDFPages.join([page])
        let text = String(decoding: alone, as: UTF8.self)
        #expect(!text.contains("CreationDate"))
        #expect(text.contains("/Producer (Polku)"))
        #expect(try PDFPages.join([page]) == alone)
        let before = try Self.runTool("pdftotext", ["-f", "1", "-l", "1"], page, toStandardOutput: true)
        let after = try Self.runTool("pdftotext", ["-f", "1", "-l", "1"], alone, toStandardOutput: true)
        #expect(after.status == 0 && after.stdout == before.stdout && after.stdout.contains("page one"))
        try Self.qpdfCheck(alone)
    }

    @Test func twoHundredPagesJoinQuickly() throws {
        let pages = try Self.rendered()
        let documents = (0..<200).map { pages[$0 % pages.count] }
        let clock = ContinuousClock()
        var joined: [UInt8] = []
        let took = try clock.measure { joined = try PDFPages.join(documents) }
        print("PDFPages.join of 200 pages (\(documents.reduce(0) { $0 + $1.count }) bytes): \(took)")
        // Generous, for a debug build on a busy machine; a release build takes milliseconds.
        #expect(took < .seconds(5))
        let info = try Self.runTool("pdfinfo", [], joined)
        #expect(info.status == 0 && info.stderr.isEmpty, "pdfinfo: \(info.stderr)")
        #expect(info.stdout.contains(#/Pages:\s+200\n/#))
        let last = try Self.runTool("pdftotext", ["-f", "200", "-l", "200"], joined, toStandardOutput: true)
        #expect(last.status == 0 && last.stderr.isEmpty && last.stdout.contains("page two"), "page 200: \(last.stdout) \(last.stderr)")
    }

    /// Documents that cannot be joined, with what the error says about each.
    static let unreadable: [(says: String, bytes: [UInt8])] = [
        ("does not start with %PDF-", Array("hello".utf8)),
        ("has no startxref", Array("%PDF-1.5\n".utf8)),
        ("has a cross-reference stream", handMade([(1, "<< /Type /XRef /Size 2 /W [1 2 1] /Length 0 >>\nstream\n\nendstream")], root: 1, xrefStream: true)),
        ("is encrypted", handMade(nestedTreeObjects, root: 1, trailer: "/Encrypt 6 0 R")),
        ("does not end with endstream where its /Length says", handMade([
            (1, "<< /Type /Catalog /Pages 2 0 R >>"), (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R >>"),
            (4, "<< /Length 3 >>\nstream\nBT ET\nendstream"),
        ], root: 1)),
        ("page tree names object 2 twice", handMade([
            (1, "<< /Type /Catalog /Pages 2 0 R >>"), (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            (3, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),
        ], root: 1)),
        ("names object 9, its catalog or information dictionary", handMade(nestedTreeObjects.map { $0.0 == 3 ? (3, "<< /Type /Pages /Kids [4 0 R 9 0 R] >>") : $0 }, root: 1, trailer: "/Info 9 0 R")),
        ("does not end", handMade([(1, "<< /Type /Catalog /Pages 2 0 R /T (open ( string) >>")], root: 1)),
    ]

    @Test func aDocumentThatCannotBeReadIsAFailureNotAGuess() throws {
        let page = try Self.rendered()[0]
        var broken = Self.unreadable
        // Cut in two; an xref entry pointing into the header; startxref pointing there too.
        broken.append(("has no startxref", Array(page.prefix(page.count / 2))))
        let xref = try #require(Self.lastRange(of: "\nxref\n", in: page)).lowerBound + 1
        let (objects, table) = (Array(page[..<xref]), String(decoding: page[xref...], as: UTF8.self))
        let entry = try #require(table.range(of: #"\n0000000\d{3} 00000 n \n"#, options: .regularExpression))
        broken.append(("object 2 is not where the cross-reference table says", objects + Array(table.replacingCharacters(in: entry, with: "\n0000000001 00000 n \n").utf8)))
        let start = try #require(table.range(of: #"startxref\n\d+"#, options: .regularExpression))
        broken.append(("startxref does not point to a cross-reference table", objects + Array(table.replacingCharacters(in: start, with: "startxref\n1").utf8)))
        for (says, bytes) in broken {
            for documents in [[bytes], [page, bytes]] {
                do {
                    _ = try PDFPages.join(documents)
                    Issue.record("a document that \(says) was joined")
                } catch {
                    #expect(error.kind == .failed)
                    guard case .pdfUnreadable(let document, let count, let reason) = error.problem else {
                        Issue.record("expected an unreadable document: \(error)")
                        continue
                    }
                    #expect(document == documents.count && count == documents.count && reason.contains(says),
                            "expected document \(documents.count) of \(documents.count), '\(says)': \(error)")
                }
            }
        }
        #expect(throws: GraphvizError.self) { try PDFPages.join([]) }
    }

    // MARK: Helpers

    /// A document whose page tree has two levels: the outer node gives the resources, the inner
    /// one a media box; the first page takes both, the second has a media box of its own and no
    /// /Parent. Strings, a hex string, a comment and a content stream hold text like references.
    static let nestedTreeObjects: [(Int, String)] = [
        (1, "<< /Type /Catalog /Pages 2 0 R >>"),
        (2, "<< /Type /Pages /Kids [3 0 R] /Count 2 /MediaBox [0 0 300 400] /Resources << /Font << /F1 6 0 R >> >> >>"),
        (3, "<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R] /Count 2 /MediaBox [0 0 500 200] >>"),
        (4, "<< /Type /Page /Parent 3 0 R /Contents 7 0 R >>"),
        (5, """
            << /Type /Page /MediaBox [0 0 111 222] /Contents 8 0 R % a comment with 5 0 R
               /PieceInfo << /Polku << /LastModified (D:20260101) /Data << /Note (a string with 4 0 R and \\) and (nested 2 0 R) parens) /Hex <3520302052> >> >> >>
            >>
            """),
        (6, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        (7, stream("BT /F1 24 Tf 20 100 Td (nested page A 9 0 R) Tj ET")),
        (8, stream("BT /F1 12 Tf 10 100 Td (nested page B) Tj ET")),
        (9, "<< /Producer (by hand) >>"),
    ]

    static let nestedTree = handMade(nestedTreeObjects, root: 1, trailer: "/Info 9 0 R")

    static func stream(_ content: String) -> String {
        "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
    }

    /// A PDF written by hand from `objects` (number, what goes between `obj` and `endobj`),
    /// with a correct cross-reference table, or with startxref pointing to object 1 as a
    /// cross-reference stream does.
    static func handMade(_ objects: [(Int, String)], root: Int, trailer: String = "", xrefStream: Bool = false) -> [UInt8] {
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int: Int] = [:]
        for (number, body) in objects {
            offsets[number] = out.count
            out += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let size = (offsets.keys.max() ?? 0) + 1
        let xref = xrefStream ? offsets[1]! : out.count
        if !xrefStream {
            out += Array("xref\n0 \(size)\n0000000000 65535 f \n".utf8)
            for number in 1..<size {
                let offset = String(offsets[number] ?? 0)
                out += Array("\(String(repeating: "0", count: 10 - offset.count))\(offset) 00000 \(offsets[number] == nil ? "f" : "n") \n".utf8)
            }
            out += Array("trailer\n<< /Size \(size) /Root \(root) 0 R \(trailer) >>\n".utf8)
        }
        out += Array("startxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// The path of a poppler (or qpdf) tool; the test fails, rather than skips, without it.
    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return (["/usr/bin"] + path.split(separator: ":").map(String.init))
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `name` with `arguments` on `pdf`, written to a temporary file.
    static func runTool(_ name: String, _ arguments: [String], _ pdf: [UInt8], toStandardOutput: Bool = false) throws -> RunResult {
        let path = try #require(tool(name), "\(name) is not installed: these tests need poppler-utils (apt-get install poppler-utils)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("polku-pdfpages-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments + [file.path] + (toStandardOutput ? ["-"] : [])
        return try run(process)
    }

    static func lastRange(of text: String, in bytes: [UInt8]) -> Range<Int>? {
        let needle = Array(text.utf8)
        return stride(from: bytes.count - needle.count, through: 0, by: -1)
            .first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
            .map { $0..<$0 + needle.count }
    }

    /// `254 x 188 pts` for each page `pdfinfo -f … -l …` lists.
    static func sizes(_ info: RunResult) -> [String] {
        info.stdout.split(separator: "\n")
            .filter { $0.hasPrefix("Page ") && $0.contains(" size: ") }
            .map { String($0[$0.range(of: " size: ")!.upperBound...]).trimmingCharacters(in: .whitespaces) }
    }

    static func sizes(_ pdf: [UInt8]) throws -> [String] {
        sizes(try runTool("pdfinfo", ["-f", "1", "-l", "1"], pdf))
    }

    /// `qpdf --check`, where qpdf is installed (it is not needed).
    static func qpdfCheck(_ pdf: [UInt8]) throws {
        guard tool("qpdf") != nil else { return }
        let check = try runTool("qpdf", ["--check"], pdf)
        #expect(check.status == 0, "qpdf --check: \(check.stdout) \(check.stderr)")
    }
}
