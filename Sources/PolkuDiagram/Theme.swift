import Foundation

/// Colours of a diagram. Every text colour is chosen against the fill it sits on for a
/// contrast of at least 4.5:1 (a test computes them), and nothing is told by colour alone:
/// findings also have a dashed border and a ⚠ line in words.
package struct Theme: Sendable {
    package var name: String
    package var background: String
    package var text: String
    package var mutedText: String
    package var laneFills: [String]
    package var laneLabelFill: String
    package var laneLabelText: String
    package var phaseFill: String
    package var phaseText: String
    package var cardFill: String
    package var cardBorder: String
    package var findingBorder: String
    package var findingText: String
    package var edge: String
    package var separator: String

    package static let light = Theme(
        name: "light", background: "#FFFFFF", text: "#101828", mutedText: "#344054",
        laneFills: ["#F2F4F7", "#FFFFFF"], laneLabelFill: "#E4E7EC", laneLabelText: "#101828",
        phaseFill: "#1D2939", phaseText: "#FFFFFF", cardFill: "#FFFFFF", cardBorder: "#344054",
        findingBorder: "#B42318", findingText: "#B42318", edge: "#344054", separator: "#98A2B3")

    /// Black on white with greys, for printing and photocopying.
    package static let print = Theme(
        name: "print", background: "#FFFFFF", text: "#000000", mutedText: "#333333",
        laneFills: ["#F0F0F0", "#FFFFFF"], laneLabelFill: "#FFFFFF", laneLabelText: "#000000",
        phaseFill: "#FFFFFF", phaseText: "#000000", cardFill: "#FFFFFF", cardBorder: "#000000",
        findingBorder: "#000000", findingText: "#000000", edge: "#000000", separator: "#666666")

    package static let all = [light, print]

    /// (text, fill) pairs that must be readable, for the contrast test.
    package var textPairs: [(String, String)] {
        var pairs = [(laneLabelText, laneLabelFill), (phaseText, phaseFill), (text, cardFill),
                     (mutedText, cardFill), (findingText, cardFill), (text, background)]
        for fill in laneFills { pairs.append((text, fill)) }
        return pairs
    }

    /// WCAG contrast ratio of two `#RRGGBB` colours.
    package static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let v = Int(hex.dropFirst(), radix: 16) ?? 0
            func channel(_ c: Int) -> Double {
                let s = Double(c) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel((v >> 16) & 255) + 0.7152 * channel((v >> 8) & 255) + 0.0722 * channel(v & 255)
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
