// Minimal pairs: each pair changes one thing about a draft — who did it, a "by …", a time, a modal,
// a tense, where a clause stands, whose words they are — and exactly one verdict of coach check flips.
// That is how we know a rule reads the mechanism (agent, tense, voice, clause), not a phrase.
import { describe, expect, it } from "vitest";
import { checkApology } from "../../src/check/engine.js";
import { builtInRulebook } from "../../src/check/rulebook.js";

const rules = builtInRulebook();
const verdicts = (text: string) => new Set(checkApology(text, rules).messages.map((m) => m.ruleId));

/** [what changes, draft without the fault, draft with it, the one rule that flips] */
const PAIRS: [string, string, string, string][] = [
  [
    "the agent: we lost it ↔ the courier lost it",
    "I'm sorry, Ana. We packed your vase badly, and we lost the spare. A new one leaves today.",
    "I'm sorry, Ana. We packed your vase badly, and the courier lost the spare. A new one leaves today.",
    "blame-shift",
  ],
  [
    "a 'by …' that names us: overcharged by our billing team ↔ overcharged",
    "I'm sorry, Jo. You were overcharged by our billing team. That was our mistake. I refunded the £20 this morning.",
    "I'm sorry, Jo. You were overcharged. That was our mistake. I refunded the £20 this morning.",
    "passive-evasion",
  ],
  [
    "a 'by …' with a determiner names a doer, bare it is a means: lost by the courier ↔ lost by courier",
    "I'm sorry, Ana. Your parcel was lost by the courier. I've refunded the £20 this morning.",
    "I'm sorry, Ana. Your parcel was lost by courier. I've refunded the £20 this morning.",
    "passive-evasion",
  ],
  [
    "whose side the fault was on: on our side ↔ on the bank's side",
    "I'm sorry, Ana. We charged you twice. The glitch was on our side. I've refunded the £20 this morning.",
    "I'm sorry, Ana. We charged you twice. The glitch was on the bank's side. I've refunded the £20 this morning.",
    "blame-shift",
  ],
  [
    "where the fault came from: originated with our packing team ↔ with our supplier",
    "I'm sorry, Ana. We charged you twice. The problem originated with our packing team. I've refunded the £20 this morning.",
    "I'm sorry, Ana. We charged you twice. The problem originated with our supplier. I've refunded the £20 this morning.",
    "blame-shift",
  ],
  [
    "a time for the fix: we'll sort it out by Friday ↔ we'll sort it out",
    "I'm sorry we forgot your booking. We'll sort it out by Friday.",
    "I'm sorry we forgot your booking. We'll sort it out.",
    "missing-remedy",
  ],
  [
    "a modal on the harm: caused ↔ may have caused",
    "I'm sorry the mix-up caused you trouble. We sent the wrong box. A new one goes out today.",
    "I'm sorry the mix-up may have caused you trouble. We sent the wrong box. A new one goes out today.",
    "hedge",
  ],
  [
    "a condition before the apology: the delay upset you, and ↔ if the delay upset you",
    "We shipped it late. The delay upset you, and I'm sorry. It reaches you tomorrow.",
    "We shipped it late. If the delay upset you, I'm sorry. It reaches you tomorrow.",
    "conditional",
  ],
  [
    "a fix already done ↔ a fix that is only possible: I refunded ↔ I can refund",
    "Sorry, Sam, we charged you twice. I refunded the extra charge this morning.",
    "Sorry, Sam, we charged you twice. I can refund the extra charge.",
    "missing-remedy",
  ],
  [
    "the voice of the fix: your account has been credited ↔ your account has been charged",
    "I'm sorry we double-booked your table. Your account has been credited.",
    "I'm sorry we double-booked your table. Your account has been charged.",
    "missing-remedy",
  ],
  [
    "whose act: sorry for the mistake ↔ sorry for any offence",
    "I apologise for the mistake: we printed the wrong name. The reprint is with you Monday.",
    "I apologise for any offence: we printed the wrong name. The reprint is with you Monday.",
    "non-apology",
  ],
  [
    "the writer's own words ↔ the customer's, quoted under the reply",
    "Dear Ms Vale, we lost your order and I'm sorry. It ships today.\n\nOn Mon, 3 Nov, Ms Vale wrote:\n> Sorry if I sound cross.",
    "Dear Ms Vale, we lost your order and I'm sorry if you are cross. It ships today.",
    "conditional",
  ],
  [
    "the agent of the fault: we mistakenly sent ↔ the regular stock was sent",
    "Sorry, Ravi: we mistakenly sent the regular stock. It was our mistake. The right boxes arrive tomorrow.",
    "Sorry, Ravi: the regular stock was mistakenly sent. It was our mistake. The right boxes arrive tomorrow.",
    "passive-evasion",
  ],
  [
    "an apology for an act: sorry for forgetting ↔ sorry for the wait",
    "I'm sorry for forgetting your booking, Mel. You're now booked for Monday at 10.",
    "I'm sorry for the wait, Mel. You're now booked for Monday at 10.",
    "missing-responsibility",
  ],
  [
    "a plain promise ↔ a try: we will ship ↔ we'll try to ship",
    "Sorry, we shipped the wrong colour. I've refunded the £4 postage. We will ship the blue one Friday.",
    "Sorry, we shipped the wrong colour. I've refunded the £4 postage. We'll try to ship the blue one Friday.",
    "hedge",
  ],
  [
    "a party WordNet knows: we lost the prints ↔ the photographer lost the prints",
    "I'm sorry, Jo: we sent the wrong album, and we lost the spare prints. A new album reaches you Friday.",
    "I'm sorry, Jo: we sent the wrong album, and the photographer lost the spare prints. A new album reaches you Friday.",
    "blame-shift",
  ],
  [
    "a subject across a relative clause: the van we use was late ↔ the courier we use was late",
    "I'm sorry, Sam: I packed the wrong lamp, and the van we use was late. The right lamp reaches you Friday.",
    "I'm sorry, Sam: I packed the wrong lamp, and the courier we use was late. The right lamp reaches you Friday.",
    "blame-shift",
  ],
  [
    "'never' before the verb: the skip firm turned up ↔ never turned up",
    "Sorry, Raj: I booked the skip for the wrong week, and the skip firm turned up on Monday. It goes at 8 tomorrow.",
    "Sorry, Raj: I booked the skip for the wrong week, and the skip firm never turned up on Monday. It goes at 8 tomorrow.",
    "blame-shift",
  ],
  [
    "the head of a noun phrase: our team on your job ↔ the team on your job",
    "I'm sorry, Beth: I booked the wrong day, and our team on your job missed two rooms. We'll clean them at 9 tomorrow.",
    "I'm sorry, Beth: I booked the wrong day, and the team on your job missed two rooms. We'll clean them at 9 tomorrow.",
    "blame-shift",
  ],
  [
    "a 'by …' that names a party: returned late by our team ↔ by the previous hirer",
    "I'm sorry, Sam: I booked the van for the wrong slot. It was returned late by our team. I've refunded the £40 this morning.",
    "I'm sorry, Sam: I booked the van for the wrong slot. It was returned late by the previous hirer. I've refunded the £40 this morning.",
    "blame-shift",
  ],
  [
    "a cause clause owned ↔ a cause clause about something else: because I booked two jobs ↔ because the satnav sent us round",
    "I'm sorry we were late on Friday, because I booked two jobs at once. I've taken £20 off your bill.",
    "I'm sorry we were late on Friday, because the satnav sent us the long way round. I've taken £20 off your bill.",
    "excuse",
  ],
  [
    "a doer in the same sentence: failed because I let it lapse ↔ failed. I let it lapse.",
    "I'm sorry, Gary. The backup failed on Sunday because I let the licence lapse. I renewed it at 10 this morning.",
    "I'm sorry, Gary. The backup failed on Sunday. I let the licence lapse. I renewed it at 10 this morning.",
    "passive-evasion",
  ],
  [
    "a duty not done, said with or without its doer: we did not collect ↔ were not collected",
    "I'm sorry: I forgot to update the rota. We did not collect your bins on Monday. A crew will be with you at 7 tomorrow.",
    "I'm sorry: I forgot to update the rota. Your bins were not collected on Monday. A crew will be with you at 7 tomorrow.",
    "passive-evasion",
  ],
  [
    "sorry for the act ↔ sorry about the news: we are sorry that ↔ we are sorry to report that",
    "We are sorry that we missed your bins on Monday. A crew will be with you at 7 tomorrow.",
    "We are sorry to report that we missed your bins on Monday. A crew will be with you at 7 tomorrow.",
    "non-apology",
  ],
  [
    "sorry for what we did ↔ for how the visit went: we didn't meet ↔ your visit didn't meet",
    "I'm sorry we didn't meet your expectations: we served your roast cold. Your next meal is on us, any day this month.",
    "I'm sorry your visit didn't meet your expectations: we served your roast cold. Your next meal is on us, any day this month.",
    "non-apology",
  ],
  [
    "to everyone who ↔ to anyone who",
    "Sorry to everyone who made the trip: I cancelled the quiz too late. Your first drink is on us on Friday 9th.",
    "Sorry to anyone who made the trip: I cancelled the quiz too late. Your first drink is on us on Friday 9th.",
    "non-apology",
  ],
  [
    "a modal on the harm, in the present: this is causing ↔ this may be causing",
    "I'm sorry: we charged you twice, and this is causing you trouble. I refunded the £30 this morning.",
    "I'm sorry: we charged you twice, and this may be causing you trouble. I refunded the £30 this morning.",
    "hedge",
  ],
  [
    "a forecast in the passive: will be sent ↔ should be sent",
    "Sorry, we sent the wrong colour. I've refunded the £5 postage, and the blue one will be sent on Friday.",
    "Sorry, we sent the wrong colour. I've refunded the £5 postage, and the blue one should be sent on Friday.",
    "hedge",
  ],
  [
    "telling ↔ reassuring: I want to tell customers ↔ I want to reassure customers",
    "I'm sorry: we double-booked the hall. I want to tell customers that every deposit was refunded this morning.",
    "I'm sorry: we double-booked the hall. I want to reassure customers that every deposit was refunded this morning.",
    "cliche",
  ],
  [
    "a doer named in the same sentence: I sent your files late, so your album is held up ↔ two sentences",
    "I'm sorry: I sent your files late, so your album is held up. It reaches you Friday.",
    "I'm sorry: I sent your files late. Your album is held up. It reaches you Friday.",
    "passive-evasion",
  ],
  [
    "a subject of none: no other card has been affected ↔ your other card has been affected",
    "I'm sorry we charged you twice. No other card has been affected. I refunded the £30 at 9 today.",
    "I'm sorry we charged you twice. Your other card has been affected. I refunded the £30 at 9 today.",
    "passive-evasion",
  ],
  [
    "a thing that failed to act: we did not update your balance ↔ your balance did not update",
    "I'm sorry: I ran the wrong import. We did not update your balance on Tuesday. I corrected it at 9 this morning.",
    "I'm sorry: I ran the wrong import. Your balance did not update on Tuesday. I corrected it at 9 this morning.",
    "passive-evasion",
  ],
  [
    "the writer speaking: let me say I'm sorry ↔ let them say I'm sorry",
    "Let me say I'm sorry. We lost your parcel, and a new one goes out at 4 today.",
    "Let them say I'm sorry. We lost your parcel, and a new one goes out at 4 today.",
    "missing-regret",
  ],
  [
    "a feeling WordNet knows: apologise for the delay ↔ for the anxiety",
    "I apologise for the delay: we sent the wrong date. The right letter goes out at 3 today.",
    "I apologise for the anxiety: we sent the wrong date. The right letter goes out at 3 today.",
    "non-apology",
  ],
  [
    "blame through a cause: due to the rain ↔ due to the photographer",
    "I'm sorry: I booked the hall too late, and the delay was due to the rain. I've refunded the £50 this morning.",
    "I'm sorry: I booked the hall too late, and the delay was due to the photographer. I've refunded the £50 this morning.",
    "blame-shift",
  ],
  [
    "making it smaller: which was awful for you ↔ which wasn't ideal",
    "I'm sorry: I fitted the blind upside down, which was awful for you. I'll refit it at 9 tomorrow.",
    "I'm sorry: I fitted the blind upside down, which wasn't ideal. I'll refit it at 9 tomorrow.",
    "minimizing",
  ],
  [
    "'till' the noun ↔ 'till' the conjunction: on the till and should have ↔ out till two and should have",
    "Hi Fran, I'm sorry. I was on the till and should have cleared your table. I've refunded your £6 this morning.",
    "Hi Fran, I'm sorry. I was out till two and should have cleared your table. I've refunded your £6 this morning.",
    "missing-responsibility",
  ],
  [
    "a fault made trivial by its name: the error ↔ the slip-up",
    "I'm sorry for the error with your cake: we iced the wrong name. A new cake reaches you at 10 tomorrow.",
    "I'm sorry for the slip-up with your cake: we iced the wrong name. A new cake reaches you at 10 tomorrow.",
    "minimizing",
  ],
  [
    "a word that shrinks the harm: long delays ↔ temporary delays",
    "I'm sorry: we booked too few drivers, and that meant long delays to your deliveries all week. Every order arrives by 5 today.",
    "I'm sorry: we booked too few drivers, and that meant temporary delays to your deliveries all week. Every order arrives by 5 today.",
    "minimizing",
  ],
  [
    "a harm that happened ↔ a harm that may not have: for the delay ↔ for any delay",
    "I apologise for the delay: we posted your tickets late. New tickets reach you by 10 tomorrow.",
    "I apologise for any delay: we posted your tickets late. New tickets reach you by 10 tomorrow.",
    "minimizing",
  ],
  [
    "regret for a harm ↔ for a feeling WordNet knows: we regret the delay ↔ the distress",
    "We regret the delay: we posted your tickets late. New tickets reach you by 10 tomorrow.",
    "We regret the distress: we posted your tickets late. New tickets reach you by 10 tomorrow.",
    "non-apology",
  ],
  [
    "the apology's object past an adverb: apologise sincerely for the delay ↔ for the anxiety",
    "I apologise sincerely for the delay: we posted your tickets late. New tickets reach you by 10 tomorrow.",
    "I apologise sincerely for the anxiety: we posted your tickets late. New tickets reach you by 10 tomorrow.",
    "non-apology",
  ],
  [
    "to every guest who ↔ to any guest who",
    "I apologise to every guest who booked for Friday: I cancelled the quiz too late. Your first drink is on us on Friday 9th.",
    "I apologise to any guest who booked for Friday: I cancelled the quiz too late. Your first drink is on us on Friday 9th.",
    "non-apology",
  ],
  [
    "the cause of the fault: caused by me ↔ caused by a contractor",
    "I'm sorry, Jo: I set up your server badly, and the outage was caused by me. It was back up at 9 this morning.",
    "I'm sorry, Jo: I set up your server badly, and the outage was caused by a contractor. It was back up at 9 this morning.",
    "blame-shift",
  ],
  [
    "whose error: my error ↔ the packer's error",
    "I'm sorry, Sam: I packed the wrong lamp, and that was my error. The right lamp reaches you Friday.",
    "I'm sorry, Sam: I packed the wrong lamp, and that was the packer's error. The right lamp reaches you Friday.",
    "blame-shift",
  ],
  [
    "a fault in our own systems ↔ in third-party ones",
    "I'm sorry: I set the sync up wrong, and there was a failure in one of our own systems. It was fixed at 9 this morning.",
    "I'm sorry: I set the sync up wrong, and there was a failure in one of our third-party systems. It was fixed at 9 this morning.",
    "blame-shift",
  ],
  [
    "where the fault lies: with me ↔ with the lab",
    "I'm sorry, Ana: I booked the wrong date, and the fault lies with me. Your new date is Friday at 10.",
    "I'm sorry, Ana: I booked the wrong date, and the fault lies with the lab. Your new date is Friday at 10.",
    "blame-shift",
  ],
  [
    "a kind of mistake WordNet knows: made a note ↔ made a clanger",
    "I'm sorry, Sam: I sent the wrong lamp, and our packer made a note of it. The right lamp reaches you Friday.",
    "I'm sorry, Sam: I sent the wrong lamp, and our packer made a clanger with it. The right lamp reaches you Friday.",
    "blame-shift",
  ],
  [
    "a kind of storm WordNet knows: the mistake delayed ↔ the blizzard delayed",
    "I'm sorry, Jo: I booked one van too few, and the mistake delayed your move. A second van is with you at 8 tomorrow.",
    "I'm sorry, Jo: I booked one van too few, and the blizzard delayed your move. A second van is with you at 8 tomorrow.",
    "excuse",
  ],
  [
    "a time ↔ a cause put before the fault: late after a long weekend ↔ late following a power failure",
    "Sorry, Jo: your parcel reached you late after a long weekend. I've refunded the £5 postage this morning.",
    "Sorry, Jo: your parcel reached you late following a power failure. I've refunded the £5 postage this morning.",
    "excuse",
  ],
  [
    "where the delay is laid: down to me ↔ down to the weather",
    "Sorry, Jo: I packed your parcel late. The delay was down to me. I've refunded the £5 postage this morning.",
    "Sorry, Jo: I packed your parcel late. The delay was down to the weather. I've refunded the £5 postage this morning.",
    "excuse",
  ],
  [
    "thanks for something they did ↔ the form letter's thanks: your photos ↔ your kind loyalty",
    "I'm sorry, Jo: we lost your order. Thank you for your photos of the box. A new one goes out at 3 today.",
    "I'm sorry, Jo: we lost your order. Thank you for your kind loyalty. A new one goes out at 3 today.",
    "cliche",
  ],
  [
    "a plain act ↔ the form letter's 'we value': we read your note ↔ we value your loyalty",
    "I'm sorry, Jo: we lost your order. We read your note. A new one goes out at 3 today.",
    "I'm sorry, Jo: we lost your order. We value your loyalty. A new one goes out at 3 today.",
    "cliche",
  ],
  [
    "our job ↔ our priority",
    "I'm sorry, Jo: we lost your order. Finding it is our job now. A new one goes out at 3 today.",
    "I'm sorry, Jo: we lost your order. Finding it is our priority now. A new one goes out at 3 today.",
    "cliche",
  ],
  [
    "what their custom means: we owe you ↔ a lot to us",
    "I'm sorry, Jo: we lost your order. Your custom means we owe you. A new one goes out at 3 today.",
    "I'm sorry, Jo: we lost your order. Your custom means a lot to us. A new one goes out at 3 today.",
    "cliche",
  ],
  [
    "a fact ↔ a recurrence ruled out: we have found where it went ↔ it won't recur",
    "I'm sorry, Jo: we lost your order. We have found where it went. A new one goes out at 3 today.",
    "I'm sorry, Jo: we lost your order. It won't recur. A new one goes out at 3 today.",
    "over-promise",
  ],
  [
    "a step with its aim ↔ a step that rules the fault out: to find this sooner ↔ to stop this from happening again",
    "I'm sorry, Jo: we lost your order. We have changed how we pack to find this sooner. A new one goes out at 3 today.",
    "I'm sorry, Jo: we lost your order. We have changed how we pack to stop this from happening again. A new one goes out at 3 today.",
    "over-promise",
  ],
  [
    "sorry for what we gave them ↔ for what they had: the evening we gave you ↔ the evening you had",
    "I'm sorry for the evening we gave you: we seated you two hours late. Your next meal is on us, any day this month.",
    "I'm sorry for the evening you had: we seated you two hours late. Your next meal is on us, any day this month.",
    "non-apology",
  ],
  [
    "a fault word in the act's own clause, however far along: the valves the wrong way round ↔ the valves",
    "I'm sorry, Mr Fenwick. I fitted your new radiator valves the wrong way round. I'll be with you at 7:30am tomorrow to swap them.",
    "I'm sorry, Mr Fenwick. I fitted your new radiator valves on Monday. I'll be with you at 7:30am tomorrow to swap them.",
    "missing-responsibility",
  ],
  [
    "a plain act done wrong ↔ a verb of knowing: I told you the wrong date ↔ I understand you had the wrong date",
    "I'm sorry, Mr Lowe. I told you the wrong collection date. I'll bring Pepper home myself at 5pm on Wednesday, no charge.",
    "I'm sorry, Mr Lowe. I understand you had the wrong collection date. I'll bring Pepper home myself at 5pm on Wednesday, no charge.",
    "missing-responsibility",
  ],
  [
    "where reported speech ends: and I forgot (the writer again) ↔ and that I forgot (still what they said)",
    "I'm sorry, Cath. You said you'd told us at booking and I forgot to order the bread. I've refunded both breakfasts, £24, this morning.",
    "I'm sorry, Cath. You said you'd told us at booking and that I forgot to order the bread. I've refunded both breakfasts, £24, this morning.",
    "missing-responsibility",
  ],
  [
    "something given in place of what went wrong: reserved the front bar for you instead ↔ reserved it",
    "I'm sorry, Jamie: I double-booked the back room for your birthday. I've reserved our whole front bar for you instead.",
    "I'm sorry, Jamie: I double-booked the back room for your birthday. I've reserved our whole front bar for you.",
    "missing-remedy",
  ],
  [
    "'late' before a time says when, bare it says done wrong: sent late this afternoon ↔ sent late",
    "I'm sorry, Tom: we packed the wrong size. Your replacement was sent late this afternoon. I've refunded the £5 postage.",
    "I'm sorry, Tom: we packed the wrong size. Your replacement was sent late. I've refunded the £5 postage.",
    "passive-evasion",
  ],
  [
    "a participle after a preposition describes the noun, so 'by' still names a cause: delayed by increased checks ↔ delayed",
    "I'm sorry: your order was delayed by increased checks at the border. We refunded the £5 postage this morning.",
    "I'm sorry: your order was delayed. We refunded the £5 postage this morning.",
    "passive-evasion",
  ],
  [
    "our own act given as the cause owns the other's fault: missed the school because I gave him the wrong postcode ↔ missed it, and I gave",
    "I'm sorry, Mr Oduya. Our driver missed the school because I gave him the wrong postcode. I've refunded £150 of the hire this morning.",
    "I'm sorry, Mr Oduya. Our driver missed the school, and I gave him the wrong postcode. I've refunded £150 of the hire this morning.",
    "blame-shift",
  ],
  [
    "a relative clause's subject is the noun before 'that': the error that you found ↔ the error that occurred",
    "I'm sorry, Jo. We charged you twice. The error that you found on your invoice is fixed. I refunded the £20 this morning.",
    "I'm sorry, Jo. We charged you twice. The error that occurred on your invoice is fixed. I refunded the £20 this morning.",
    "passive-evasion",
  ],
  [
    "an act of ours owns the fault where the apology is, not two sentences on: sorry… I stacked ↔ sorry… (another sentence) I stacked",
    "I'm sorry the cake leaned, Bea. I stacked the top tier on a soft sponge. I've refunded £150 this morning.",
    "I'm sorry the cake leaned, Bea. Your photo of it is lovely. I stacked the top tier on a soft sponge. I've refunded £150 this morning.",
    "missing-responsibility",
  ],
  [
    "something our act left out owns it wherever it stands: stacked the tiers without dowels ↔ with dowels",
    "I'm sorry the cake leaned, Bea. Your photo of it is lovely. I stacked the tiers without dowels. I've refunded £150 this morning.",
    "I'm sorry the cake leaned, Bea. Your photo of it is lovely. I stacked the tiers with dowels. I've refunded £150 this morning.",
    "missing-responsibility",
  ],
  [
    "'full' names a thing given, not a stance: we take the full cost ↔ we take full responsibility",
    "I'm sorry, Ana: we lost your parcel. We take the full cost of a new one.",
    "I'm sorry, Ana: we lost your parcel. We take full responsibility.",
    "missing-remedy",
  ],
  [
    "an outcome said with 'should' is a forecast: the service runs as normal ↔ should run as normal",
    "I'm sorry: we missed your bins on Wednesday. Our crew comes back for them on Saturday, and the service runs as normal from Tuesday.",
    "I'm sorry: we missed your bins on Wednesday. Our crew comes back for them on Saturday, and the service should run as normal from Tuesday.",
    "hedge",
  ],
  [
    "'inconvenience' for a real harm shrinks it: caused real trouble ↔ caused inconvenience",
    "I'm sorry, Jo: we shipped your order a week late, and it caused real trouble for your launch. A refund of £20 went to your card this morning.",
    "I'm sorry, Jo: we shipped your order a week late, and it caused inconvenience for your launch. A refund of £20 went to your card this morning.",
    "minimizing",
  ],
  [
    "the fix on its way is a remedy done, told of the fix itself: a refund of £20 went to your card ↔ a letter went to your address",
    "I'm sorry, Jo: we shipped your order a week late. A refund of £20 went to your card this morning.",
    "I'm sorry, Jo: we shipped your order a week late. A letter went to your address this morning.",
    "missing-remedy",
  ],
  [
    "a fault named as a thing nobody did: our staffing shortfall ↔ the staffing shortfall",
    "Nadia, I'm sorry: we sent two waiters, not four, and I apologise for our staffing shortfall. Your £300 service charge was refunded this morning.",
    "Nadia, I'm sorry: we sent two waiters, not four, and I apologise for the staffing shortfall. Your £300 service charge was refunded this morning.",
    "passive-evasion",
  ],
  [
    "a fault brought back from another party: from the lab with a coating sample ↔ with a coating defect",
    "I'm sorry, Mrs Chaudhry: your glasses weren't ready on Tuesday. The lenses came back from the lab with a coating sample. Your new pair is ready at 10 on Friday, no charge.",
    "I'm sorry, Mrs Chaudhry: your glasses weren't ready on Tuesday. The lenses came back from the lab with a coating defect. Your new pair is ready at 10 on Friday, no charge.",
    "blame-shift",
  ],
  [
    "another firm's product as the cause: triggered by our update ↔ by a Microsoft update",
    "I'm sorry, Claire: your server was down on Tuesday. The outage was triggered by our update. I've credited £40 to your account this morning.",
    "I'm sorry, Claire: your server was down on Tuesday. The outage was triggered by a Microsoft update. I've credited £40 to your account this morning.",
    "blame-shift",
  ],
  [
    "someone acting behind our back: changed the password and told us ↔ without telling us",
    "I'm sorry, Priya: the printer stopped on Monday. Your office manager changed the network password and told us. I'll be there at 9 tomorrow to set it up, no charge.",
    "I'm sorry, Priya: the printer stopped on Monday. Your office manager changed the network password without telling us. I'll be there at 9 tomorrow to set it up, no charge.",
    "blame-shift",
  ],
  [
    "a question about it is no claim: I know how this happened ↔ I know that this happened",
    "I'm sorry, Jo: we lost your order. I know how this happened. A new one goes out at 3 today.",
    "I'm sorry, Jo: we lost your order. I know that this happened. A new one goes out at 3 today.",
    "passive-evasion",
  ],
  [
    "the service put right is a remedy done: running normally now ↔ running slowly now",
    "I'm sorry, Claire: we broke your server on Tuesday. Everything is running normally now.",
    "I'm sorry, Claire: we broke your server on Tuesday. Everything is running slowly now.",
    "missing-remedy",
  ],
  [
    "a time they can hold you to, however short: be there in 10 ↔ be there soon",
    "Sorry I'm late, Jo: I missed the turning. Be there in 10.",
    "Sorry I'm late, Jo: I missed the turning. Be there soon.",
    "missing-remedy",
  ],
  [
    "the fix said as where it is: the right size is in the post ↔ the wrong size is in the post",
    "I'm sorry, Sam: we sent the wrong size. The right size is in the post today.",
    "I'm sorry, Sam: we sent the wrong size. The wrong size is in the post today.",
    "missing-remedy",
  ],
  [
    "the fix said as what it costs: your next delivery is free ↔ delivery is free over £50",
    "I'm sorry, Sam: we sent the wrong size. Your next two deliveries are free.",
    "I'm sorry, Sam: we sent the wrong size. Our deliveries are free over £50.",
    "missing-remedy",
  ],
  [
    "a remedy handled is a remedy done: your refund was processed ↔ your refund was refused",
    "I'm sorry, Sam: we sent the wrong size. Your refund was processed this morning.",
    "I'm sorry, Sam: we sent the wrong size. Your refund was refused this morning.",
    "missing-remedy",
  ],
  [
    "someone booked to do the fix: booked a courier to collect it tomorrow ↔ asked you to post it back",
    "I'm sorry, Sam: we sent the wrong size. I've booked a courier to collect the wrong pair tomorrow morning, and the right pair arrives Friday.",
    "I'm sorry, Sam: we sent the wrong size. I've asked you to post the wrong pair back tomorrow morning.",
    "missing-remedy",
  ],
  [
    "a reason denied is no excuse: the delay wasn't due to the weather ↔ was due to the weather",
    "I'm sorry, Jo: we shipped your order late. The delay wasn't due to the weather. I forgot to book the courier. A refund of £5 went to your card this morning.",
    "I'm sorry, Jo: we shipped your order late. The delay was due to the weather. I forgot to book the courier. A refund of £5 went to your card this morning.",
    "excuse",
  ],
  [
    "a saying denied: I won't tell you these things happen ↔ I will tell you",
    "I'm sorry, Jo. I won't tell you these things happen: I forgot to book the courier. A refund of £5 went to your card this morning.",
    "I'm sorry, Jo. I will tell you these things happen: I forgot to book the courier. A refund of £5 went to your card this morning.",
    "minimizing",
  ],
  [
    "a worse harm that did not happen is no hedge: you could have been hurt ↔ you may have been hurt",
    "I'm sorry, Mrs Doyle: our ladder fell against your window this morning. You could have been hurt. We're replacing the pane at 9 tomorrow, no charge.",
    "I'm sorry, Mrs Doyle: our ladder fell against your window this morning. You may have been hurt. We're replacing the pane at 9 tomorrow, no charge.",
    "hedge",
  ],
  [
    "the replacement as the subject of its own coming, with a time: the right one goes on at 9 ↔ the old one",
    "I'm sorry we fitted the wrong handle, Mr Bell. The right one goes on at 9 tomorrow.",
    "I'm sorry we fitted the wrong handle, Mr Bell. The old one goes on at 9 tomorrow.",
    "missing-remedy",
  ],
  [
    "something of ours said to be at fault: our packing was careless ↔ was quick",
    "I'm sorry, Sam. Our packing was careless. A refund of £20 went to your card this morning.",
    "I'm sorry, Sam. Our packing was quick. A refund of £20 went to your card this morning.",
    "missing-responsibility",
  ],
  [
    "the state we left it in: we got your order muddled up ↔ packed up",
    "I'm sorry, Sam. We got your order muddled up with another one. A refund of £20 went to your card this morning.",
    "I'm sorry, Sam. We got your order packed up with another one. A refund of £20 went to your card this morning.",
    "missing-responsibility",
  ],
  [
    "a copula denied by the 'not' after it: I wasn't clear ↔ I was clear",
    "I'm sorry, Sam. I wasn't clear about the price. A refund of £20 went to your card this morning.",
    "I'm sorry, Sam. I was clear about the price. A refund of £20 went to your card this morning.",
    "missing-responsibility",
  ],
];

describe("minimal pairs: one change, one verdict", () => {
  it.each(PAIRS)("%s", (_change, without, withFault, rule) => {
    const a = verdicts(without);
    const b = verdicts(withFault);
    const flipped = [...new Set([...a, ...b])].filter((id) => a.has(id) !== b.has(id));
    expect(flipped).toEqual([rule]);
    expect(b.has(rule)).toBe(true);
  });
});
