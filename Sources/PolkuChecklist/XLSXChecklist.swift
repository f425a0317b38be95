import Foundation
import PolkuEscaping
import PolkuModel

/// The checklist as an Excel workbook (Office Open XML, `.xlsx`): `ChecklistTable` on one
/// sheet, which Excel, LibreOffice and Numbers open the same in every language and locale:
/// no delimiter or byte order mark to choose, ä and ö always right.
///
/// Texts are strings, never formulas, so nothing a journey says can become one: the texts that
/// repeat down a column (phase, channel, who serves, kind, finding) stand once in the
/// workbook's shared strings, the rest inline in their cells. Numbers (step, line) are
/// numbers and moods are numbers shown as `4/5`, so they sort and filter. The header row is
/// bold, stays in view when scrolling and carries filters; the text column is wide and wraps;
/// printed, the sheet is A4 lying, one page wide, the header on every page.
/// The same checklist gives the same bytes (the archive's dates are fixed).
package enum XLSXChecklist {
    /// The most rows a sheet has in Excel (and in LibreOffice): a table with more would be cut.
    package static let maximumRows = 1_048_576

    /// The most characters (UTF-16 code units) a cell holds in Excel: a workbook with a
    /// longer text is one Excel calls damaged and "repairs". A longer text is cut to fit,
    /// ending in "…", and the rows where that happened are told (`Workbook.shortened`).
    package static let maximumCellCharacters = 32_767

    /// The tallest row Excel takes, in points.
    static let maximumRowHeight = 409

    /// A workbook's bytes, and the sheet rows (1 is the header) with a text cut to fit a cell.
    package struct Workbook {
        package var bytes: [UInt8]
        package var shortened: [Int]
    }

    /// The checklist cannot be one workbook: its table has more rows than a sheet holds, or
    /// its sheet would pass the 4 GiB a ZIP archive (without ZIP64) can hold.
    package struct TooLarge: Error, Equatable {
        /// The table's rows, the header's too.
        package let rows: Int
        /// The most a sheet holds.
        package var limit: Int { XLSXChecklist.maximumRows }
    }

    /// zlib's level for every part: 2, not its default 6. The sheet of a 100,000-step
    /// journey (190 MB of XML) is deflated in 0.4 s instead of 1.1 s, into 10.0 MB instead of
    /// 8.0 MB; the workbook of a journey of a few dozen steps grows by about 300 bytes (4.9
    /// instead of 4.6 KB for `Examples/kaukolaina-fi.polku`).
    static let level: Int32 = 2

    /// - Parameters:
    ///   - rowLimit: the most rows the sheet may have (lower only in tests).
    ///   - piece: how much of the sheet's XML is gathered before it is deflated (other
    ///     sizes only in tests).
    package static func render(_ c: Checklist, rowLimit: Int = maximumRows, piece: Int = Sheet.piece) throws(TooLarge) -> [UInt8] {
        try workbook(c, rowLimit: rowLimit, piece: piece).bytes
    }

    /// The workbook, and which of its rows have a text cut to fit a cell.
    package static func workbook(_ c: Checklist, rowLimit: Int = maximumRows, piece: Int = Sheet.piece) throws(TooLarge) -> Workbook {
        let header = ChecklistTable.header(c)
        let rows = ChecklistTable.rowCount(c) + 1
        guard rows <= rowLimit else { throw TooLarge(rows: rows) }
        let sheet = sheetName(c.t(.checklist))
        let last = "\(column(header.count - 1))\(rows)"
        var archive = ZIPArchive(level: level)
        do {
            // The shared strings are known once the sheet is written; every row has some (its
            // phase and kind), the header none, so a table without rows has no part for them.
            let sharing = rows > 1
            try archive.add("[Content_Types].xml", Array(contentTypes(sharing: sharing).utf8))
            try archive.add("_rels/.rels", Array(packageRelationships.utf8))
            try archive.add("docProps/core.xml", Array(coreProperties(title: c.title, language: c.language.rawValue).utf8))
            try archive.add("xl/workbook.xml", Array(workbook(sheet: sheet, range: last).utf8))
            try archive.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sharing: sharing).utf8))
            try archive.add("xl/styles.xml", Array(styles.utf8))
            let (sheetXML, shared, shortened) = worksheet(c, header: header, range: last, piece: piece)
            try archive.add("xl/worksheets/sheet1.xml", sheetXML)
            if sharing { try archive.add("xl/sharedStrings.xml", shared.part) }
            return Workbook(bytes: try archive.finish(), shortened: shortened)
        } catch {
            throw TooLarge(rows: rows)
        }
    }

    /// `A`, `B`, … for a column's index (the table has ten).
    static func column(_ index: Int) -> String { String(UnicodeScalar(UInt8(ascii: "A") + UInt8(index))) }

    /// A sheet's name as Excel allows it: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        let allowed = name.filter { !"[]:*?/\\".contains($0) }
        return String(allowed.prefix(31))
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sharing: Bool) -> String {
        declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(sharing ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            </Types>
            """
    }

    static let packageRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static func coreProperties(title: String, language: String) -> String {
        declaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/">\
            <dc:title>\(Escaping.xml(title))</dc:title><dc:creator>Polku</dc:creator><dc:language>\(language)</dc:language>\
            </cp:coreProperties>
            """
    }

    static func workbook(sheet: String, range: String) -> String {
        let quoted = "'" + Escaping.xml(sheet).replacingOccurrences(of: "'", with: "''") + "'"
        return declaration + """
            <workbook xmlns="\(main)" xmlns:r="\(relationships)">\
            <sheets><sheet name="\(Escaping.xml(sheet))" sheetId="1" r:id="rId1"/></sheets>\
            <definedNames>\
            <definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\(quoted)!$A$1:$\(range.filter(\.isLetter))$\(range.filter(\.isNumber))</definedName>\
            <definedName name="_xlnm.Print_Titles" localSheetId="0">\(quoted)!$1:$1</definedName>\
            </definedNames>\
            </workbook>
            """
    }

    static func workbookRelationships(sharing: Bool) -> String {
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/>\
            \(sharing ? "<Relationship Id=\"rId3\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")\
            </Relationships>
            """
    }

    /// A cell's style, by its index among the style sheet's `cellXfs` (one digit): 0 plain,
    /// 1 the header (bold, on a light grey band, wrapped), 2 text (wrapped, at the top),
    /// 3 a number (centred, at the top), 4 a rating shown as `4/5` (likewise). Numbers are
    /// centred rather than at the right: at the right, LibreOffice drew a step's number
    /// against its id (`1haku`) and a rating against the finding beside it
    /// (`2/5missing-recommendation`), both columns' text meeting at the line between them.
    enum Style: UInt8 {
        case plain = 0, header, text, number, rating
    }

    static let styles = declaration + """
        <styleSheet xmlns="\(main)">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="0&quot;/5&quot;"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFE7E7E7"/><bgColor indexed="64"/></patternFill></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    /// The sheet's XML as UTF-8 bytes, deflated as it is written, a row at a time: neither
    /// the table nor its XML (190 MB at 100,000 steps) is ever held whole. Each full piece
    /// is deflated on another thread while the next is written (deflating is most of the
    /// work); a sheet of one piece, as every journey of a few hundred steps has, is
    /// deflated here.
    static func worksheet(_ c: Checklist, header: [String], range: String, piece: Int) -> (Deflater, SharedStrings, shortened: [Int]) {
        var sheet = Sheet(columns: header.count, piece: piece, deflater: BackgroundDeflater(Deflater(level: level)))
        sheet.put(string: declaration)
        sheet.put(string: "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">")
        sheet.put("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
        sheet.put(string: "<dimension ref=\"A1:\(range)\"/>")
        sheet.put("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
        sheet.put("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
        sheet.put("<cols>")
        for (i, width) in ChecklistTable.widths.enumerated() {
            sheet.put(string: "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>")
        }
        sheet.put("</cols><sheetData>")
        sheet.row(1, header.map { .text($0) }, style: .header)
        var n = 1
        var shortened: [Int] = []
        // A value the closure changes, not nested functions capturing the buffer: those
        // would check for exclusive access on every byte written.
        ChecklistTable.forEachRow(c) { table in
            n += 1
            let cut = sheet.shortened
            sheet.row(n, table, c)
            if sheet.shortened > cut { shortened.append(n) }
            sheet.passOnIfFull()
        }
        sheet.put("</sheetData>")
        sheet.put(string: "<autoFilter ref=\"A1:\(range)\"/>")
        sheet.put("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>")
        sheet.put("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>")
        sheet.put("</worksheet>")
        return (sheet.finish(), sheet.shared, shortened)
    }

    /// The texts that repeat down a column, each once, in the order first met: the workbook's
    /// shared strings part, built while the sheet is written. A 100,000-step sheet is a quarter
    /// smaller with them (146 instead of 195 MB of XML), so a quarter less to deflate.
    package struct SharedStrings {
        /// Each text's place.
        private var indices: [String: Int] = [:]
        /// Whether each text was cut to fit a cell.
        private var cut: [Bool] = []
        /// The `<si>` elements, in order.
        private var items: [UInt8] = []
        /// How many cells refer to a shared text.
        var references = 0

        var count: Int { cut.count }

        /// The place of `value`, added when it is new, and whether it was cut to fit a cell.
        mutating func index(of value: String) -> (index: Int, cut: Bool) {
            if let known = indices[value] { return (known, cut[known]) }
            let index = cut.count
            indices[value] = index
            var shown = value
            let fitted = value.utf8.count > maximumCellCharacters ? Sheet.fitted(value) : nil
            if let fitted { shown = fitted }
            cut.append(fitted != nil)
            shown.withUTF8 { bytes in
                items.append(contentsOf: Sheet.padded(bytes) ? Array("<si><t xml:space=\"preserve\">".utf8) : Array("<si><t>".utf8))
                Escaping.xml(utf8: bytes, into: &items)
                items.append(contentsOf: Array("</t></si>".utf8))
            }
            return (index, fitted != nil)
        }

        /// The part's bytes.
        var part: [UInt8] {
            Array((declaration + "<sst xmlns=\"\(main)\" count=\"\(references)\" uniqueCount=\"\(count)\">").utf8) + items + Array("</sst>".utf8)
        }
    }

    /// The worksheet's XML on its way out. Cells are written on bytes, numbers too: a
    /// 100,000-step sheet has 6 million cells.
    package struct Sheet {
        /// The XML not yet deflated: up to about `piece` bytes.
        var out: SheetPiece
        /// A text cell's escaped bytes, when its text has something to escape.
        var escaped: [UInt8] = []
        let deflater: BackgroundDeflater
        /// How much XML is gathered before it is deflated.
        let piece: Int
        /// Each column's letter.
        let columns: [[UInt8]]
        /// The column the next cell is in when it needs no `r` of its own.
        var next = 0
        /// How many texts were cut to fit a cell.
        var shortened = 0
        /// The texts of the columns whose texts repeat (`ChecklistTable.repeating`).
        var shared = SharedStrings()
        /// Each column's last few shared texts (`recentCount` a column), their places and
        /// whether they were cut: the rows of a step share its phase, channel and roles, and a
        /// column of kinds or findings holds a handful of texts, so most cells are found here by
        /// comparing, without hashing the text.
        var recent: [(value: String, index: Int, cut: Bool)?]
        /// Where each column's next recent text goes.
        var recentNext: [Int]
        static let recentCount = 8
        /// How much XML is gathered before it is deflated: enough that zlib works in long
        /// runs and the threads seldom wait for each other, little enough to stay in the
        /// processor's cache.
        package static let piece = 1 << 20

        init(columns count: Int, piece: Int, deflater: BackgroundDeflater) {
            columns = (0..<count).map { Array(column($0).utf8) }
            recent = Array(repeating: nil, count: count * Self.recentCount)
            recentNext = Array(repeating: 0, count: count)
            self.piece = piece
            self.deflater = deflater
            out = SheetPiece(capacity: Self.room(piece))
        }

        /// A piece's buffer: the piece and a row's worth past it.
        static func room(_ piece: Int) -> Int { min(piece, Self.piece) + (1 << 16) }

        /// Hands a full piece to the deflater and starts the next.
        mutating func passOnIfFull() {
            guard out.count >= piece else { return }
            deflater.give(out)
            out = SheetPiece(capacity: Self.room(piece))
        }

        /// Deflates what is left and hands the deflater back.
        func finish() -> Deflater {
            defer { out.base.deallocate() }
            return deflater.finish(last: out.bytes)
        }

        /// Markup written in the code: its bytes in one copy (a `String`'s go through a
        /// generic append, byte by byte).
        @inline(__always)
        mutating func put(_ text: StaticString) { out.append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
        mutating func put(string text: String) {
            var text = text
            text.withUTF8 { out.append($0) }
        }
        mutating func number(_ n: Int) { out.append(decimal: n) }

        /// Row `n` with its cells (the header): texts in `style`, inline, numbers and ratings in
        /// theirs.
        mutating func row(_ n: Int, _ cells: [ChecklistTable.Cell], style: Style) {
            var lines = 1
            for (i, cell) in cells.enumerated() { lines = max(lines, Self.lines(i, cell)) }
            open(n, lines: lines)
            for (i, cell) in cells.enumerated() { self.cell(i, n, cell, style, sharing: false) }
            put("</row>")
        }

        /// Row `n` of the table, its cells written as the row gives them, in no array.
        mutating func row(_ n: Int, _ row: ChecklistTable.Row, _ c: Checklist) {
            var lines = 1
            row.forEachCell(c) { i, cell in lines = max(lines, Self.lines(i, cell)) }
            open(n, lines: lines)
            row.forEachCell(c) { i, cell in self.cell(i, n, cell, .text, sharing: true) }
            put("</row>")
        }

        /// Cell `i` of row `n`: a text in `style` (shared when `sharing` and its column's texts
        /// repeat), a number or rating in theirs, nothing for an empty one.
        @inline(__always)
        mutating func cell(_ i: Int, _ n: Int, _ cell: ChecklistTable.Cell, _ style: Style, sharing: Bool) {
            switch cell {
            case .text(let value) where !value.isEmpty:
                if sharing && ChecklistTable.repeating[i] { sharedText(i, n, value, style) } else { text(i, n, value, style) }
            case .number(let value?), .rating(let value?):
                start(i, n, cell == .number(value) ? .number : .rating)
                put("><v>")
                number(value)
                put("</v></c>")
            default: break
            }
        }

        // Cells come in order, so they need no `r` of their own, only the ones after an
        // empty cell; texts are trimmed, so they need `xml:space` only when they are not.
        mutating func start(_ i: Int, _ n: Int, _ style: Style) {
            if i == next {
                put("<c s=\"")
            } else {
                put("<c r=\"")
                columns[i].withUnsafeBufferPointer { out.append($0) }
                number(n)
                put("\" s=\"")
            }
            out.append(UInt8(ascii: "0") + style.rawValue)
            out.append(UInt8(ascii: "\""))
            next = i + 1
        }

        mutating func text(_ i: Int, _ n: Int, _ value: String, _ style: Style) {
            start(i, n, style)
            var value = value
            // A text's UTF-16 code units are never more than its UTF-8 bytes, so only a long
            // one is counted.
            if value.utf8.count > maximumCellCharacters, let cut = Self.fitted(value) {
                value = cut
                shortened += 1
            }
            value.withUTF8 { bytes in
                put(Self.padded(bytes) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>")
                if Escaping.xmlNeedsEscaping(utf8: bytes) {
                    escaped.removeAll(keepingCapacity: true)
                    Escaping.xml(utf8: bytes, into: &escaped)
                    escaped.withUnsafeBufferPointer { out.append($0) }
                } else {
                    out.append(bytes)
                }
            }
            put("</t></is></c>")
        }

        /// A cell of a shared text: its place in the shared strings.
        mutating func sharedText(_ i: Int, _ n: Int, _ value: String, _ style: Style) {
            var found: (index: Int, cut: Bool)?
            let first = i * Self.recentCount
            for k in first..<first + Self.recentCount {
                guard let known = recent[k] else { break }
                if known.value == value { found = (known.index, known.cut); break }
            }
            let place: (index: Int, cut: Bool)
            if let found {
                place = found
            } else {
                place = shared.index(of: value)
                recent[first + recentNext[i]] = (value, place.index, place.cut)
                recentNext[i] = (recentNext[i] + 1) % Self.recentCount
            }
            if place.cut { shortened += 1 }
            shared.references += 1
            start(i, n, style)
            put(" t=\"s\"><v>")
            number(place.index)
            put("</v></c>")
        }

        /// Whether a text starts or ends with a space or a tab, which XML keeps only when told
        /// (`xml:space="preserve"`).
        static func padded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.first.map { $0 == 0x20 || $0 == 0x09 } == true || bytes.last.map { $0 == 0x20 || $0 == 0x09 } == true
        }

        /// `value` cut to what a cell holds, whole characters ending in "…"; nil when it fits.
        package static func fitted(_ value: String) -> String? {
            guard value.utf16.count > maximumCellCharacters else { return nil }
            var units = 0
            var end = value.startIndex
            for character in value {
                let size = character.utf16.count
                guard units + size < maximumCellCharacters else { break }
                units += size
                end = value.index(after: end)
            }
            return String(value[..<end]) + "…"
        }

        /// How many lines cell `i` wraps into in its column's width.
        @inline(__always)
        static func lines(_ i: Int, _ cell: ChecklistTable.Cell) -> Int {
            let perLine = max(1, Int(ChecklistTable.widths[i] * 1.15))
            // The characters the cell shows (`Cell.text`), counted without making it.
            let count: Int
            switch cell {
            case .text(let t) where !t.isEmpty: count = t.utf8.count <= perLine ? 1 : t.count
            case .number(let v?): count = ByteOutput.decimalWidth(v)
            case .rating(let v?): count = ByteOutput.decimalWidth(v) + 2
            default: return 1
            }
            return (count + perLine - 1) / perLine
        }

        /// A row's start, with its height for the `lines` of its most wrapped text:
        /// spreadsheet programs do not all fit it themselves when they open a file, so a long
        /// text would be cut to one line.
        mutating func open(_ n: Int, lines: Int) {
            put("<row r=\"")
            number(n)
            if lines == 1 {
                put("\">")
            } else {
                put("\" ht=\"")
                number(min(lines * 15, maximumRowHeight))
                put("\" customHeight=\"1\">")
            }
            next = 0
        }
    }
}

/// A piece of a sheet's XML, written through a pointer: a 100,000-step sheet is 30 million
/// small appends of markup, digits and texts, and an array checks on each that it is the
/// only reference to its storage and has room, then copies generically. Owned by one
/// `Sheet`, then by the deflater, which frees it (`BackgroundDeflater.give`).
package struct SheetPiece {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        if bytes.count > capacity - count { grow(to: count + bytes.count) }
        (base + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    /// `n` in decimal digits.
    @inline(__always)
    mutating func append(decimal n: Int) {
        let width = ByteOutput.decimalWidth(n)
        if width > capacity - count { grow(to: count + width) }
        if n < 0 { base[count] = UInt8(ascii: "-") }
        var m = n.magnitude
        var i = count + width
        repeat {
            i -= 1
            base[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: m % 10)
            m /= 10
        } while m > 0
        count += width
    }

    /// Room for at least `needed` bytes: a row longer than the room past a piece (a text of
    /// many kilobytes) makes the piece larger.
    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
