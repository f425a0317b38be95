import ArgumentParser
import PolkuChecklist
import PolkuDiagram
import PolkuPipeline
import PolkuSyntax

/// `polku checklist`: the journey as a checklist for the desk, a workshop or a plan.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Write a journey as a checklist: Markdown, HTML, an Excel workbook or CSV, in English, Finnish or Swedish.",
        discussion: """
        Per phase and step: a line to tick for the step (its channel and who serves), with \
        its recommendations, follow-ups and feedback points, its notes and mood; every \
        checker finding becomes a question for the team. Then the channel self-assessment, \
        the customer profiles and a summary. With --with-diagram the HTML page has the \
        swimlane diagram too, fitted to sheets of the paper as `polku render --page` does, \
        each printed on a sheet of its own. An .xlsx workbook has a row per item with a \
        column for each thing to filter by, and opens the same in every language's Excel. \
        The format comes from the extension (.md, .html, .xlsx, .csv) or --format; a \
        --format that the extension contradicts (`--format csv -o x.md`) is refused.

        Examples:
          polku checklist Examples/kaukolaina-fi.polku -o kaukolaina.html
          polku checklist Examples/article-delivery.polku --lang fi -o tarkistuslista.md
          polku checklist Examples/kaukolaina-fi.polku -o kaukolaina.xlsx
          polku checklist Examples/renew-by-phone.polku -o renew.csv --bom
          polku checklist Examples/chat-reference.polku -o chat.html --with-diagram
        """
    )

    @Argument(help: "A journey file.")
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write, or - for standard output.", valueName: "file"))
    var output: String?

    @Option(help: "md, html, xlsx or csv (default: from the -o extension, else md).")
    var format: ChecklistFormat?

    @Option(help: "Language: en, fi or sv (default: the journey's keywords).")
    var lang: KeywordLanguage?

    @Flag(help: "CSV: start with a byte order mark, so spreadsheet programs read ä and ö right.")
    var bom = false

    @Option(help: ArgumentHelp("CSV: the cell separator: ';' (what Excel expects in Finnish and Swedish; the default for a fi or sv checklist), ',' (the default in English) or tab.", valueName: "separator"))
    var delimiter: CSVDelimiter?

    @Flag(name: .customLong("with-diagram"), help: "HTML: put the swimlane diagram in the page, on sheets of its own when printed.")
    var withDiagram = false

    @Option(help: ArgumentHelp("The paper it is printed on: a4 (default), a3 or letter.", valueName: "paper"))
    var page: Paper = .a4

    @Flag(help: "With --with-diagram: the diagram's sheets standing or lying; without either, whichever needs fewer pages.")
    var turn: Turn?

    @OptionGroup var checker: CheckerOptions

    func run() throws {
        let console = Console(language: lang)
        let chosen: ChecklistFormat
        if let format {
            if let mismatch = OutputSteps.formatMismatch(output, format: format.rawValue, language: console.speaks) {
                console.error(mismatch)
                return try finish(.usage, console)
            }
            chosen = format
        } else if let output, output != "-" {
            let ext = OutputSteps.fileExtension(output)
            guard let f = ChecklistFormat(rawValue: ext == "markdown" ? "md" : ext == "htm" ? "html" : ext) else {
                console.error(say(console.speaks, .checklistFormatUnknown, .text(output)))
                return try finish(.usage, console)
            }
            chosen = f
        } else {
            chosen = .md
        }
        let target = output ?? OutputSteps.besideJourney(input, extension: chosen.rawValue)
        let journey: CheckedJourney
        switch OutputSteps.load(JourneyPath(input), target: target, pipeline: checker.pipeline, console: console) {
        case .success(let loaded): journey = loaded
        case .failure(let status): return try finish(status, console)
        }
        var diagram: [[UInt8]] = []
        var setup = PageSetup(paper: page, orientation: turn?.orientation ?? .auto)
        if withDiagram && chosen == .html {
            do {
                // Fitted to the sheet by the rules of `polku render --page`.
                let drawing = try Diagrams.drawBlocking(journey, format: .svg, options: DiagramOptions(language: lang, layout: .auto, page: setup))
                diagram = drawing.pages
                setup = drawing.page ?? setup
            } catch {
                console.show(error.items)
                return try finish(.usage, console)
            }
        }
        UntilExit.keep(journey)
        if chosen != .xlsx {
            // Written as it is made, a megabyte at a time: never whole in memory.
            return try finish(OutputSteps.write(to: target, console: console) { send in
                Checklists.textDocument(journey, format: chosen, language: lang, byteOrderMark: bom,
                                        delimiter: delimiter?.character, diagram: diagram, page: setup,
                                        keep: UntilExit.keep, send: send) ?? []
            }, console)
        }
        let workbook: XLSXChecklist.Workbook
        let csv = target == "-" ? "name.csv"
            : OutputSteps.fileExtension(target) == "xlsx" ? String(target.dropLast(5)) + ".csv" : target + ".csv"
        do {
            workbook = try Checklists.workbook(journey, language: lang, keep: UntilExit.keep)
        } catch {
            let rows = grouped(error.rows, console.speaks), limit = grouped(error.limit, console.speaks)
            console.error(say(console.speaks, .workbookTooLarge, .text(rows), .text(limit), .text(csv)))
            return try finish(.usage, console)
        }
        let status = OutputSteps.write(workbook.bytes, to: target, console: console)
        if status == .ok, !workbook.shortened.isEmpty {
            console.error(workbookCutNote(workbook.shortened, csv: csv, language: console.speaks))
        }
        try finish(status, console)
    }
}

/// The note that texts were cut to fit a spreadsheet's cells: which rows, and that the
/// CSV checklist keeps them whole. At most ten rows are named.
package func workbookCutNote(_ rows: [Int], csv: String, language: KeywordLanguage) -> String {
    let limit = grouped(XLSXChecklist.maximumCellCharacters, language)
    guard rows.count > 1 else {
        return say(language, .workbookTextCut, .text(grouped(rows[0], language)), .text(limit), .text(csv))
    }
    let named = rows.prefix(10).map { grouped($0, language) }.joined(separator: ", ") + (rows.count > 10 ? " …" : "")
    return say(language, .workbookTextsCut, .text(grouped(rows.count, language)), .text(limit), .text(named), .text(csv))
}

/// A large number as its readers write it: 1,048,576 in English, 1 048 576 in Finnish and
/// Swedish (with no-break spaces, so it is never split across lines).
package func grouped(_ n: Int, _ language: KeywordLanguage) -> String {
    let digits = Array(String(n.magnitude))
    let separator: Character = language == .en ? "," : "\u{00A0}"
    var out = n < 0 ? "-" : ""
    for (i, d) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
        out.append(d)
    }
    return out
}

/// `--delimiter`: `,`, `;` or `tab`.
struct CSVDelimiter: ExpressibleByArgument {
    var character: Character

    init?(argument: String) {
        switch argument {
        case ",", "comma": character = ","
        case ";", "semicolon": character = ";"
        case "tab", "\t": character = "\t"
        default: return nil
        }
    }

    static var allValueStrings: [String] { [",", ";", "tab"] }
}
