/// What a diagram drawn against an earlier version of its journey (`polku render --compare`)
/// marks: steps added (a double border and the word "new"), steps changed (a thick border
/// and what changed, in words) and steps removed, drawn as ghosts (a dotted grey border and
/// the word "removed") where they stood. Never by colour alone: every mark is a word on the
/// card and a line style, and the legend and the SVG's text alternative say them too.
///
/// The journey drawn holds the removed steps as steps of its own, after its real ones
/// (from `firstRemoved` on), so every part of the layout places them like any step; they
/// carry no number, no flow and no mood. The words come ready in the diagram's language.
package struct DiagramComparison: Sendable {
    package enum Kind: Sendable { case added, changed, removed }

    /// The mark of one card.
    package struct Mark: Sendable {
        package var kind: Kind
        /// The lines the card shows under its title ("✚ NEW", "◆ CHANGED: follow-up").
        package var lines: [String]
        /// What the text alternative says after the step ("new", "changed: follow-up").
        package var description: String

        package init(kind: Kind, lines: [String], description: String) {
            self.kind = kind
            self.lines = lines
            self.description = description
        }
    }

    /// Marks by step index of the journey drawn.
    package var marks: [Int: Mark]
    /// The first step that is a removed one (the journey's own steps come before it).
    package var firstRemoved: Int
    /// Where each step stands among the steps of its phase (and of its cell): steps are
    /// drawn in the order of these keys, a removed step just after the step it followed.
    package var order: [Double]
    /// A line under the diagram's title: "Compared with plan.polku".
    package var header: String
    /// The legend's lines for the marks.
    package var legend: [String]
    /// A sentence for the text alternative: how many steps were added, changed, removed.
    package var summary: String

    package init(marks: [Int: Mark], firstRemoved: Int, order: [Double], header: String, legend: [String], summary: String) {
        self.marks = marks
        self.firstRemoved = firstRemoved
        self.order = order
        self.header = header
        self.legend = legend
        self.summary = summary
    }

    /// Whether a step is one only the earlier version has.
    package func isRemoved(_ step: Int) -> Bool { step >= firstRemoved }
}
