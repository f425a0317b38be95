import Foundation
import PolkuCheck
import PolkuChecklist
import PolkuCLI
import PolkuModel
import PolkuPipeline
import PolkuSyntax
import Testing

/// The `.xlsx` checklist, read back by a real reader: Python's openpyxl.
@Suite struct XLSXTests {
    /// What openpyxl sees in a workbook: sheet names, the frozen pane, the filter, the
    /// printed titles, the title and language, and every cell as [value, type, number format].
    static func read(_ bytes: [UInt8]) throws -> [String: Any] {
        try python(on: bytes, what: "openpyxl could not read the workbook", """
            import json, sys
            try:
                import openpyxl
            except ImportError:
                print("Python's openpyxl is missing: run scripts/test, which installs it, or pip install openpyxl")
                sys.exit(3)
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.active
            rows = [[[c.value, c.data_type, c.number_format] for c in row] for row in ws.iter_rows()]
            print(json.dumps({"sheets": wb.sheetnames, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                              "titles": ws.print_title_rows, "title": wb.properties.title,
                              "language": wb.properties.language, "landscape": ws.page_setup.orientation,
                              "rows": rows}))
            """)
    }

    /// What a Python script prints as JSON about `bytes`, written to a file it is given.
    static func python<T>(on bytes: [UInt8], what failure: String, _ script: String) throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("polku-\(UUID().uuidString).xlsx")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["POLKU_PYTHON"] ?? "python3", "-c", script, file.path]
        let result = try run(process)
        guard result.status == 0, let answer = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? T else {
            throw TestFailure(message: "\(failure): \(result.stdout) \(result.stderr)")
        }
        return answer
    }

    static func checked(_ path: String) throws -> CheckedJourney {
        try Pipeline(Pipeline.Settings(configuration: .none)).load(text: try Fixture.read(path), name: path).get()
    }

    /// Every example's workbook holds the same table as its CSV, with numbers as numbers
    /// and moods as numbers shown as `4/5`.
    @Test(arguments: Fixture.examples)
    func theWorkbookIsTheChecklistTable(_ path: String) throws {
        let journey = try Self.checked(path)
        let checklist = Checklist(journey.result)
        let doc = try Self.read(XLSXChecklist.render(checklist))
        #expect(doc["sheets"] as? [String] == [checklist.t(.checklist)])
        #expect(doc["freeze"] as? String == "A2")
        let rows = doc["rows"] as! [[[Any]]]
        #expect(doc["filter"] as? String == "A1:J\(rows.count)")
        #expect(doc["titles"] as? String == "$1:$1")
        #expect(doc["title"] as? String == journey.result.analysis.journey.title.value)
        #expect(doc["language"] as? String == journey.language.rawValue)
        #expect(doc["landscape"] as? String == "landscape")

        let header = ChecklistTable.header(checklist)
        let table = ChecklistTable.rows(checklist)
        #expect(rows.count == table.count + 1)
        #expect(ChecklistTable.rowCount(checklist) == table.count)
        #expect(rows[0].map { $0[0] as? String } == header)
        for (r, cells) in table.enumerated() {
            for (i, cell) in cells.enumerated() {
                let got = rows[r + 1][i]
                switch cell {
                case .text(let text):
                    if text.isEmpty { #expect(got[0] is NSNull) } else { #expect(got[0] as? String == text && got[1] as? String == "s") }
                case .number(let n):
                    #expect(n.map { got[0] as? Int == $0 && got[1] as? String == "n" } ?? (got[0] is NSNull), "\(path) row \(r + 2) column \(i + 1)")
                case .rating(let n):
                    #expect(n.map { got[0] as? Int == $0 && got[2] as? String == "0\"/5\"" } ?? (got[0] is NSNull))
                }
            }
        }
    }

    /// Text a spreadsheet would run as a formula stays text: the cells are strings, never
    /// formulas (openpyxl reads a formula as type `f`).
    @Test func formulasStayText() throws {
        let journey = try Pipeline(Pipeline.Settings(configuration: .none)).load(text: """
            journey: =HYPERLINK("http://example.invalid","click")
            via: desk
            during:
              step a: +1 step
                recommend: =cmd|' /C calc'!A0
                follow-up: @SUM(1+1)
                note: - a list dash & <angle> "quotes" ä ö å 🙂
            """, name: "hostile.polku").get()
        let doc = try Self.read(try Checklists.document(journey, format: .xlsx))
        let cells = (doc["rows"] as! [[[Any]]]).flatMap { $0 }
        let texts = cells.compactMap { $0[0] as? String }
        #expect(texts.contains("=cmd|' /C calc'!A0"))
        #expect(texts.contains("@SUM(1+1)"))
        #expect(texts.contains("- a list dash & <angle> \"quotes\" ä ö å 🙂"))
        #expect(cells.allSatisfy { $0[1] as? String != "f" })
        #expect(doc["title"] as? String == "=HYPERLINK(\"http://example.invalid\",\"click\")")
    }

    /// The cells' looks as a spreadsheet program reads them: the header bold on a grey band,
    /// every text wrapped at the top, numbers centred at the top and not wrapped (at the
    /// right, they met the next column's text), ratings shown as `n/5`. And every cell names
    /// its style: LibreOffice gives a cell that names none its own default (not wrapped, at
    /// the bottom), not the workbook's first format, as Excel and openpyxl do, so leaving out
    /// the commonest style would show only there.
    @Test func cellsLookAsTheirKindSays() throws {
        let journey = try Self.checked("Examples/kaukolaina-fi.polku")
        let looks: [String: Any] = try Self.python(on: try Checklists.document(journey, format: .xlsx),
                                                   what: "openpyxl could not read the workbook", """
            import json, re, sys, zipfile, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            def look(c):
                return [type(c.value).__name__, "bold" if c.font.b else "", c.fill.fgColor.rgb if c.fill.fill_type else "",
                        c.alignment.vertical or "", "wrap" if c.alignment.wrap_text else "", c.number_format,
                        c.alignment.horizontal or ""]
            sheet = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()
            cells = re.findall(r"<c\\b[^>]*>", sheet)
            print(json.dumps({"rows": [[look(c) for c in row if c.value is not None] for row in ws.iter_rows()],
                              "cells": len(cells), "unstyled": [c for c in cells if ' s="' not in c]}))
            """)
        let rows = try #require(looks["rows"] as? [[[String]]])
        #expect(rows[0].count == 10)
        #expect(rows[0].allSatisfy { $0 == ["str", "bold", "FFE7E7E7", "top", "wrap", "General", ""] })
        let body = rows.dropFirst().flatMap { $0 }
        #expect(body.contains { $0[0] == "int" && $0[5] == "0\"/5\"" })
        for cell in body {
            switch cell[0] {
            case "str": #expect(cell == ["str", "", "", "top", "wrap", "General", ""])
            case "int": #expect(cell[1...4] == ["", "", "top", ""] && cell[6] == "center")
            default: Issue.record("a cell of type \(cell[0])")
            }
        }
        #expect(looks["cells"] as? Int == rows.joined().count)
        #expect((looks["unstyled"] as? [String])?.isEmpty == true, "\(looks["unstyled"] ?? "")")
    }

    @Test func theSameChecklistGivesTheSameBytes() throws {
        let journey = try Self.checked("Examples/new-resident-year.polku")
        let a = try Checklists.document(journey, format: .xlsx, language: .sv)
        let b = try Checklists.document(journey, format: .xlsx, language: .sv)
        #expect(a == b)
        #expect(Array(a.prefix(2)) == [0x50, 0x4B])  // "PK": a ZIP archive
    }

    /// The archive as a ZIP reader that checks everything sees it (Python's `zipfile`, which
    /// verifies each file's CRC-32 and sizes): every file back byte for byte, deflated, with
    /// the fixed date and UTF-8 names; an empty file, one byte, and a file that does not
    /// compress and spans many of the deflater's output windows.
    @Test func theArchiveReadsBackWhole() throws {
        var random = SystemRandomNumberGenerator()
        let files: [(String, [UInt8])] = [
            ("empty.txt", []),
            ("one", [0x41]),
            ("noise.bin", (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &random) }),
            ("xl/worksheets/sheet1.xml", Array(String(repeating: "<row><c><v>1</v></c></row>", count: 20_000).utf8)),
            ("kansio/ääkköset å.xml", Array("<x>ä</x>".utf8)),
        ]
        var archive = ZIPArchive(level: 6)
        for (name, bytes) in files { try archive.add(name, bytes) }
        let zip = try archive.finish()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(zip).write(to: folder.appendingPathComponent("a.zip"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.currentDirectoryURL = folder
        process.arguments = [ProcessInfo.processInfo.environment["POLKU_PYTHON"] ?? "python3", "-c", """
            import json, zipfile
            z = zipfile.ZipFile("a.zip")
            assert z.testzip() is None, "a CRC-32 is wrong"
            out = []
            for i in z.infolist():
                data = z.read(i)
                open("out-%d" % len(out), "wb").write(data)
                out.append([i.filename, i.compress_type, list(i.date_time), i.flag_bits, i.file_size, i.compress_size])
            print(json.dumps(out))
            """]
        let result = try run(process)
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[Any]])
        #expect(entries.map { $0[0] as? String } == files.map(\.0))
        for (i, entry) in entries.enumerated() {
            #expect(entry[1] as? Int == 8)  // deflated
            #expect(entry[2] as? [Int] == [1980, 1, 1, 0, 0, 0])
            #expect((entry[3] as? Int ?? 0) & 0x0800 != 0)  // the name is UTF-8
            #expect(entry[4] as? Int == files[i].1.count)
            let back = try Data(contentsOf: folder.appendingPathComponent("out-\(i)"))
            #expect([UInt8](back) == files[i].1, "\(files[i].0)")
        }
        // What repeats is deflated to a little of its size; noise stays about its size.
        #expect((entries[3][5] as? Int ?? .max) < files[3].1.count / 50)
        #expect((entries[2][5] as? Int ?? 0) >= 300_000)
    }

    /// A file given to the deflater in pieces, of any sizes, deflates to the same bytes and
    /// checksum as given whole: the sheet is deflated a piece at a time.
    @Test func piecesDeflateAsTheWhole() throws {
        let text = Array(try Fixture.read("Examples/kaukolaina-fi.polku").utf8)
        var bytes: [UInt8] = []
        for i in 0..<400 { bytes += text; bytes += Array("\(i)".utf8) }
        let whole = Deflater(level: 6)
        bytes.withUnsafeBufferPointer { whole.write($0) }
        whole.finish()
        for cut in [1, 7, 4096, 65_536, 1 << 20] {
            let pieces = Deflater(level: 6)
            bytes.withUnsafeBufferPointer { all in
                var at = 0
                while at < all.count {
                    let end = min(all.count, at + cut)
                    pieces.write(UnsafeBufferPointer(rebasing: all[at..<end]))
                    at = end
                }
            }
            pieces.finish()
            #expect(pieces.compressed == whole.compressed, "pieces of \(cut) bytes")
            #expect(pieces.crc == whole.crc && pieces.size == bytes.count)
        }
        #expect(whole.compressed.count < bytes.count / 10)
    }

    /// Each file of a ZIP archive as Python's `zipfile` reads it back (checking every CRC-32
    /// and size): its name and the SHA-256 of its bytes.
    static func parts(_ bytes: [UInt8]) throws -> [String: String] {
        try python(on: bytes, what: "zipfile could not read the archive", """
            import hashlib, json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                print(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}))
            """)
    }

    /// The sheet deflated in many pieces, each a block of its own deflated on another thread,
    /// holds the same XML as the sheet deflated whole on the caller's, and the same pieces
    /// give the same bytes every time.
    @Test(arguments: ["Examples/kaukolaina-fi.polku", "Examples/new-resident-year.polku"])
    func theSheetInPiecesIsTheSameWorkbook(_ path: String) throws {
        let checklist = Checklist(try Self.checked(path).result)
        let whole = try XLSXChecklist.render(checklist, piece: .max)
        let wholeParts = try Self.parts(whole)
        #expect(wholeParts.count == 8, "seven parts and the shared strings")
        for piece in [1, 500, 4096] {
            let inPieces = try XLSXChecklist.render(checklist, piece: piece)
            #expect(inPieces != whole, "pieces of \(piece) bytes are blocks of their own")
            #expect(try Self.parts(inPieces) == wholeParts, "pieces of \(piece) bytes")
            #expect(try XLSXChecklist.render(checklist, piece: piece) == inPieces, "pieces of \(piece) bytes, again")
        }
        // Under a megabyte of XML, the sheet is one piece, deflated whole.
        #expect(try XLSXChecklist.render(checklist) == whole)
    }

    /// Blocks deflated apart, each primed with the 32 KB before it, are one deflate stream:
    /// a sheet of many megabytes, cut into pieces that are no multiple of anything, reads
    /// back whole and is about as small as deflated in one go.
    @Test func blocksJoinIntoOneStream() throws {
        var text = "journey: Iso\n\nduring:\n"
        for i in 0..<6_000 {
            text += "  step s\(i): Asiakas kysyy kirjaa numero \(i * 7919 % 10_007) & muuta\n    recommend: kirja \(i % 97)\n    follow-up: viesti \(i % 13)\n"
        }
        let journey = try Pipeline(Pipeline.Settings(configuration: .none)).load(text: text, name: "iso.polku").get()
        let checklist = Checklist(journey.result)
        let whole = try XLSXChecklist.render(checklist, piece: .max)
        let blocks = try XLSXChecklist.render(checklist, piece: 70_001)
        #expect(try Self.parts(blocks) == Self.parts(whole))
        #expect(Double(blocks.count) < Double(whole.count) * 1.02, "\(blocks.count) against \(whole.count) bytes")
    }

    /// A row longer than the room a piece keeps past its end (64 KB) makes the piece larger:
    /// a 31,200-character recommendation (as long as a cell holds, nearly) comes back whole,
    /// in one cell, however the sheet is cut into pieces.
    @Test func aRowLongerThanAPieceIsWrittenWhole() throws {
        let long = String(repeating: "Lue tämä & kerro <muille> ", count: 1_200)
        let text = "journey: Pitkä\n\nduring:\n  step a: Asiakas tulee\n    recommend: \(long)\n    follow-up: kirje\n"
        let journey = try Pipeline(Pipeline.Settings(configuration: .none)).load(text: text, name: "pitka.polku").get()
        let checklist = Checklist(journey.result)
        let whole = try XLSXChecklist.render(checklist, piece: .max)
        for piece in [1, 500] {
            #expect(try Self.parts(XLSXChecklist.render(checklist, piece: piece)) == Self.parts(whole), "pieces of \(piece) bytes")
        }
        let cells = (try Self.read(whole)["rows"] as! [[[Any]]]).flatMap { $0 }
        let trimmed = long.trimmingCharacters(in: .whitespaces)
        #expect(cells.contains { ($0[0] as? String)?.hasSuffix(trimmed) == true })
    }

    /// A text is cut to what a cell holds (32,767 UTF-16 code units in Excel), between two
    /// characters, ending in "…"; a text that fits is left whole.
    @Test func aTextIsCutBetweenCharactersToFitACell() throws {
        let limit = XLSXChecklist.maximumCellCharacters
        #expect(limit == 32_767)
        #expect(XLSXChecklist.Sheet.fitted(String(repeating: "a", count: limit)) == nil)
        #expect(XLSXChecklist.Sheet.fitted(String(repeating: "ä", count: limit)) == nil, "two UTF-8 bytes, one unit each")
        #expect(XLSXChecklist.Sheet.fitted(String(repeating: "a", count: limit + 1)) == String(repeating: "a", count: limit - 1) + "…")
        // A character of two units, or a family of eight, is not split where the cut falls.
        for piece in ["📚", "👩‍👩‍👧", "e\u{301}"] {
            let value = "x" + String(repeating: piece, count: limit)
            let cut = try #require(XLSXChecklist.Sheet.fitted(value))
            #expect(cut.utf16.count <= limit && cut.utf16.count > limit - 9, "\(piece)")
            #expect(cut.hasSuffix("…"))
            let kept = String(cut.dropLast())
            #expect(value.hasPrefix(kept) && kept.dropFirst().allSatisfy { String($0) == piece }, "\(piece) cut between characters")
        }
    }

    /// A journey's long texts come out of the workbook cut to fit their cells, and the
    /// workbook says in which rows; rows are at most as tall as Excel allows.
    @Test func longTextsAreCutInTheWorkbookAndTheirRowsTold() throws {
        let limit = XLSXChecklist.maximumCellCharacters
        let long = String(repeating: "Kerro lukupiirin kirjoista & toiveista. ", count: 1_000)
        let books = String(repeating: "📚", count: 20_000)
        let fits = String(repeating: "b", count: limit)
        let text = """
            journey: Pitkät tekstit
              via: desk

            during:
              step a: Asiakas tulee
                recommend: \(long)
                follow-up: kirje
              step b: Asiakas lukee
                recommend: \(books)
                follow-up: \(fits)

            """
        let journey = try Pipeline(Pipeline.Settings(configuration: .none)).load(text: text, name: "pitka.polku").get()
        let checklist = Checklist(journey.result)
        let workbook = try XLSXChecklist.workbook(checklist)
        #expect(workbook.bytes == (try XLSXChecklist.render(checklist)))
        let table = ChecklistTable.rows(checklist)
        let expected = table.indices.filter { table[$0].contains { $0.text.utf16.count > limit } }.map { $0 + 2 }
        #expect(workbook.shortened == expected && expected.count == 2)

        let read: [String: Any] = try Self.python(on: workbook.bytes, what: "openpyxl could not read the workbook", """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and len(c.value) > 1000]
            heights = [ws.row_dimensions[r].height or 0 for r in range(1, ws.max_row + 1)]
            print(json.dumps({"texts": texts, "tallest": max(heights)}))
            """)
        let texts = try #require(read["texts"] as? [String])
        #expect(texts.count == 3)
        #expect(texts.allSatisfy { $0.utf16.count <= limit })
        #expect(texts[0].hasSuffix("…") && long.hasPrefix(String(texts[0].dropLast())) && texts[0].utf16.count == limit)
        #expect(texts[1].hasSuffix("…") && books.hasPrefix(String(texts[1].dropLast())) && texts[1].utf16.count == limit)
        #expect(texts[2] == fits, "a text as long as a cell holds is whole")
        #expect((read["tallest"] as? Double).map { $0 > 15 && $0 <= 409 } == true)
    }

    /// The texts that repeat down a column (phase, channel, who serves, kind, finding) stand
    /// once each in the shared strings; a shared text too long for a cell is cut once and every
    /// row it stands in is told.
    @Test func repeatedTextsAreSharedOnceAndCutInEveryRow() throws {
        let limit = XLSXChecklist.maximumCellCharacters
        let name = String(repeating: "Kirjaston & palvelupiste ", count: 2_000)
        let text = """
            journey: Jaetut tekstit
              via: tiski

            channel tiski: \(name)

            during:
              step a: Asiakas tulee
                recommend: kirja
                follow-up: kirje
              step b: Asiakas lukee
                recommend: toinen kirja

            """
        let journey = try Pipeline(Pipeline.Settings(configuration: .none)).load(text: text, name: "jaetut.polku").get()
        let checklist = Checklist(journey.result)
        let workbook = try XLSXChecklist.workbook(checklist)
        let table = ChecklistTable.rows(checklist)
        let long = table.indices.filter { table[$0][3].text.utf16.count > limit }.map { $0 + 2 }
        #expect(long.count >= 4 && workbook.shortened == long)
        var shared: [String] = []
        for row in table {
            for (i, cell) in row.enumerated() where ChecklistTable.repeating[i] && !cell.text.isEmpty && !shared.contains(cell.text) {
                shared.append(cell.text)
            }
        }
        let read: [String: Any] = try Self.python(on: workbook.bytes, what: "the workbook could not be read", """
            import json, re, sys, zipfile, openpyxl
            sst = zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode()
            ws = openpyxl.load_workbook(sys.argv[1]).active
            print(json.dumps({"unique": int(re.search(r'uniqueCount="(\\d+)"', sst).group(1)), "items": sst.count("<si>"),
                              "cut": sst.count("…</t></si>"), "channels": [r[3].value for r in ws.iter_rows(min_row=2)]}))
            """)
        #expect(read["unique"] as? Int == shared.count && read["items"] as? Int == shared.count)
        #expect(read["cut"] as? Int == 1)
        let channels = try #require(read["channels"] as? [Any])
        #expect(channels.count == table.count)
        for (r, channel) in channels.enumerated() where long.contains(r + 2) {
            let shown = try #require(channel as? String, "row \(r + 2)")
            #expect(shown.utf16.count == limit && shown.hasSuffix("…") && name.hasPrefix(String(shown.dropLast())))
        }
    }

    /// A table longer than a sheet holds is refused, with its size, not cut short.
    @Test func aTableLongerThanASheetIsRefused() throws {
        let checklist = Checklist(try Self.checked("Examples/kaukolaina-fi.polku").result)
        let rows = ChecklistTable.rowCount(checklist) + 1
        let refused = #expect(throws: XLSXChecklist.TooLarge.self) { try XLSXChecklist.render(checklist, rowLimit: rows - 1) }
        #expect(refused?.rows == rows)
        #expect(try !XLSXChecklist.render(checklist, rowLimit: rows).isEmpty)
        #expect(XLSXChecklist.maximumRows == 1_048_576)
    }

    /// The refusal gives its row counts as readers write them, in their language.
    @Test func largeNumbersAreGroupedAsReadersWriteThem() {
        #expect(grouped(1_092_154, .en) == "1,092,154")
        #expect(grouped(1_048_576, .fi) == "1\u{A0}048\u{A0}576")
        #expect(grouped(100_000, .sv) == "100\u{A0}000")
        #expect(grouped(999, .en) == "999")
        #expect(grouped(1000, .en) == "1,000")
        #expect(grouped(0, .fi) == "0")
    }

    @Test func fromTheCommandLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lista.xlsx").path
        var r = try runPolku(["checklist", "Examples/kaukolaina-fi.polku", "-o", file])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
        #expect(doc["sheets"] as? [String] == ["Tarkistuslista"])
        r = try runPolku(["checklist", "Examples/kaukolaina-fi.polku", "--format", "xlsx", "-o", folder.appendingPathComponent("x.csv").path])
        #expect(r.status == 2)
        #expect(!FileManager.default.fileExists(atPath: file.replacingOccurrences(of: "lista.xlsx", with: "x.csv")))
    }

    /// A text cut to fit a cell is told on the command line, in the reader's language, with
    /// the sheet's row and the CSV file that keeps it whole; the workbook is still written.
    @Test func aCutTextIsToldOnTheCommandLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("polku-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let journey = folder.appendingPathComponent("pitka.polku")
        let long = String(repeating: "Lue tämä. ", count: 4_000)
        let text = "journey: Pitkä\n  via: desk\n\nduring:\n  step a: Asiakas tulee\n    recommend: \(long)\n    follow-up: kirje\n"
        try Data(text.utf8).write(to: journey)
        // The row the workbook itself says (the journey's open questions come first).
        let checked = try Pipeline(Pipeline.Settings(configuration: .none)).load(text: text, name: "pitka.polku").get()
        let rows = try XLSXChecklist.workbook(Checklist(checked.result)).shortened
        #expect(rows.count == 1)
        let row = rows.first ?? 0
        let file = folder.appendingPathComponent("pitka.xlsx").path
        var r = try runPolku(["checklist", journey.path, "-o", file, "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stderr == "polku: note: the text in row \(row) of the sheet is longer than a spreadsheet cell holds (32,767 characters): the workbook shows its beginning, ending in “…”; the CSV checklist keeps it whole (`-o \(folder.path)/pitka.csv`)\n")
        #expect(FileManager.default.fileExists(atPath: file))
        r = try runPolku(["checklist", journey.path, "-o", file, "--lang", "fi"])
        #expect(r.status == 0 && r.stderr.hasPrefix("polku: huom: teksti taulukon rivillä \(row) on pidempi kuin taulukon soluun mahtuu (32\u{A0}767 merkkiä)"))
        r = try runPolku(["checklist", "Examples/kaukolaina-fi.polku", "-o", folder.appendingPathComponent("k.xlsx").path])
        #expect(r.status == 0 && r.stderr.isEmpty, "no note when every text fits")
        #expect(workbookCutNote(Array(2...13), csv: "a.csv", language: .sv)
            == "polku: obs: 12 texter är längre än en cell rymmer (32\u{A0}767 tecken), på raderna 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 … i kalkylbladet: arbetsboken visar början av varje text, som slutar med ”…”; CSV-checklistan har hela texterna (`-o a.csv`)")
    }
}
