import Foundation
import PolkuEscaping
import PolkuModel
import ZIPFoundation

/// The checklist as an Excel workbook (Office Open XML, `.xlsx`): `ChecklistTable` on one
/// sheet, which Excel, LibreOffice and Numbers open the same in every language and locale:
/// no delimiter or byte order mark to choose, ä and ö always right.
///
/// Texts are inline strings, so nothing a journey says can become a formula; numbers (step,
/// line) are numbers and moods are numbers shown as `4/5`, so they sort and filter. The
/// header row is bold, stays in view when scrolling and carries filters; the text column is
/// wide and wraps; printed, the sheet is A4 lying, one page wide, the header on every page.
/// The same checklist gives the same bytes (the archive's dates are fixed).
package enum XLSXChecklist {
    /// Every part's date in the archive: fixed, so the output is the same every time.
    static let date = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the first date ZIP has

    package static func render(_ c: Checklist) -> [UInt8] {
        let header = ChecklistTable.header(c)
        let rows = ChecklistTable.rows(c)
        let sheet = sheetName(c.t(.checklist))
        let last = "\(column(header.count - 1))\(rows.count + 1)"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", coreProperties(title: c.title, language: c.language.rawValue)),
            ("xl/workbook.xml", workbook(sheet: sheet, range: last)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", worksheet(header: header, rows: rows, range: last)),
        ]
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return [UInt8](archive.data ?? Data())
        } catch {
            // An archive in memory fails only when memory does.
            preconditionFailure("writing the workbook in memory failed: \(error)")
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

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

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

    static let workbookRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// Cell styles: 0 plain, 1 the header (bold, on a light grey band, wrapped), 2 text
    /// (wrapped, at the top), 3 a number (at the top), 4 a rating shown as `4/5`.
    enum Style: Int {
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
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static func worksheet(header: [String], rows: [[ChecklistTable.Cell]], range: String) -> String {
        var out = declaration
        out += "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        out += "<dimension ref=\"A1:\(range)\"/>"
        out += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        out += "<cols>"
        for (i, width) in ChecklistTable.widths.enumerated() {
            out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        out += "</cols><sheetData>"
        func text(_ reference: String, _ value: String, _ style: Style) -> String {
            "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Escaping.xml(value))</t></is></c>"
        }
        /// A row's height for its wrapped texts: spreadsheet programs do not all fit it
        /// themselves when they open a file, so a long text would be cut to one line.
        func row(_ n: Int, _ texts: [String]) -> String {
            var lines = 1
            for (i, t) in texts.enumerated() where !t.isEmpty {
                let perLine = max(1, Int(ChecklistTable.widths[i] * 1.15))
                lines = max(lines, (t.count + perLine - 1) / perLine)
            }
            return lines == 1 ? "<row r=\"\(n)\">" : "<row r=\"\(n)\" ht=\"\(lines * 15)\" customHeight=\"1\">"
        }
        out += row(1, header)
        for (i, name) in header.enumerated() { out += text("\(column(i))1", name, .header) }
        out += "</row>"
        for (r, cells) in rows.enumerated() {
            let n = r + 2
            out += row(n, cells.map(\.text))
            for (i, cell) in cells.enumerated() {
                let reference = "\(column(i))\(n)"
                switch cell {
                case .text(let value) where !value.isEmpty: out += text(reference, value, .text)
                case .number(let value?): out += "<c r=\"\(reference)\" s=\"\(Style.number.rawValue)\"><v>\(value)</v></c>"
                case .rating(let value?): out += "<c r=\"\(reference)\" s=\"\(Style.rating.rawValue)\"><v>\(value)</v></c>"
                default: break
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        out += "<autoFilter ref=\"A1:\(range)\"/>"
        out += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        out += "</worksheet>"
        return out
    }
}
