import Foundation
import PolkuChecklist
import PolkuDiagram
import PolkuEscaping
import PolkuModel
import PolkuReport
import PolkuSyntax

/// The HTML of the workshop: the pieces of a journey's view, the journey page around them,
/// and the list of a folder's journeys. Every piece of journey text is escaped.
extension Workshop {
    static func e(_ text: String) -> String { Escaping.xml(text) }

    static func say(_ key: ServeMessage, _ language: KeywordLanguage, _ values: MessageValue...) -> String {
        Message(key, values: values).text(language, keywords: language)
    }

    /// The findings as the workshop's questions, grouped by phase, each naming its step's card;
    /// numbered in order for the projector.
    static func questions(_ c: Checklist, _ language: KeywordLanguage) -> (String, Int) {
        var out = ""
        var n = 0
        func item(_ text: String, step: Int?) -> String {
            defer { n += 1 }
            let stepAttribute = step.map { " data-step=\"\($0)\"" } ?? ""
            let badge = step.map { "<span class=\"card-no\" aria-hidden=\"true\">\($0)</span> " } ?? ""
            return "<li\(stepAttribute)><button type=\"button\" class=\"question\" data-q=\"\(n)\"\(stepAttribute)>\(badge)\(e(text))</button></li>\n"
        }
        if !c.journeyQuestions.isEmpty {
            out += "<section class=\"phase\">\n<h3>\(e(say(.wholeJourney, language)))</h3>\n<ol class=\"questions\">\n"
            for q in c.journeyQuestions { out += item(q.text, step: nil) }
            out += "</ol>\n</section>\n"
        }
        for section in c.sections {
            let asked = section.items.flatMap { step in step.children.filter { $0.kind == .question }.map { (step.number, $0.text) } }
            guard !asked.isEmpty else { continue }
            out += "<section class=\"phase\">\n<h3>\(e(section.heading))</h3>\n<ol class=\"questions\">\n"
            for (step, text) in asked { out += item(text, step: step) }
            out += "</ol>\n</section>\n"
        }
        if n == 0 { out = "<p class=\"none\">\(e(say(.noQuestions, language)))</p>\n" }
        return (out, n)
    }

    static func status(questions: Int, errors: Int, _ language: KeywordLanguage) -> String {
        if errors > 0 { return errors == 1 ? say(.oneError, language) : say(.errors, language, .number(errors)) }
        switch questions {
        case 0: return say(.noFindings, language)
        case 1: return say(.oneFinding, language)
        default: return say(.findings, language, .number(questions))
        }
    }

    /// Problems with their lines (a button that shows the line in the editor), the line's text
    /// and what to do.
    static func problemsHTML(_ items: [FileDiagnostic], _ language: KeywordLanguage, lead: String?) -> String {
        guard !items.isEmpty else { return "" }
        var out = lead.map { "<p class=\"lead\">\(e($0))</p>\n" } ?? ""
        out += "<ol class=\"problem-list\">\n"
        for (item, line) in located(items) {
            let w = item.wording(language)
            let d = item.diagnostic
            out += "<li>"
            if let line {
                out += "<button type=\"button\" class=\"line\" data-line=\"\(line)\">\(e(say(.line, language, .number(line))))</button> "
                out += "<span class=\"message\">\(e(w(d.text)))</span>"
                let text = item.source.lineText(line).trimmingCharacters(in: .newlines)
                if !text.isEmpty { out += "<code class=\"excerpt\">\(e(text))</code>" }
            } else {
                out += "<span class=\"message\">\(e(w(d.text)))</span>"
            }
            if let help = d.helpText { out += "<span class=\"help\">\(e(w(help)))</span>" }
            out += "</li>\n"
        }
        return out + "</ol>\n"
    }

    /// The journey's page: the first view in place, the editor, the controls; the script
    /// (`/assets/polku.js`) keeps it live.
    func page(_ view: JourneyView, choice: ViewChoice, token: String) -> String {
        let language = KeywordLanguage(rawValue: view.language) ?? options.fallback
        func t(_ key: ServeMessage, _ values: MessageValue...) -> String { Self.e(Message(key, values: values).text(language, keywords: language)) }
        let strings: [String: String] = Dictionary(uniqueKeysWithValues: [
            ServeMessage.saving, .saved, .unsaved, .checking, .stale, .changedOnDisk, .live, .connectionLost, .conflict,
            .questionOf, .questionsAboutStep, .stepHasNoQuestions, .edit, .hideEditor, .projector, .leaveProjector,
        ].map { ($0.rawValue, Message($0).text(language, keywords: language)) })
        let config: [String: JSONScalar] = [
            "token": .string(token), "path": .string(view.path), "version": .string(view.version),
            "layout": .string(choice.layout.rawValue), "lang": .string(choice.language?.rawValue ?? ""),
        ]
        let layouts = [(DiagramLayout.auto, ServeMessage.layoutAuto), (.compact, .layoutCompact), (.timeline, .layoutTimeline)]
            .map { "<option value=\"\($0.0.rawValue)\"\($0.0 == choice.layout ? " selected" : "")>\(t($0.1))</option>" }.joined()
        let languages = ([("", t(.languageOwn))] + [("fi", "suomi"), ("sv", "svenska"), ("en", "English")])
            .map { "<option value=\"\($0.0)\"\($0.0 == (choice.language?.rawValue ?? "") ? " selected" : "")>\($0.1)</option>" }.joined()
        let downloads = Download.allCases.map {
            "<button type=\"button\" data-format=\"\($0.rawValue)\">\($0 == .md ? "Markdown" : $0.rawValue.uppercased())</button>"
        }.joined(separator: " ")
        let home = single == nil ? "<a class=\"home\" href=\"/\">← \(t(.allJourneys))</a>\n" : ""
        return """
        <!DOCTYPE html>
        <html lang="\(view.language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t(.pageTitle, .text(view.title)))</title>
        <link rel="stylesheet" href="/assets/polku.css">
        <script type="application/json" id="polku-config">\(Self.json(config, strings: strings))</script>
        <script src="/assets/polku.js" defer></script>
        </head>
        <body>
        <header class="bar">
        \(home)<h1 id="title">\(Self.e(view.title))</h1>
        <p class="state"><span id="status">\(Self.e(view.status))</span> · <span id="live" role="status" aria-live="polite">\(t(.live))</span></p>
        <div class="tools">
        <label>\(t(.layout)) <select id="layout">\(layouts)</select></label>
        <label>\(t(.language)) <select id="lang">\(languages)</select></label>
        <button type="button" id="edit-toggle" aria-pressed="false" aria-controls="editor-pane">\(t(.edit))</button>
        <button type="button" id="projector-toggle" aria-pressed="false">\(t(.projector))</button>
        <details class="downloads"><summary>\(t(.download))</summary><p>\(downloads)</p><p class="hint">\(t(.downloadHint))</p></details>
        </div>
        </header>
        <section id="current" class="current" hidden aria-live="polite">
        <p id="current-count" class="count"></p>
        <p id="current-text" class="text"></p>
        <p class="nav"><button type="button" id="previous">← \(t(.previous))</button> <button type="button" id="next">\(t(.next)) →</button></p>
        </section>
        <p id="notice" class="notice" role="alert" hidden></p>
        <main class="workspace">
        <section id="editor-pane" class="editor-pane" hidden aria-labelledby="editor-heading">
        <h2 id="editor-heading">\(t(.editor))</h2>
        <textarea id="editor" spellcheck="false" wrap="off" aria-labelledby="editor-heading">\(Self.e(view.text))</textarea>
        <p class="save-row"><button type="button" id="save">\(t(.save))</button> <span id="save-status" role="status" aria-live="polite"></span></p>
        <div id="conflict" class="conflict" hidden>
        <p class="lead">\(t(.conflict))</p>
        <div class="versions"><figure><figcaption>\(t(.yourVersion))</figcaption><pre id="conflict-mine"></pre></figure>
        <figure><figcaption>\(t(.diskVersion))</figcaption><pre id="conflict-disk"></pre></figure></div>
        <p><button type="button" id="keep-mine">\(t(.keepMine))</button> <button type="button" id="take-disk">\(t(.takeDisk))</button></p>
        </div>
        </section>
        <section id="diagram-pane" class="diagram-pane" aria-labelledby="diagram-heading">
        <div class="pane-head"><h2 id="diagram-heading">\(t(.diagram))</h2>
        <p class="zoom"><button type="button" id="zoom-out" aria-label="\(t(.zoomOut))">−</button> <button type="button" id="zoom-in" aria-label="\(t(.zoomIn))">+</button> <button type="button" id="zoom-fit">\(t(.fitWidth))</button> <button type="button" id="zoom-actual">\(t(.actualSize))</button></p></div>
        <div id="problems" class="problems">\(view.problems)</div>
        <p id="stale" class="stale"\(view.stale ? "" : " hidden")>⚠ \(t(.stale))</p>
        <div id="diagram" class="diagram\(view.stale ? " is-stale" : "")">\(view.diagram)</div>
        </section>
        <aside class="side">
        <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">\(t(.questions))</h2>
        <p id="step-filter" class="step-filter" hidden><span id="step-filter-text"></span> <button type="button" id="show-all">\(t(.showAll))</button></p>
        <div id="questions">\(view.questions)</div>
        </section>
        <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">\(t(.summary))</h2>
        <div id="summary">\(view.summary)</div>
        </section>
        </aside>
        </main>
        <section class="checklist-pane" aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">\(t(.checklist))</h2>
        <div id="checklist" data-ticks-key="\(Self.e(view.path))">\(view.checklist)</div>
        </section>
        </body>
        </html>

        """
    }

    /// The list of a folder's journeys, each with its number of open questions or errors.
    func index(_ entries: [JourneyEntry]) -> String {
        let language = options.language ?? options.fallback
        func t(_ key: ServeMessage, _ values: MessageValue...) -> String { Self.e(Message(key, values: values).text(language, keywords: language)) }
        var list = ""
        for entry in entries {
            let href = "/journey/" + entry.path.split(separator: "/").map { Self.percentEncoded(String($0)) }.joined(separator: "/")
            let state = Self.status(questions: entry.questions, errors: entry.errors, language)
            list += "<li><a href=\"\(Self.e(href))\">\(Self.e(entry.title))</a> <span class=\"path\">\(Self.e(entry.path))</span> <span class=\"count\(entry.errors > 0 ? " has-errors" : "")\">\(entry.errors > 0 ? "⚠ " : "")\(Self.e(state))</span></li>\n"
        }
        if entries.isEmpty { list = "<li>\(t(.noJourneys))</li>\n" }
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t(.pageTitle, .text(servedName)))</title>
        <link rel="stylesheet" href="/assets/polku.css">
        </head>
        <body class="index">
        <header class="bar"><h1>\(t(.journeysIn, .text(servedName)))</h1></header>
        <main>
        <ul class="journeys">
        \(list)</ul>
        </main>
        </body>
        </html>

        """
    }

    /// A page that says one thing (a refusal, something not found).
    static func messagePage(_ text: String, language: KeywordLanguage) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head><meta charset="utf-8"><title>Polku</title><link rel="stylesheet" href="/assets/polku.css"></head>
        <body class="index"><main><p class="notice">\(e(text))</p><p><a href="/">Polku</a></p></main></body>
        </html>

        """
    }

    static func percentEncoded(_ part: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return part.addingPercentEncoding(withAllowedCharacters: allowed) ?? part
    }

    enum JSONScalar { case string(String) }

    /// The page's settings and words as JSON inside a `<script>` element (`<` written as
    /// `\u003c`, so that no text can end the element).
    static func json(_ config: [String: JSONScalar], strings: [String: String]) -> String {
        var object: [String: Any] = [:]
        for (k, v) in config { if case .string(let s) = v { object[k] = s } }
        object["strings"] = strings
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
