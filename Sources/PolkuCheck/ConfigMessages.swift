import PolkuSyntax

/// The sentences of the errors about the configuration (`polku.toml` and `--rule`), in
/// English, Finnish and Swedish (`ConfigurationCatalog` builds the diagnostics). Sentences
/// that say the same as one about a journey file (the NUL byte, an unknown rule, "did you
/// mean") are `SyntaxMessage`'s. Names in `polku.toml` (`[rules]`, `missing-need`, `"off"`)
/// are the file's own and stay as they are in every language.
package enum ConfigMessage: String, MessageTemplates {
    // The file as a whole
    case notTextFile, notTextFileHelp, nothingUsed, notUTF8
    // TOML the reader cannot follow
    case notTOML, tomlReaderSays
    case quoteValue, givenTwice, sectionSyntax, writeEquals, quoteKey, lineSyntax
    case sectionNameMissing, valueMissing, notADateTime, listSyntax, noDates
    // Sections
    case noSuchSection, unknownSectionLabel, theSections, didYouMeanSection, moveLinesUnderSection
    case outsideSection, outsideSectionLabel, putRulesAbove, putLineUnderSection
    case mustBeSection, notASectionLabel, writeSection
    // Severities
    case mustBeSeverity, notASeverity, notASeverityLabel
    case lowerCase, switchOff, quoteSeverity, forExampleWarning
    // [ignore]
    case mustBeList, notAListLabel, writeList
    case ruleNameNotText, notARuleNameLabel, quoteRuleName
    // --rule NAME=SEVERITY
    case optionNoRule, optionNoSeverity, optionSyntax, optionSeverity, writeRuleName

    package var en: String {
        switch self {
        case .notTextFile: "this configuration file is not a text file: it contains a NUL byte"
        case .notTextFileHelp: "check that this is the configuration file you meant; polku.toml is plain UTF-8 text"
        case .nothingUsed: "nothing in this file is used"
        case .notUTF8: "this configuration file is not UTF-8 text: byte 0x{0} cannot start or continue a character here"
        case .notTOML: "this configuration file is not valid TOML, so none of it is used"
        case .tomlReaderSays: "the TOML reader says: {0}"
        case .quoteValue: "put the value in quotes, for example `missing-need = \"off\"`"
        case .givenTwice: "this name is given twice; keep one of the lines"
        case .sectionSyntax: "a section is a name in brackets on a line of its own: `[rules]` or `[ignore]`"
        case .writeEquals: "write `=` between the name and the value: `missing-need = \"off\"`"
        case .quoteKey: "a name with characters other than a-z, 0-9, `-` and `_` needs quotes: `\"drafts/*\" = [\"missing-need\"]`"
        case .lineSyntax: "each line under a section is a name, `=` and a value, with text in quotes: `missing-need = \"off\"`"
        case .sectionNameMissing: "section name missing"
        case .valueMissing: "a value is missing here"
        case .notADateTime: "this does not continue a date and time"
        case .listSyntax: "a list is written in brackets, with commas between the items: `[\"missing-need\", \"missing-role\"]`"
        case .noDates: "polku.toml takes no dates or times: write severities and rule names in quotes, for example `missing-need = \"off\"`"
        case .noSuchSection: "the configuration has no section `[{0}]`"
        case .unknownSectionLabel: "unknown section"
        case .theSections: "the sections are `[rules]`, which sets how serious each rule's findings are, and `[ignore]`, which switches rules off for some files"
        case .didYouMeanSection: "did you mean `[{0}]`?"
        case .moveLinesUnderSection: "move these lines under `[rules]` or `[ignore]`, or remove them"
        case .outsideSection: "`{0}` is not under a section"
        case .outsideSectionLabel: "outside any section"
        case .putRulesAbove: "put `[rules]` on a line of its own above it"
        case .putLineUnderSection: "put the line under `[rules]` or `[ignore]`, or remove it"
        case .mustBeSection: "`{0}` must be a section, written `[{0}]`"
        case .notASectionLabel: "not a section"
        case .writeSection: "write `[{0}]` on a line of its own, and lines such as `{1}` under it"
        case .mustBeSeverity: "`{0}` must be one of {1}"
        case .notASeverity: "`{0}` is not a severity"
        case .notASeverityLabel: "not a severity"
        case .lowerCase: "write it in lower case: `{0} = \"{1}\"`"
        case .switchOff: "to switch the rule off, write `{0} = \"off\"`"
        case .quoteSeverity: "write the severity in quotes, for example `{0} = \"warning\"`"
        case .forExampleWarning: "write, for example, `{0} = \"warning\"`"
        case .mustBeList: "`{0}` must list rule names in brackets"
        case .notAListLabel: "not a list"
        case .writeList: "write the rule names in brackets, for example `\"{0}\" = [{1}]`"
        case .ruleNameNotText: "a rule name in `[ignore]` must be text in quotes"
        case .notARuleNameLabel: "not a rule name"
        case .quoteRuleName: "write the rule's name in quotes, for example \"missing-need\""
        case .optionNoRule: "this --rule option names no rule"
        case .optionNoSeverity: "this --rule option has no severity"
        case .optionSyntax: "write --rule NAME=SEVERITY, with SEVERITY error, warning, info or off, for example --rule missing-need=off"
        case .optionSeverity: "write --rule {0}=SEVERITY, with SEVERITY error, warning, info or off"
        case .writeRuleName: "write the name of a checker rule; `polku rules` lists every rule"
        }
    }

    package var fi: String {
        switch self {
        case .notTextFile: "tämä asetustiedosto ei ole tekstitiedosto: siinä on NUL-tavu"
        case .notTextFileHelp: "tarkista, että tämä on tarkoittamasi asetustiedosto; polku.toml on tavallista UTF-8-tekstiä"
        case .nothingUsed: "tämän tiedoston asetuksista ei käytetä mitään"
        case .notUTF8: "tämä asetustiedosto ei ole UTF-8-tekstiä: tavu 0x{0} ei voi aloittaa tai jatkaa merkkiä tässä kohdassa"
        case .notTOML: "tämä asetustiedosto ei ole kelvollista TOML-muotoa, joten sen asetuksista ei käytetä mitään"
        case .tomlReaderSays: "TOML-lukijan ilmoitus: {0}"
        case .quoteValue: "kirjoita arvo lainausmerkkeihin, esimerkiksi `missing-need = \"off\"`"
        case .givenTwice: "tämä nimi on annettu kahdesti; säilytä riveistä vain toinen"
        case .sectionSyntax: "osio on hakasulkeissa oleva nimi omalla rivillään: `[rules]` tai `[ignore]`"
        case .writeEquals: "kirjoita nimen ja arvon väliin `=`: `missing-need = \"off\"`"
        case .quoteKey: "nimi, jossa on muitakin merkkejä kuin a-z, 0-9, `-` ja `_`, kirjoitetaan lainausmerkkeihin: `\"drafts/*\" = [\"missing-need\"]`"
        case .lineSyntax: "osion jokainen rivi on nimi, `=` ja arvo, ja teksti kirjoitetaan lainausmerkkeihin: `missing-need = \"off\"`"
        case .sectionNameMissing: "osion nimi puuttuu"
        case .valueMissing: "tästä puuttuu arvo"
        case .notADateTime: "tämä ei jatka päivämäärää ja kellonaikaa"
        case .listSyntax: "luettelo kirjoitetaan hakasulkeisiin, kohtien väliin pilkku: `[\"missing-need\", \"missing-role\"]`"
        case .noDates: "polku.toml ei sisällä päivämääriä eikä kellonaikoja: kirjoita vakavuustasot ja sääntöjen nimet lainausmerkkeihin, esimerkiksi `missing-need = \"off\"`"
        case .noSuchSection: "asetuksissa ei ole osiota `[{0}]`"
        case .unknownSectionLabel: "tuntematon osio"
        case .theSections: "osiot ovat `[rules]`, jossa asetetaan, kuinka vakavia kunkin säännön havainnot ovat, ja `[ignore]`, jossa sääntöjä poistetaan käytöstä joiltakin tiedostoilta"
        case .didYouMeanSection: "tarkoititko `[{0}]`?"
        case .moveLinesUnderSection: "siirrä nämä rivit osion `[rules]` tai `[ignore]` alle tai poista ne"
        case .outsideSection: "`{0}` ei ole minkään osion alla"
        case .outsideSectionLabel: "osioiden ulkopuolella"
        case .putRulesAbove: "kirjoita sen yläpuolelle omalle rivilleen `[rules]`"
        case .putLineUnderSection: "siirrä rivi osion `[rules]` tai `[ignore]` alle tai poista se"
        case .mustBeSection: "`{0}` on osio, ja se kirjoitetaan `[{0}]`"
        case .notASectionLabel: "ei ole osio"
        case .writeSection: "kirjoita `[{0}]` omalle rivilleen ja sen alle rivejä kuten `{1}`"
        case .mustBeSeverity: "`{0}` voi olla vain {1}"
        case .notASeverity: "`{0}` ei ole vakavuustaso"
        case .notASeverityLabel: "ei ole vakavuustaso"
        case .lowerCase: "kirjoita se pienillä kirjaimilla: `{0} = \"{1}\"`"
        case .switchOff: "jos haluat poistaa säännön käytöstä, kirjoita `{0} = \"off\"`"
        case .quoteSeverity: "kirjoita vakavuustaso lainausmerkkeihin, esimerkiksi `{0} = \"warning\"`"
        case .forExampleWarning: "kirjoita esimerkiksi `{0} = \"warning\"`"
        case .mustBeList: "kohdassa `{0}` sääntöjen nimet pitää luetella hakasulkeissa"
        case .notAListLabel: "ei ole luettelo"
        case .writeList: "kirjoita sääntöjen nimet hakasulkeisiin, esimerkiksi `\"{0}\" = [{1}]`"
        case .ruleNameNotText: "osiossa `[ignore]` säännön nimi kirjoitetaan tekstinä lainausmerkkeihin"
        case .notARuleNameLabel: "ei ole säännön nimi"
        case .quoteRuleName: "kirjoita säännön nimi lainausmerkkeihin, esimerkiksi \"missing-need\""
        case .optionNoRule: "tässä --rule-valitsimessa ei ole säännön nimeä"
        case .optionNoSeverity: "tässä --rule-valitsimessa ei ole vakavuustasoa"
        case .optionSyntax: "kirjoita --rule SÄÄNTÖ=TASO, jossa TASO on error, warning, info tai off, esimerkiksi --rule missing-need=off"
        case .optionSeverity: "kirjoita --rule {0}=TASO, jossa TASO on error, warning, info tai off"
        case .writeRuleName: "kirjoita tarkistimen säännön nimi; `polku rules` luettelee kaikki säännöt"
        }
    }

    package var sv: String {
        switch self {
        case .notTextFile: "den här inställningsfilen är ingen textfil: den innehåller en NUL-byte"
        case .notTextFileHelp: "kontrollera att det här är den inställningsfil du menade; polku.toml är vanlig UTF-8-text"
        case .nothingUsed: "ingenting i den här filen används"
        case .notUTF8: "den här inställningsfilen är inte UTF-8-text: byten 0x{0} kan inte inleda eller fortsätta ett tecken här"
        case .notTOML: "den här inställningsfilen är inte giltig TOML, så ingenting i den används"
        case .tomlReaderSays: "TOML-läsaren säger: {0}"
        case .quoteValue: "skriv värdet inom citattecken, till exempel `missing-need = \"off\"`"
        case .givenTwice: "det här namnet anges två gånger; behåll en av raderna"
        case .sectionSyntax: "ett avsnitt är ett namn inom hakparentes på en egen rad: `[rules]` eller `[ignore]`"
        case .writeEquals: "skriv `=` mellan namnet och värdet: `missing-need = \"off\"`"
        case .quoteKey: "ett namn med andra tecken än a-z, 0-9, `-` och `_` skrivs inom citattecken: `\"drafts/*\" = [\"missing-need\"]`"
        case .lineSyntax: "varje rad under ett avsnitt är ett namn, `=` och ett värde, med text inom citattecken: `missing-need = \"off\"`"
        case .sectionNameMissing: "avsnittets namn saknas"
        case .valueMissing: "här saknas ett värde"
        case .notADateTime: "det här är ingen fortsättning på ett datum och en tid"
        case .listSyntax: "en lista skrivs inom hakparentes, med kommatecken mellan posterna: `[\"missing-need\", \"missing-role\"]`"
        case .noDates: "polku.toml innehåller inga datum eller tider: skriv allvarlighetsgrader och regelnamn inom citattecken, till exempel `missing-need = \"off\"`"
        case .noSuchSection: "inställningarna har inget avsnitt `[{0}]`"
        case .unknownSectionLabel: "okänt avsnitt"
        case .theSections: "avsnitten är `[rules]`, som anger hur allvarliga varje regels iakttagelser är, och `[ignore]`, som stänger av regler för vissa filer"
        case .didYouMeanSection: "menade du `[{0}]`?"
        case .moveLinesUnderSection: "flytta de här raderna under `[rules]` eller `[ignore]`, eller ta bort dem"
        case .outsideSection: "`{0}` står inte under något avsnitt"
        case .outsideSectionLabel: "utanför alla avsnitt"
        case .putRulesAbove: "skriv `[rules]` på en egen rad ovanför den"
        case .putLineUnderSection: "flytta raden under `[rules]` eller `[ignore]`, eller ta bort den"
        case .mustBeSection: "`{0}` måste vara ett avsnitt, skrivet `[{0}]`"
        case .notASectionLabel: "inget avsnitt"
        case .writeSection: "skriv `[{0}]` på en egen rad, och rader som `{1}` under den"
        case .mustBeSeverity: "`{0}` måste vara {1}"
        case .notASeverity: "`{0}` är ingen allvarlighetsgrad"
        case .notASeverityLabel: "ingen allvarlighetsgrad"
        case .lowerCase: "skriv det med små bokstäver: `{0} = \"{1}\"`"
        case .switchOff: "för att stänga av regeln, skriv `{0} = \"off\"`"
        case .quoteSeverity: "skriv allvarlighetsgraden inom citattecken, till exempel `{0} = \"warning\"`"
        case .forExampleWarning: "skriv till exempel `{0} = \"warning\"`"
        case .mustBeList: "`{0}` måste lista regelnamnen inom hakparentes"
        case .notAListLabel: "ingen lista"
        case .writeList: "skriv regelnamnen inom hakparentes, till exempel `\"{0}\" = [{1}]`"
        case .ruleNameNotText: "ett regelnamn i `[ignore]` måste vara text inom citattecken"
        case .notARuleNameLabel: "inget regelnamn"
        case .quoteRuleName: "skriv regelns namn inom citattecken, till exempel \"missing-need\""
        case .optionNoRule: "det här --rule-alternativet anger ingen regel"
        case .optionNoSeverity: "det här --rule-alternativet anger ingen allvarlighetsgrad"
        case .optionSyntax: "skriv --rule REGEL=NIVÅ, där NIVÅ är error, warning, info eller off, till exempel --rule missing-need=off"
        case .optionSeverity: "skriv --rule {0}=NIVÅ, där NIVÅ är error, warning, info eller off"
        case .writeRuleName: "skriv namnet på en granskningsregel; `polku rules` listar alla regler"
        }
    }
}
