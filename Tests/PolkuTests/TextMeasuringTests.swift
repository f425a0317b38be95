import CPolkuGraphviz
import Foundation
import PolkuGraphviz
import Testing

/// The layer in front of Graphviz's text measuring (polku_graphviz_text.h): texts measured
/// ahead, on another thread, from the DOT text, are the ones Graphviz then asks for, with the
/// numbers it would have got.
@Suite struct TextMeasuringTests {
    @Test func textsMeasuredAheadAreTheOnesGraphvizAsksForAndThePictureIsTheSame() throws {
        // Texts no other test measures, so that forgetting and recalling them here is not
        // disturbed by renders running beside this test.
        let token = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let font = "DejaVu Sans"
        func cell(_ size: Int, _ text: String) -> String {
            "<TR><TD ALIGN=\"LEFT\" HEIGHT=\"15\"><FONT POINT-SIZE=\"\(size)\" COLOR=\"#101828\">\(text)</FONT></TD></TR>"
        }
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\" WIDTH=\"200\">"
            + cell(12, "<B>Lend &amp; return &lt;\(token)&gt;</B>")
            + cell(10, "<I>&quot;quoted&quot; &#39;\(token)&#39; &#93;</I>")
            + cell(10, "plain \(token)")
            + cell(16, "<B>ÄÖÅ ⚠ \(token)</B>")
            + "</TABLE>"
        let dot = """
            digraph t {
              graph [layout="nop2", bb="0,0,400,300", pad="0"];
              node [shape=box, fixedsize=true, fontname="\(font)", label="", margin=0];
              a [pos="200,200!", width=4, height=1.2, label=<\(table)>];
              b [pos="200,40!", width=1.5, height=0.4, label=<<FONT POINT-SIZE="10" COLOR="#101828"><B>mood \(token)</B></FONT>>];
            }
            """
        let spans: [(size: Double, flags: Int32, text: String)] = [
            (12, 1, "Lend & return <\(token)>"), (10, 2, "\"quoted\" '\(token)' ]"), (10, 0, "plain \(token)"),
            (16, 1, "ÄÖÅ ⚠ \(token)"), (10, 1, "mood \(token)"),
        ]
        func remembered() -> [Bool] { spans.map { polku_graphviz_remembers(font, $0.size, $0.flags, $0.text) != 0 } }
        let all = Array(repeating: true, count: spans.count)

        // Graphviz measures each text as it lays the graph out; they are remembered under the
        // font, size, style and text it gives.
        polku_graphviz_forget_texts()
        let measuredByGraphviz = try Graphviz.shared.renderBlocking(dot: dot, format: .svg)
        #expect(remembered() == all)

        // Measured ahead, on this thread, from the DOT text alone: the same texts, and the
        // picture drawn from those measurements is the same.
        polku_graphviz_forget_texts()
        #expect(remembered() == Array(repeating: false, count: spans.count))
        polku_graphviz_measure_ahead(dot, font, 0)
        #expect(remembered() == all)
        let measuredAhead = try Graphviz.shared.renderBlocking(dot: dot, format: .svg)
        #expect(measuredAhead == measuredByGraphviz)
        // The texts are wider than the table asks for, so their widths place every line.
        #expect(String(decoding: measuredAhead, as: UTF8.self).contains(">plain \(token)</text>"))
    }
}
