import PolkuSyntax

/// The sentences of the checker's findings, in English, Finnish and Swedish, in the
/// workbook's own words (*suositella*, *jatko*, *palaute*; *rekommendera*, *uppföljning*,
/// *återkoppling*). Keywords are quoted as `{k:name}`, in the file's own spelling.
///
/// A step or a channel is named by a value (`Journey.stepReference`, `channelReference`),
/// never inflected: in Finnish the sentence carries the word *vaihe* in the case it needs
/// (`vaiheessa {0} ei ole jatkoa`), so the reference is only the id and the title.
package enum RuleMessage: String, MessageTemplates {
    // How a step and a built-in channel are named inside a sentence
    case stepWithId, stepWithoutId
    case channelDesk, channelPremises, channelPhone, channelEmail, channelChat, channelSocial, channelWeb, channelOther
    /// Two items of a list that is joined with commas only: "email, chat".
    case commaPair
    // missing-recommendation
    case noRecommendation, noRecommendationLabel, noRecommendationHelp
    // missing-follow-up
    case leavesWithoutFollowUp, leavesLabel, followUpHelp
    case movesWithoutFollowUp, movesLabel, movesHelp
    case noFollowUp, noFollowUpLabel
    // missing-phase and empty-phase
    case noStepsBefore, noStepsDuring, noStepsAfter, noPhaseLabel
    case emptyPhase, emptyPhaseLabel
    case beforeQuestions, duringQuestions, afterQuestions
    // unreachable-step
    case unreachable, unreachableLabel, unreachableHelp
    // no-exit
    case noExit, noExitLabel, noExitHelp
    // missing-feedback
    case noFeedback, noFeedbackLabel, noFeedbackHelp
    // missing-role
    case noRole, noRoleLabel, noRoleHelp
    // missing-need
    case noNeed, noNeedLabel, noNeedHelp
    // unused-channel
    case unusedChannel, unusedChannelLabel, unusedChannelHelp
    // unused-persona
    case unusedPersona, unusedPersonaLabel, unusedPersonaHelp
    // persona-channels-unused
    case personaChannelsUnused, personaChannelsUnusedLabel, personaChannelsLabel, personaChannelsUnusedHelp
    // low-rated-channel-without-note
    case lowRated, lowRatedLabel, ratedCompetence, ratedPresence, ratedValue, lowRatedHelp
    /// The team's question for a low-rated channel, naming it (diagram, checklists).
    case lowRatedQuestion
    // unused-allow (reported by the checker itself)
    case allowsNothingInJourney, allowsNothingAtStep, nothingToAllow, removeFromAllow

    package var en: String {
        switch self {
        case .stepWithId: "step `{0}` ({1})"
        case .stepWithoutId: "the step \"{0}\""
        case .channelDesk: "the service desk"
        case .channelPremises: "the library spaces"
        case .channelPhone: "the phone"
        case .channelEmail: "email"
        case .channelChat: "chat"
        case .channelSocial: "social media"
        case .channelWeb: "the web"
        case .channelOther: "another channel"
        case .commaPair: "{0}, {1}"
        case .noRecommendation: "{0} has no recommendation"
        case .noRecommendationLabel: "nothing recommended here"
        case .noRecommendationHelp: "What could we recommend here? Add a `{k:recommend}:` line."
        case .leavesWithoutFollowUp: "the customer can leave the journey at {0} without knowing what happens next"
        case .leavesLabel: "the customer leaves here"
        case .followUpHelp: "How does the customer know what happens next? Add a `{k:follow-up}:` line."
        case .movesWithoutFollowUp: "the customer moves from {0} to {1} after {2}, and nothing says how"
        case .movesLabel: "channel changes after this step"
        case .movesHelp: "How does the customer know how to continue in the new channel? Add a `{k:follow-up}:` line."
        case .noFollowUp: "{0} has no follow-up"
        case .noFollowUpLabel: "no follow-up here"
        case .noStepsBefore: "the journey has no steps before the service"
        case .noStepsDuring: "the journey has no steps during the service"
        case .noStepsAfter: "the journey has no steps after the service"
        case .noPhaseLabel: "no `{0}:` phase"
        case .emptyPhase: "the `{0}:` phase has no steps"
        case .emptyPhaseLabel: "empty phase"
        case .beforeQuestions: "What is the customer's need, and how do they choose how to deal with the library?"
        case .duringQuestions: "What happens at the start of the service, and does the customer need support?"
        case .afterQuestions: "How is the service closed, and what happens after it?"
        case .unreachable: "no path through the journey reaches {0}"
        case .unreachableLabel: "unreachable"
        case .unreachableHelp: "Which step leads here? Name this step in its `{k:next}:` line."
        case .noExit: "the customer can never leave the journey after {0}"
        case .noExitLabel: "every path from here loops"
        case .noExitHelp: "Where can the customer leave? Add `{k:end}` or a way out to a `{k:next}:` line in the loop."
        case .noFeedback: "no step after the service asks the customer for feedback"
        case .noFeedbackLabel: "no `{k:feedback}:` in this phase"
        case .noFeedbackHelp: "Where can the customer tell us how it went? Add a `{k:feedback}:` line to a step."
        case .noRole: "{0} does not say who serves the customer"
        case .noRoleLabel: "who serves?"
        case .noRoleHelp: "Who serves the customer here? Add a `{k:by}:` line, such as `{k:by}: service advisor`."
        case .noNeed: "no step before the service says what the customer needs"
        case .noNeedLabel: "first step before the service"
        case .noNeedHelp: "What is the customer's need? Add a `{k:need}:` line."
        case .unusedChannel: "the channel `{0}` is declared but no step happens in it"
        case .unusedChannelLabel: "not used by any step"
        case .unusedChannelHelp: "Which step happens in this channel? Give it `{k:via}: {0}`, or remove the declaration."
        case .unusedPersona: "the persona `{0}` is declared but the journey is not for them"
        case .unusedPersonaLabel: "not in `{k:for}:`"
        case .unusedPersonaHelp: "Add `{0}` to the journey's `{k:for}:` line, or remove the persona."
        case .personaChannelsUnused: "no step of the journey happens in the channels of `{0}` ({1})"
        case .personaChannelsUnusedLabel: "channels never used"
        case .personaChannelsLabel: "the persona's channels"
        case .personaChannelsUnusedHelp: "Could these customers be served in their own channels? Add steps there, or correct `{k:channels}:`."
        case .lowRated: "the journey relies on {0}, rated {1}, with no note on how to improve"
        case .lowRatedLabel: "rated low"
        case .ratedCompetence: "competence {0}"
        case .ratedPresence: "presence {0}"
        case .ratedValue: "rated {0}"
        case .lowRatedHelp: "How will this channel improve? Add a `{k:note}:` under the channel."
        case .lowRatedQuestion: "How will we get better in {0}?"
        case .allowsNothingInJourney: "`{0}` finds nothing in this journey, so this `{k:allow}:` accepts nothing"
        case .allowsNothingAtStep: "`{0}` finds nothing at this step, so this `{k:allow}:` accepts nothing"
        case .nothingToAllow: "nothing to allow"
        case .removeFromAllow: "remove `{0}` from the `{k:allow}:` line"
        }
    }

    package var fi: String {
        switch self {
        case .stepWithId: "`{0}` ({1})"
        case .stepWithoutId: "\"{0}\""
        case .channelDesk: "palvelupiste"
        case .channelPremises: "kirjaston tilat"
        case .channelPhone: "puhelin"
        case .channelEmail: "sähköposti"
        case .channelChat: "chat"
        case .channelSocial: "some"
        case .channelWeb: "verkko"
        case .channelOther: "muu kanava"
        case .commaPair: "{0}, {1}"
        case .noRecommendation: "vaiheessa {0} ei suositella mitään"
        case .noRecommendationLabel: "tässä ei suositella mitään"
        case .noRecommendationHelp: "Mitä voisimme suositella tässä? Lisää rivi `{k:recommend}:`."
        case .leavesWithoutFollowUp: "asiakas voi poistua palvelupolulta vaiheessa {0} tietämättä, mitä seuraavaksi tapahtuu"
        case .leavesLabel: "asiakas poistuu tästä"
        case .followUpHelp: "Mistä asiakas tietää, mitä seuraavaksi tapahtuu? Lisää rivi `{k:follow-up}:`."
        case .movesWithoutFollowUp: "vaiheen {2} jälkeen asiakas siirtyy kanavasta toiseen ({0} → {1}), eikä mikään kerro, miten"
        case .movesLabel: "kanava vaihtuu tämän vaiheen jälkeen"
        case .movesHelp: "Mistä asiakas tietää, miten asiointi jatkuu uudessa kanavassa? Lisää rivi `{k:follow-up}:`."
        case .noFollowUp: "vaiheessa {0} ei ole jatkoa"
        case .noFollowUpLabel: "ei jatkoa tässä"
        case .noStepsBefore: "palvelupolulla ei ole yhtään vaihetta ennen palvelua"
        case .noStepsDuring: "palvelupolulla ei ole yhtään vaihetta palvelun aikana"
        case .noStepsAfter: "palvelupolulla ei ole yhtään vaihetta palvelun jälkeen"
        case .noPhaseLabel: "otsikko `{0}:` puuttuu"
        case .emptyPhase: "otsikon `{0}:` alla ei ole yhtään vaihetta"
        case .emptyPhaseLabel: "ei vaiheita"
        case .beforeQuestions: "Mikä on asiakkaan palvelun tarve, ja kuinka asiakas valitsee tapansa asioida kirjastossa?"
        case .duringQuestions: "Mitä tapahtuu palvelun aluksi, ja tarvitseeko asiakas tukea palvelutilanteen aikana?"
        case .afterQuestions: "Kuinka palvelutilanne päätetään, ja mitä sen jälkeen tapahtuu?"
        case .unreachable: "mikään reitti palvelupolun läpi ei johda vaiheeseen {0}"
        case .unreachableLabel: "tänne ei pääse"
        case .unreachableHelp: "Mikä vaihe johtaa tänne? Lisää tämän vaiheen tunnus sen `{k:next}:`-riville."
        case .noExit: "vaiheen {0} jälkeen asiakas ei pääse koskaan pois palvelupolulta"
        case .noExitLabel: "kaikki reitit täältä kiertävät kehää"
        case .noExitHelp: "Missä asiakas pääsee pois? Lisää kierteen johonkin `{k:next}:`-riviin `{k:end}` tai reitti ulos."
        case .noFeedback: "mikään vaihe palvelun jälkeen ei pyydä asiakkaalta palautetta"
        case .noFeedbackLabel: "ei `{k:feedback}:`-riviä palvelun jälkeen"
        case .noFeedbackHelp: "Missä asiakas voi kertoa, miten palvelu onnistui? Lisää jollekin vaiheelle rivi `{k:feedback}:`."
        case .noRole: "vaihe {0} ei kerro, kuka palvelee asiakasta"
        case .noRoleLabel: "kuka palvelee?"
        case .noRoleHelp: "Kuka palvelee asiakasta tässä? Lisää rivi `{k:by}:`, esimerkiksi `{k:by}: palveluneuvoja`."
        case .noNeed: "mikään vaihe ennen palvelua ei kerro, mitä asiakas tarvitsee"
        case .noNeedLabel: "ensimmäinen vaihe ennen palvelua"
        case .noNeedHelp: "Mikä on asiakkaan tarve? Lisää rivi `{k:need}:`."
        case .unusedChannel: "kanava `{0}` on määritelty, mutta yksikään vaihe ei tapahdu siinä"
        case .unusedChannelLabel: "yksikään vaihe ei käytä tätä"
        case .unusedChannelHelp: "Mikä vaihe tapahtuu tässä kanavassa? Lisää sille rivi `{k:via}: {0}` tai poista kanavan määrittely."
        case .unusedPersona: "asiakasprofiili `{0}` on määritelty, mutta palvelupolku ei koske sitä"
        case .unusedPersonaLabel: "ei `{k:for}:`-rivillä"
        case .unusedPersonaHelp: "Lisää `{0}` palvelupolun `{k:for}:`-riville tai poista asiakasprofiili."
        case .personaChannelsUnused: "yksikään palvelupolun vaihe ei tapahdu asiakasprofiilin `{0}` kanavissa ({1})"
        case .personaChannelsUnusedLabel: "kanavia ei käytetä"
        case .personaChannelsLabel: "asiakasprofiilin kanavat"
        case .personaChannelsUnusedHelp: "Voisimmeko palvella näitä asiakkaita heidän omissa kanavissaan? Lisää vaiheita niihin tai korjaa `{k:channels}:`-rivi."
        case .lowRated: "palvelupolku nojaa heikoksi arvioituun kanavaan ({0}: {1}) ilman huomiota siitä, miten sitä kehitetään"
        case .lowRatedLabel: "heikko arvio"
        case .ratedCompetence: "osaaminen {0}"
        case .ratedPresence: "läsnäolo {0}"
        case .ratedValue: "arvio {0}"
        case .lowRatedHelp: "Miten tätä kanavaa kehitetään? Lisää kanavan alle rivi `{k:note}:`."
        case .lowRatedQuestion: "Miten kehitämme osaamistamme kanavassa {0}?"
        case .allowsNothingInJourney: "`{0}` ei löydä tältä palvelupolulta mitään, joten tämä `{k:allow}:` ei hyväksy mitään"
        case .allowsNothingAtStep: "`{0}` ei löydä tästä vaiheesta mitään, joten tämä `{k:allow}:` ei hyväksy mitään"
        case .nothingToAllow: "ei mitään hyväksyttävää"
        case .removeFromAllow: "poista `{0}` `{k:allow}:`-riviltä"
        }
    }

    package var sv: String {
        switch self {
        case .stepWithId: "steget `{0}` ({1})"
        case .stepWithoutId: "steget \"{0}\""
        case .channelDesk: "informationsdisken"
        case .channelPremises: "bibliotekets lokaler"
        case .channelPhone: "telefonen"
        case .channelEmail: "e-post"
        case .channelChat: "chatten"
        case .channelSocial: "sociala medier"
        case .channelWeb: "webben"
        case .channelOther: "en annan kanal"
        case .commaPair: "{0}, {1}"
        case .noRecommendation: "{0} saknar rekommendation"
        case .noRecommendationLabel: "inget rekommenderas här"
        case .noRecommendationHelp: "Vad kunde vi rekommendera här? Lägg till en rad `{k:recommend}:`."
        case .leavesWithoutFollowUp: "kunden kan lämna kundresan vid {0} utan att veta vad som händer härnäst"
        case .leavesLabel: "kunden lämnar här"
        case .followUpHelp: "Hur vet kunden vad som händer härnäst? Lägg till en rad `{k:follow-up}:`."
        case .movesWithoutFollowUp: "efter {2} går kunden över från {0} till {1}, och inget säger hur"
        case .movesLabel: "kanalen byts efter det här steget"
        case .movesHelp: "Hur vet kunden hur det fortsätter i den nya kanalen? Lägg till en rad `{k:follow-up}:`."
        case .noFollowUp: "{0} saknar uppföljning"
        case .noFollowUpLabel: "ingen uppföljning här"
        case .noStepsBefore: "kundresan har inga steg före tjänsten"
        case .noStepsDuring: "kundresan har inga steg under tjänsten"
        case .noStepsAfter: "kundresan har inga steg efter tjänsten"
        case .noPhaseLabel: "rubriken `{0}:` saknas"
        case .emptyPhase: "under rubriken `{0}:` finns inga steg"
        case .emptyPhaseLabel: "inga steg"
        case .beforeQuestions: "Vad behöver kunden, och hur väljer kunden sitt sätt att kontakta biblioteket?"
        case .duringQuestions: "Vad händer när tjänsten börjar, och behöver kunden stöd under tiden?"
        case .afterQuestions: "Hur avslutas tjänsten, och vad händer efter den?"
        case .unreachable: "ingen väg genom kundresan når {0}"
        case .unreachableLabel: "går inte att nå"
        case .unreachableHelp: "Vilket steg leder hit? Lägg till det här stegets id på dess `{k:next}:`-rad."
        case .noExit: "efter {0} kan kunden aldrig lämna kundresan"
        case .noExitLabel: "alla vägar härifrån går runt i en slinga"
        case .noExitHelp: "Var kan kunden ta sig ut? Lägg till `{k:end}` eller en väg ut på en `{k:next}:`-rad i slingan."
        case .noFeedback: "inget steg efter tjänsten ber kunden om återkoppling"
        case .noFeedbackLabel: "ingen `{k:feedback}:` i den här fasen"
        case .noFeedbackHelp: "Var kan kunden berätta hur det gick? Lägg till en rad `{k:feedback}:` i något av stegen."
        case .noRole: "{0} säger inte vem som betjänar kunden"
        case .noRoleLabel: "vem betjänar?"
        case .noRoleHelp: "Vem betjänar kunden här? Lägg till en rad `{k:by}:`, till exempel `{k:by}: kundtjänstmedarbetare`."
        case .noNeed: "inget steg före tjänsten säger vad kunden behöver"
        case .noNeedLabel: "första steget före tjänsten"
        case .noNeedHelp: "Vad är kundens behov? Lägg till en rad `{k:need}:`."
        case .unusedChannel: "kanalen `{0}` är definierad men inget steg sker i den"
        case .unusedChannelLabel: "inget steg använder den"
        case .unusedChannelHelp: "Vilket steg sker i den här kanalen? Ge det `{k:via}: {0}`, eller ta bort definitionen."
        case .unusedPersona: "kundprofilen `{0}` är definierad men kundresan gäller inte den"
        case .unusedPersonaLabel: "inte med i `{k:for}:`"
        case .unusedPersonaHelp: "Lägg till `{0}` på kundresans `{k:for}:`-rad, eller ta bort kundprofilen."
        case .personaChannelsUnused: "inget steg i kundresan sker i de kanaler som `{0}` använder ({1})"
        case .personaChannelsUnusedLabel: "kanalerna används aldrig"
        case .personaChannelsLabel: "kundprofilens kanaler"
        case .personaChannelsUnusedHelp: "Kunde de här kunderna betjänas i sina egna kanaler? Lägg till steg där, eller rätta `{k:channels}:`."
        case .lowRated: "kundresan bygger på {0}, som har fått lågt betyg ({1}), utan någon anteckning om hur det ska bli bättre"
        case .lowRatedLabel: "lågt betyg"
        case .ratedCompetence: "kompetens {0}"
        case .ratedPresence: "närvaro {0}"
        case .ratedValue: "betyg {0}"
        case .lowRatedHelp: "Hur ska den här kanalen bli bättre? Lägg till en rad `{k:note}:` under kanalen."
        case .lowRatedQuestion: "Hur blir vi bättre i kanalen {0}?"
        case .allowsNothingInJourney: "`{0}` hittar inget i den här kundresan, så den här `{k:allow}:` godtar inget"
        case .allowsNothingAtStep: "`{0}` hittar inget i det här steget, så den här `{k:allow}:` godtar inget"
        case .nothingToAllow: "inget att godta"
        case .removeFromAllow: "ta bort `{0}` från `{k:allow}:`-raden"
        }
    }
}

extension Rule {
    /// A sentence of the rules with its values.
    static func m(_ key: RuleMessage, _ values: MessageValue...) -> Message { Message(key, values: values) }
}
