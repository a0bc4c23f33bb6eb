// A part-of-speech tag (Penn Treebank) and a lemma for every word token. The lexicon gives the tags
// a word can have; a handful of context rules, the ones that decide who did what and when, pick one:
// after "will"/"to" a verb is a base form, after "have" a participle, after "was" a participle makes
// a passive, after a subject a past form is a past tense, after "the" a word names a thing.
import { lookUp, type Entry } from "./lexicon.js";
import type { Form, Token } from "./tokens.js";
import { either, oneOf } from "./one-of.js";

/** A token once tagged: the same object, its tag and lemma filled in. */
export type Tagged = Token;

/** Grammar words: a closed class, so they are listed here rather than looked up. A map, not an
 *  object: a draft's "constructor" or "toString" is a word like any other. */
const CLOSED = new Map<string, [tag: string, lemma?: string]>();
const close = (tag: string, words: string, lemma?: string) => {
  for (const word of words.split(" ")) CLOSED.set(word, lemma ? [tag, lemma] : [tag]);
};
close("PRP", "i me we us you he him she it they them myself ourselves yourself yourselves himself herself itself themselves one's");
close("PRP$", "my our your his its their");
close("DT", "the a an these those any some every each no another either neither all both");
close("MD", "will would shall should can could may might must ca wo 'll");
close("TO", "to");
close("CC", "and or but nor");
close("IN", "of in on at by for with from about into onto over after before until till since because if unless while than through during without within under against per via whether though although upon towards toward despite");
close("WDT", "which whichever");
close("WP", "who whom whoever what whatever");
close("WP$", "whose");
close("WRB", "when where why how whenever wherever");
close("RB", "not n't never also just already really very too only still even now then again always here ever soon later today tonight tomorrow yesterday");
close("VBP", "am are 're 'm", "be");
close("VBZ", "is", "be");
close("VBD", "was were", "be");
close("VB", "be", "be");
close("VBN", "been", "be");
close("VBG", "being", "be");
close("VBP", "have 've", "have");
close("VBZ", "has", "have");
close("VBD", "had", "have");
close("VBG", "having", "have");
close("VBP", "do", "do");
close("VBZ", "does", "do");
close("VBD", "did", "do");
close("UH", "yes hi hello hey thanks please ok okay");
// "let's" stays one token (tokens.ts): "let us", a command
close("VB", "let's", "let");
// Quantities before a plural ("too *many* jobs")
close("JJ", "many several");
// Titles before a name ("Mrs" is not a plural of "Mr")
close("NNP", "mr mrs ms mx dr");
// The people no name stands for, which the lexicon leaves out: not a name when capitalised after a full
// stop ("… the file. *Everyone* charged twice gets £12 back")
close("NN", "everyone everybody anyone anybody someone somebody nobody noone");
CLOSED.set("ca", ["MD", "can"]);
CLOSED.set("wo", ["MD", "will"]);
CLOSED.set("'ll", ["MD", "will"]);
CLOSED.set("n't", ["RB", "not"]);

const BE = new Set(["am", "is", "are", "was", "were", "be", "been", "being", "'m", "'re"]);
const HAVE = new Set(["have", "has", "had", "having", "'ve"]);
const GET = new Set(["get", "gets", "got", "gotten", "getting"]);
const DO = new Set(["do", "does", "did"]);
const SUBJECTS = new Set(["i", "we", "you", "they", "he", "she", "it", "who", "which", "that"]);
// Word and tag lists as sets, made once: the tagger asks them for every word of a draft.
const words = (list: string) => new Set(list.split(" "));
const STOPS = words(". ! ? …");
const PAUSES = words(", ; : – — -");
const BEFORE_THAT = words("NN NNS VB VBD VBP VBZ JJ");
const AFTER_THAT = words("i we you they he she it the our your my this");
const AFTER_THERE = words("is are was were 's has have had will may might could should must seem seems");
const SUBJECT_TAGS = words("PRP NN NNS NNP WDT WP EX");
const MODIFIER_TAGS = words("DT PRP$ POS CD JJ JJR JJS");
const NAMING_TAGS = words("NN NNS JJ NNP");
const DETERMINER_TAGS = words("DT PRP$ POS CD");
const ADJECTIVE_NOUN_TAGS = words("JJ JJR JJS NN NNS NNP");
const AFTER_COMMAND = words("the a an your my our me us it them this that him her in on out up back");
const OBJECT_STARTS = words("it them you us me him her the a an this that these those your our my their his its to back out up off down in");
const PARTICIPLE_END = /(ed|en|wn|t)$/;
function anyVerb(tags: string[]): boolean {
  return anyTagStarting(tags, "VB");
}
// Loops, not some() or find() with an arrow: the arrow is a new function each time the line runs,
// and these run for most words of a draft.
function firstTagStarting(tags: readonly string[], prefix: string): string | undefined {
  for (let k = 0; k < tags.length; k++) if (tags[k]!.startsWith(prefix)) return tags[k];
  return undefined;
}
const anyTagStarting = (tags: readonly string[], prefix: string): boolean => firstTagStarting(tags, prefix) !== undefined;
function firstTagIn(tags: readonly string[] | undefined, set: ReadonlySet<string>): string | undefined {
  if (tags) for (let k = 0; k < tags.length; k++) if (set.has(tags[k]!)) return tags[k];
  return undefined;
}
const anyTagIn = (tags: readonly string[] | undefined, set: ReadonlySet<string>): boolean => firstTagIn(tags, set) !== undefined;

/** Tag tokens[from, to) in place: one sentence, so no context rule looks across a full stop. */
export function tag(tokens: Token[], from = 0, to = tokens.length): void {
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.kind !== "word") {
      token.tag = token.kind === "number" ? "CD" : punctTag(token.lower);
      token.lemma = token.lower;
      continue;
    }
    const chosen = choose(token, i, tokens, from);
    token.tag = chosen.tag;
    token.lemma = chosen.lemma;
  }
}

const punctTag = (mark: string) => (STOPS.has(mark) ? "." : PAUSES.has(mark) ? "," : mark === "$" || mark === "£" || mark === "€" ? "$" : "SYM");

/** A word's facts that do not depend on where it stands. */
interface WordFacts {
  closed: [tag: string, lemma?: string] | undefined;
  /** "that", "her", "there", "'s", "'d", "as", "so", "like", "once": read from their neighbours. */
  special: boolean;
  /** The lexicon's entry (null: none), looked up when first needed. */
  lexicon: Entry | null | undefined;
  /** Its tag and lemma wherever it stands, when nothing around it can change them (see fixedAnswer). */
  fixed: [tag: string, lemma: string] | undefined;
}
const SPECIAL = words("that her there 's 'd as so like once");
/** A grammar word (the closed classes, and the few read from their neighbours): the commonest words of any text. */
export const isGrammarWord = (word: string): boolean => CLOSED.has(word) || SPECIAL.has(word);
/** A word's facts, worked out once and kept on its form (tokens.ts). */
function factsOf(form: Form): WordFacts {
  let facts = form.facts as WordFacts | undefined;
  if (!facts) {
    const word = form.lower;
    facts = { closed: CLOSED.get(word), special: SPECIAL.has(word), lexicon: undefined, fixed: undefined };
    facts.fixed = fixedAnswer(word, facts);
    form.facts = facts;
  }
  return facts;
}

/** The answer choose() gives a word whatever its neighbours: a closed-class word but the four whose
 *  tag its neighbours decide (closedTag), and a listed word with one tag that is not a verb form (no
 *  rule below looks past it; a hyphenated one may read as a verb, so it is left to choose()). */
function fixedAnswer(word: string, facts: WordFacts): [string, string] | undefined {
  const closed = facts.closed;
  if (closed) return NEIGHBOURS_DECIDE.has(word) ? undefined : [closed[0], closedLemma(word, closed[1], undefined, undefined)];
  if (facts.special || word.includes("-")) return undefined;
  const entry = (facts.lexicon = lookUp(word) ?? null);
  if (!entry || entry.tags.length !== 1 || entry.tags[0]!.startsWith("VB")) return undefined;
  return [entry.tags[0]!, lemmaFor(word, entry, entry.tags[0]!)];
}
/** Closed-class words whose tag closedTag() reads from their neighbours. */
const NEIGHBOURS_DECIDE = words("will can may do had have");

/** Words that open a greeting, before the customer's name: "Hi Jen", "Dear Mrs Grant", "Morning Gav". */
export const GREETINGS = words("hi hello hey hiya dear morning afternoon evening");
/** A capitalised word inside a sentence is a name, or part of one, right after a name ("Mr *Bell*",
 *  "Rob *Tennant*"), after a greeting ("Hi *Sue*", "Dear *Grant*"), or before another capitalised
 *  word ("Sorry again, *Rob* Tennant", "on behalf of *Royal* Mail"). */
const inName = (before: Token, next: Token | undefined) =>
  (before.tag === "NNP" && capitalised(before.text)) || GREETINGS.has(before.lower) || (!!next && capitalised(next.text) && !CLOSED.has(next.lower));
// (by character codes: a character taken out of a string to compare is a string of its own)
const capitalised = (text: string) => text.length > 1 && isUpper(text.charCodeAt(0)) && isLower(text.charCodeAt(1));
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/** The previous token that is not an adverb ("we *really* sent"), within the sentence. */
function previous(tokens: Token[], at: number, from: number): number {
  for (let j = at - 1; j >= from; j--) {
    const t = tokens[j]!;
    if (t.tag === "RB" || t.tag === "RBR") continue;
    return j;
  }
  return -1;
}

function choose(token: Token, i: number, tokens: Token[], from: number): { tag: string; lemma: string } {
  const word = token.lower;
  // What the word is apart from where it stands, worked out once per word; for most words, that is
  // the answer.
  // "10am", "at 4 pm": after a number, "am" and "pm" tell the time, not "I am"
  if ((word === "am" || word === "pm") && i > from && tokens[i - 1]!.kind === "number") return answer("NN", word);
  const facts = factsOf(token.form);
  // Capitalised inside a sentence, a word is a name where the lexicon knows it only as a describing word or a
  // thing ("our new lad *Finn* forgot", "*Amber* packed it"), or where it owns something, whatever else the
  // lexicon knows it as ("that was *Ray*'s mistake", "*Sue*'s van")
  // (the next token read only where there is one: a read past the end sent optimized code back to the interpreter)
  if (i > from && !facts.closed && !token.newline && capitalised(token.text) && ((i + 1 < tokens.length && tokens[i + 1]!.lower === "'s") || facts.fixed?.[0] === "JJ" || facts.fixed?.[0] === "NN")) return answer("NNP", word);
  if (facts.fixed) {
    // "she's just *the one* nearest you", "the one you ordered", "the one in the window": "one" after "the"
    // and before no noun it counts stands for a person or thing, and counts nothing
    if (word === "one" && i > from && tokens[i - 1]!.lower === "the" && oneStandsFor(tokens[i + 1])) return answer("NN", "one");
    return answer(facts.fixed[0], facts.fixed[1]);
  }
  return byNeighbours(token, i, tokens, from, facts);
}

// choose() is cut in three: most words are answered by its first lines, and V8 optimizes a function
// only once it has run a number of times that grows with its length: one long function ran unoptimized
// for most of a long draft, for every word it tagged.

/** choose() for a word whose neighbours decide its tag. */
function byNeighbours(token: Token, i: number, tokens: Token[], from: number, facts: WordFacts): { tag: string; lemma: string } {
  const word = token.lower;
  const prevAt = previous(tokens, i, from);
  const prev = prevAt < 0 ? undefined : tokens[prevAt];
  const next = tokens[i + 1];
  const closed = facts.closed;
  if (closed) return answer(closedTag(word, closed[0], prev, next), closedLemma(word, closed[1], next, tokens[i + 2]));
  // "your *mum*'s house": a word between a possessive and "'s" owns what follows, a noun
  if (next?.lower === "'s" && i > from && oneOf(tokens[i - 1]!.lower, "your my our his her their the")) return answer("NN", word);
  if (i > from && capitalised(token.text) && inName(tokens[i - 1]!, next)) return answer("NNP", word);
  // "the wedding in August", "since March": months that are other words in lower case ("august", "march"),
  // capitalised inside a sentence, are the months
  if (i > from && capitalised(token.text) && (word === "august" || word === "march")) return answer("NNP", word);
  if (facts.special) {
    if (word === "that") return answer(prev && BEFORE_THAT.has(prev.tag) && next && AFTER_THAT.has(next.lower) ? "IN" : prev && relativeAfter(prev, next) ? "WDT" : "DT", word);
    if (word === "her") return answer(next?.kind === "word" && !CLOSED.has(next.lower) ? "PRP$" : "PRP", "her");
    if (word === "there") return answer(next && AFTER_THERE.has(next.lower) ? "EX" : "RB", word);
    if (word === "'s") return sTag(i > from ? tokens[i - 1] : undefined, next, tokens[i + 2], i > from && objectOfVerb(tokens, i - 1, from));
    // "I'd left it", "you'd told me": "had" before a participle; "I'd send", "we'd like": "would"
    // ("let", "put", "set", "come" are both: "when you arrived I'd let another group start" is had,
    // told after a past act in a when, after or once clause; "I'd let you know" is would)
    if (word === "'d") {
      // (past an adverb: "he'd never seen one", "we'd already sent it"; "I'd never let it happen" is would)
      let after = i + 1;
      while (tokens[after] && BETWEEN_HAD.has(tokens[after]!.lower)) after++;
      const verb = tokens[after];
      const entry = verb && lookUp(verb.lower);
      // (a participle that is another verb's form is one: "lent" is lend's, whatever else it may be)
      // (and in a cause clause: "the needle broke because I'd set it to the wrong width")
      const had = !!entry && entry.tags.includes("VBN") && (!entry.tags.includes("VB") || entry.lemma !== verb.lower || (after > i + 1 && tokens[i + 1]!.lower !== "never") || afterTimeClause(tokens, i, from) || CAUSE_OPENERS.has(tokens[i - 2]?.lower ?? ""));
      return had ? answer("VBD", "have") : answer("MD", "would");
    }
    if (word === "as" || word === "so" || word === "like" || word === "once") return answer("IN", word);
  }

  if (facts.lexicon === undefined) facts.lexicon = lookUp(word) ?? null;
  let entry = facts.lexicon ?? guess(word, token.text, token.newline);
  // "hand-delivered" is listed as an adjective, but its last part is a verb form: read it as one.
  if (word.includes("-") && entry.tags.every((t) => t.startsWith("JJ"))) {
    const compound = guess(word, token.text, token.newline);
    if (compound.tags.some((t) => t.startsWith("VB"))) entry = { tags: [...compound.tags, "JJ"], lemma: compound.lemma };
  }
  const tags = entry.tags;
  const verbal = anyVerb(tags);
  // "the *siren* went off": a word that can be a noun, after a determiner and before a word that can
  // only be a past verb, is the subject's noun (it is first an adjective in the lexicon)
  if (prev && DETERMINER_TAGS.has(prev.tag) && tags[0] === "JJ" && tags.includes("NN") && next?.kind === "word") {
    const after = lookUp(next.lower)?.tags;
    if (after && after[0] === "VBD" && !anyTagStarting(after, "NN") && !anyTagStarting(after, "JJ")) return pick(word, entry, "NN");
  }

  if (prev && verbal) {
    const chosen = afterWord(word, entry, i, tokens, from, prev, prevAt, next);
    if (chosen) return chosen;
  }
  // "my lad Finn, who was doing the binding that week, *used* the thin wire": right after a relative clause closed
  // by a comma, a past form before its object is the subject's verb, not a participle
  if (prev?.tag === "," && tags.includes("VBD") && tags.includes("VBN") && startsObject(next) && relativeClosed(tokens, prevAt, from)) return pick(word, entry, "VBD");
  // "please contact us": after "please", a verb
  if (prev?.lower === "please" && verbal && tags.includes("VB")) return pick(word, entry, "VB");
  if ((!prev || prev.tag === "," || prev.tag === "." || prev.tag === "CC") && verbal && tags.includes("VB") && next && AFTER_COMMAND.has(next.lower)) {
    return pick(word, entry, "VB");
  }
  return pick(word, entry, tags[0]!);
}

/** byNeighbours() for a word that can be a verb, read from the word before it (`prev`, at `prevAt`,
 *  past any adverb); undefined when that says nothing. */
function afterWord(word: string, entry: Entry, i: number, tokens: Token[], from: number, prev: Token, prevAt: number, next: Token | undefined): { tag: string; lemma: string } | undefined {
  const tags = entry.tags;
  const p = prev.lower;
  // "left it on four weeks too *long*", "a very *close* call": after "too" or "very", a describing word
  // (the word right before, which previous() passes over as an adverb)
  const degree = i > from ? tokens[i - 1]!.lower : "";
  if ((degree === "too" || degree === "very") && (tags.includes("JJ") || tags.includes("RB"))) return pick(word, entry, tags.includes("JJ") ? "JJ" : "RB");
  // "a *touch* loose", "a smidge long", "a bit late": after a degree said as "a" and a noun, the describing word
  // (not a past form: "when a bit snapped in the joist" is a drill bit)
  if (i > from + 1 && A_DEGREE.has(degree) && tokens[i - 2]!.lower === "a" && !word.endsWith("ed") && (tags.includes("JJ") || tags.includes("JJR"))) return pick(word, entry, tags.includes("JJ") ? "JJ" : "JJR");
  // "we got your order *muddled* up", "I left the gate *unlocked*": a participle after the object of
  // get, have, leave, keep, find or want says what state it was left in
  // (and after a pronoun as that object: "we left *it* unlocked", "I left *yours* unpitched")
  const objectPronoun = prev.tag === "PRP" && prevAt > from && RESULT_VERBS.has(tokens[prevAt - 1]!.lemma);
  if ((objectPronoun || (prev.tag.startsWith("NN") && objectOf(tokens, prevAt, from, RESULT_VERBS))) && tags.includes("VBN")) return pick(word, entry, "VBN");
  // "everyone *charged* twice gets £12 back", "members *affected* by the change will hear from us": after
  // the people it describes, a participle with the sentence's own verb still to come is a clause cut
  // short ("who were charged"), not their act
  if ((DESCRIBED_PEOPLE.has(p) || (prev.tag === "NNS" && prevAt === i - 1)) && tags.includes("VBN") && word.endsWith("ed") && finiteAhead(tokens, i + 1)) return pick(word, entry, "VBN");
  // … and an adjective there is the state it was left in, not a verb: "I left one wire *loose*"
  if (prev.tag.startsWith("NN") && tags[0] === "JJ" && objectOf(tokens, prevAt, from, RESULT_VERBS)) return pick(word, entry, "JJ");
  // (… after a pronoun as that object too: "we left it *clean*"; and right after a past form: "cracked *clean*
  // through", "sheared clean off"): a word first a bare verb that can describe, with no object of its own
  // after it, describes; a bare verb goes there only after a causative's object ("we had them clean the oven")
  const afterPast = either(prev.tag, "VBD", "VBN") && prevAt === i - 1 && !AUX_LEMMAS.has(prev.lemma);
  if ((objectPronoun || afterPast) && either(tags[0]!, "VBP", "VB") && !tags.includes("VBN") && !startsObject(next)) {
    if (tags.includes("JJ")) return pick(word, entry, "JJ");
    if (afterPast && tags.includes("RB")) return pick(word, entry, "RB");
  }
  // "we responded quickly and *rectified* the matter": a verb joined by "and" takes the first one's form
  if (prev.tag === "CC" && tags.includes("VBD") && tags.includes("VBN") && pastBefore(tokens, prevAt, from)) return pick(word, entry, "VBD");
  // … and a passive's participle: "the scooter was collected by the caretaker, Mr Adeyemi, this morning
  // and *dropped* at your house"
  if (prev.tag === "CC" && tags.includes("VBN") && passiveBefore(tokens, prevAt, from)) return pick(word, entry, "VBN");
  if (prev.tag === "MD" || prev.tag === "TO" || DO.has(p)) {
    if (tags.includes("VB") || tags.includes("VBP")) return pick(word, entry, "VB");
  }
  if (HAVE.has(p) || (p === "'d" && prev.tag === "VBD")) {
    if (tags.includes("VBN")) return pick(word, entry, "VBN");
    // (a past form by its shape: the lexicon lists "trouble" as one, and "may have trouble" has a noun)
    if (tags.includes("VBD") && PARTICIPLE_END.test(word)) return pick(word, entry, "VBN");
  }
  // "I regret not *ringing* you", "sorry for never *checking*": after a bare "not", an -ing form is the verb
  if (i > from && either(tokens[i - 1]!.lower, "not", "never") && tags.includes("VBG")) return pick(word, entry, "VBG");
  if (BE.has(p) || GET.has(p) || (p === "'s" && prev.lemma === "be")) {
    if (tags.includes("VBN") && (PARTICIPLE_END.test(word) || tags[0] === "VBN" || tags[0] === "VBD")) return pick(word, entry, "VBN");
    if (tags.includes("VBG")) return pick(word, entry, "VBG");
  }
  // "Kind *regards*,", "Best *wishes*.": a sign-off, a plural after one describing word
  if (prevAt === from && i === from + 1 && oneOf(prev.tag, "NN JJ JJS RB") && tags.includes("NNS") && (!next || (next.kind !== "word" && next.kind !== "number"))) return pick(word, entry, "NNS");
  // "I took the sleeves *up* too far", "we let the customers *down*", "left the lights *off*": right
  // after a noun, before no noun phrase, a word that can be a particle is one, not a compound noun or
  // a verb ("moved the date up a week" is left to the rules below)
  if (prev.tag.startsWith("NN") && prevAt === i - 1 && tags.includes("RP") && oneOf(tags[0]!, "RP RB IN") && !startsObject(next) && !(next?.kind === "word" && nounLike(next.lower))) return pick(word, entry, "RP");
  // "with flu *going* round", "with two other jobs *overrunning*": after "with" and a noun phrase, an
  // -ing form is the verb of a clause of its own, not the head of a compound ("our booking *processing*")
  // (before a word that can only name a thing, it is a compound's: "with our card processing partner")
  if (prev.tag.startsWith("NN") && prevAt === i - 1 && word.endsWith("ing") && tags.includes("VBG") && afterWith(tokens, prevAt, from) && !(next?.kind === "word" && !anyTagIn(lookUp(next.lower)?.tags, CLAUSE_GOES_ON))) return pick(word, entry, "VBG");
  if (SUBJECT_TAGS.has(prev.tag) && (SUBJECTS.has(p) || prev.tag.startsWith("NN") || prev.tag === "WDT" || prev.tag === "WP")) {
    if ((prev.tag === "PRP" && !SUBJECTS.has(p)) || objectPosition(tokens, prevAt, from)) {
      // "caused *you* trouble": a pronoun after a verb is its object, not the next verb's subject
    } else if (prev.tag.startsWith("NN") && prevAt === i - 1 && !thatClauseAhead(word, entry, next) && !movingOff(word, next) && (insideNounPhrase(tokens, prevAt, from) || objectOfVerb(tokens, prevAt, from) || CLOSED.get(next?.lower ?? "")?.[0] === "MD" || FINITE_BE_HAVE.has(next?.lower ?? "")) && anyTagStarting(tags, "NN") && !staysAVerb(tags, prev, next) && (!startsObject(next) || objectOfVerb(tokens, prevAt, from)) && !(tags.includes("VB") && afterCausative(tokens, prevAt, from))) {
      // "the regular *stock*", "our billing *team*", "new *stands* will": a compound noun; and
      // "I fitted your radiator *valves* the wrong way", "received appointment *letters*": the
      // phrase is the object of the verb before it, so no verb of its own can stand inside it
      return pick(word, entry, firstTagStarting(tags, "NN")!);
    } else {
      if (tags.includes("VBD")) return pick(word, entry, "VBD");
      if (tags.includes("VBZ") && word.endsWith("s")) return pick(word, entry, "VBZ");
      // "the eagle *flight* to her booking", "the room *hire* is": a singular noun takes "hires", not
      // "hire", so a plain present form right after one is a compound noun, where the word can be a
      // noun (not after a collective noun, plural in British use: "the team work weekends"; nor where a
      // helper or "let" before the noun takes the plain form: "did the courier leave it", "let the
      // driver know")
      // (and for the same reason, a word first something else is that: "a slab *near* your garage")
      if (prev.tag === "NN" && prevAt === i - 1 && !COLLECTIVE.has(p) && !beforeHelper(tokens, prevAt, from)) {
        if (tags.includes("NN") && (tags.includes("VBP") || tags.includes("VB"))) return pick(word, entry, "NN");
        if (!tags[0]!.startsWith("VB")) return pick(word, entry, tags[0]!);
      }
      if (tags.includes("VBP")) return pick(word, entry, "VBP");
      if (tags.includes("VB")) return pick(word, entry, "VBP");
    }
  }
  // "sent it out without *checking*", "sorry for *keeping* you waiting": right after a preposition, an
  // -ing form is the verb (a gerund), not a noun
  // (but after a noun and "of", ending its phrase, the -ing form names the stuff or the work: "a single
  // line of *stitching* instead of two", "after two hours of *waiting*."; not "as a result of *eating* at
  // our café", "no way of *knowing* at the time")
  if (p === "of" && prevAt === i - 1 && prevAt > from && either(tokens[prevAt - 1]!.tag, "NNS", "NN") && word.endsWith("ing") && !BE.has(word) && word !== "having" && (next?.kind !== "word" || lookUp(next.lower)?.tags[0] === "RB")) return answer("NN", word);
  if (prev.tag === "IN" && prevAt === i - 1 && !SUBORDINATORS.has(p) && tags.includes("VBG") && word.endsWith("ing")) return pick(word, entry, "VBG");
  // "caused by *increased* security", "with *reduced* staff": after a preposition, a participle
  // before a noun describes it (not "that": "we know that increased…" is left to the rules below)
  if (prev.tag === "IN" && prev.lower !== "that" && (tags.includes("VBN") || tags.includes("VBD")) && next?.kind === "word" && nounLike(next.lower)) {
    return answer("JJ", word);
  }
  // "I counted *heads* wrong", "we sent *parcels*": right after a verb that takes an object, a
  // word that can be a plural noun is its object, not a second verb
  if (oneOf(prev.tag, "VBD VBP VB") && !AUX_LEMMAS.has(prev.lemma) && !CLAUSE_TAKING.has(prev.lemma) && tags.includes("NNS") && !tags.includes("VBD") && !tags.includes("VBN")) {
    return pick(word, entry, "NNS");
  }
  // "when this *occurred*", "that *caused* your package…", "if that *suits* you": a demonstrative
  // standing alone is the subject, so a past or present form after it is the verb (but "this
  // damaged parcel", "those delays")
  if (DEMONSTRATIVES.has(prev.lower) && tags.includes("VBD") && !(next?.kind === "word" && nounLike(next.lower) && !CLOSED.has(next.lower))) {
    return pick(word, entry, "VBD");
  }
  // ("this" or "that" before a plural is no noun phrase: "if this *sounds* harsh")
  if ((prev.lower === "this" || prev.lower === "that") && tags.includes("VBZ") && tags.includes("NNS")) return pick(word, entry, "VBZ");
  // "with *regards* to", "for *delays*": after a preposition, a noun, not a present verb
  if (prev.tag === "IN" && tags.includes("NNS") && tags.includes("VBZ")) return pick(word, entry, "NNS");

  // ("the right one *goes* on at 9", "one *goes* to you": "one" after a determiner or describing
  // word, or first, is the phrase's head, and a verb follows it)
  const headOne = prev.lower === "one" && (prevAt === from || oneOf(tokens[prevAt - 1]!.tag, "DT PRP$ JJ JJR JJS NN"));
  if (MODIFIER_TAGS.has(prev.tag) && !headOne) {
    const naming = firstTagIn(tags, NAMING_TAGS);
    if (naming) return pick(word, entry, naming);
    // "the damaged parcel", "20 delayed orders"; but "a refund of £20 *went* to your card": after a
    // number and before no noun, a past form is the verb
    // (and "the siren *went* off": a word first a past verb, before no noun, is the verb after any modifier)
    // (and "£9.50 *refunded* to your card": after a sum, before no noun, a participle is a clipped passive)
    // ("£40 refunded today": a time word after it is no noun it describes)
    if (prev.tag === "CD" && tags.includes("VBN") && tokens[prevAt - 1]?.tag === "$" && !(next?.kind === "word" && nounLike(next.lower) && !CLOSED.has(next.lower))) return pick(word, entry, "VBN");
    if ((tags.includes("VBN") || tags.includes("VBG")) && !(tags[0] === "VBD" && !(next?.kind === "word" && nounLike(next.lower)))) return answer("JJ", word);
  }
  return undefined;
}

/** "he went home *thinking* he'd failed", "she left *saying* it was fine": an -ing form of a verb that
 *  takes a clause, before a subject pronoun, is that verb (no compound noun ends on it and goes on). */
const thatClauseAhead = (word: string, entry: Entry, next: Token | undefined) =>
  word.endsWith("ing") && CLAUSE_TAKING.has(entry.lemma) && !!next && oneOf(next.lower, "i we you he she they it");

/** What follows "the one" when it stands for someone: a superlative, a relative word, a subject, a
 *  preposition ("the one nearest", "the one who", "the one you", "the one in"). */
const ONE_STANDS_FOR = words("JJS WP WDT PRP IN");
const oneStandsFor = (next: Token | undefined) => !!next && ONE_STANDS_FOR.has(CLOSED.get(next.lower)?.[0] ?? lookUp(next.lower)?.tags[0] ?? "");

/** "dropped the pallet *coming* off the tail-lift", "left the bags *sitting* out": an -ing form before a
 *  particle of place tells what the noun was doing, and is no compound's last noun. */
const movingOff = (word: string, next: Token | undefined) => word.endsWith("ing") && !!next && PLACE_PARTICLES.has(next.lower);
const PLACE_PARTICLES = words("off out down away over round around across through into onto");

/** A "who" or "which" clause opened after a comma and closed by the comma at `comma`: "Finn, who was doing the
 *  binding that week,". */
function relativeClosed(tokens: Token[], comma: number, from: number): boolean {
  for (let k = comma - 1; k >= from && k >= comma - 12; k--) {
    const t = tokens[k]!;
    if (t.lower === "who" || t.lower === "which") return tokens[k - 1]?.lower === ",";
    if (t.tag === "," || t.tag === ".") return false;
  }
  return false;
}

/** A finite "be" or "have" right after a word that can be a noun ends the subject there: "the snow *takes* had
 *  been exported" (the word is the phrase's last noun, not a verb with "had" after it). */
const FINITE_BE_HAVE = words("had has have was were is are");

/** Nouns that, after "a", say how much: "a touch loose", "a bit late". */
const A_DEGREE = words("bit touch smidge smidgen tad fraction little shade");

/** Who a cut-short clause can describe: "everyone charged twice", "those affected". */
const DESCRIBED_PEOPLE = words("everyone everybody anyone anybody those all members customers guests clients people");

/** A finite verb ("gets", "will", "were") within the few words after `from`, before any punctuation,
 *  "and", pronoun or relative word: the sentence's verb is still to come. Read from the lexicon, as the
 *  words ahead are not tagged yet. */
function finiteAhead(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 6; k++) {
    const t = tokens[k]!;
    if (t.kind !== "word" && t.kind !== "number" && t.text !== "£" && t.text !== "$") return false;
    const closed = CLOSED.get(t.lower)?.[0];
    if (closed === "MD" || (closed === "VBZ" && t.lower !== "'s") || closed === "VBP" || closed === "VBD") return true;
    if (closed && oneOf(closed, "CC PRP WDT WP IN") && !oneOf(t.lower, "by in on at for with from during over since under")) return false;
    const first = lookUp(t.lower)?.tags[0];
    if (first === "VBZ" && k > from) return true;
  }
  return false;
}

/** What can follow the verb of a clause: a particle, an adverb, a preposition, the start of its object. */
const CLAUSE_GOES_ON = new Set(["RP", "RB", "IN", "TO", "DT", "PRP", "PRP$", "JJ", "CD"]);

/** The noun phrase ending at `noun` comes right after "with" ("with two other jobs"). */
function afterWith(tokens: Token[], noun: number, from: number): boolean {
  for (let k = noun - 1; k >= from && k >= noun - 4; k--) {
    if (tokens[k]!.lower === "with") return true;
    if (!oneOf(tokens[k]!.tag, "DT PRP$ JJ JJR CD NN NNS")) return false;
  }
  return false;
}

/** After a noun, a word that stays a verb rather than join it as a compound: one that is first a past
 *  verb ("your visit *fell* short"), first a present one ending its clause ("your brochure *says*."),
 *  or a past form before a preposition ("a new box *left* with Evri today"). */
function staysAVerb(tags: string[], prev: Token, next: Token | undefined): boolean {
  if (tags[0] === "VBD") return true;
  if (tags[0] === "VBZ" && (!next || next.kind !== "word")) return true;
  // ("a shim for carbon bars *goes* in the post": after a plural, a present verb before a preposition
  // is the verb; "putty *smears* on the pane" is a compound)
  if (tags[0] === "VBZ" && prev.tag === "NNS" && CLOSED.get(next?.lower ?? "")?.[0] === "IN") return true;
  // (a present verb before a manner adverb: "the service *goes* beautifully", "the wedding *goes* well", "the
  // lid *sits* loosely"; a plural noun phrase takes no "-ly" word after it)
  if (tags.includes("VBZ") && next?.kind === "word" && (next.lower === "well" || (next.lower.endsWith("ly") && lookUp(next.lower)?.tags[0] === "RB"))) return true;
  // (and after a plural, a past form before an adverb: "two tubs *left* here by Royal Mail at 3pm", "the
  // drivers *left* early"; no compound ends a plural and goes on with "here")
  if (prev.tag === "NNS" && tags.includes("VBD") && next?.kind === "word" && lookUp(next.lower)?.tags[0] === "RB") return true;
  return tags.includes("VBD") && CLOSED.get(next?.lower ?? "")?.[0] === "IN";
}

/** The pronoun or noun stands right after a verb or preposition: an object. */
function objectPosition(tokens: Token[], index: number, from: number): boolean {
  const prev = tokens[index]!;
  const before = index > from ? tokens[index - 1] : undefined;
  // (not after "if", "because", "when": "if you contact the clinic" has "you" as subject)
  return !!before && prev.tag === "PRP" && prev.lower !== "i" && prev.lower !== "we" && (before.tag.startsWith("VB") || (before.tag === "IN" && !SUBORDINATORS.has(before.lower)) || before.tag === "TO");
}
/** Words that open a clause of their own ("because the van…", "after the storm…"). */
export const SUBORDINATORS = words("if unless because since as when whenever while whilst although though that whether before after until till once so");

/** The noun follows a determiner, possessive or adjective: "the regular", "our billing". */
function insideNounPhrase(tokens: Token[], index: number, from: number): boolean {
  for (let j = index - 1; j >= from && j >= index - 4; j--) {
    const t = tokens[j]!;
    if (DETERMINER_TAGS.has(t.tag)) return true;
    if (!ADJECTIVE_NOUN_TAGS.has(t.tag)) return false;
  }
  return false;
}

/** A word that names or describes a thing first ("security", "stock", "new"): unlisted words are mostly nouns. */
function nounLike(word: string): boolean {
  const first = lookUp(word)?.tags[0];
  return first === undefined ? !CLOSED.has(word) : first.startsWith("NN") || first.startsWith("JJ");
}

/** The noun phrase holding this noun starts right after a verb that takes an object, not a clause:
 *  "fitted *your new radiator*", but not "I think *the courier* loses", where it is a subject. */
function objectOfVerb(tokens: Token[], index: number, from: number): boolean {
  const t = beforeNounPhrase(tokens, index, from);
  // "into your wing *mirror* in the car park": a preposition's object (not "because the courier…")
  // (not after "let", "make" or "help", whose object does the next verb: "let the licence lapse")
  return !!t && ((oneOf(t.tag, "VBD VBP VBZ VBN VB") && !CLAUSE_TAKING.has(t.lemma) && !AUX_LEMMAS.has(t.lemma)) || PREPOSITIONS.has(t.lower));
}

/** The word just before the noun phrase that holds this noun (within five words), if any: the verb
 *  or preposition it is the object of. */
function beforeNounPhrase(tokens: Token[], index: number, from: number): Token | undefined {
  for (let j = index - 1; j >= from && j >= index - 5; j--) {
    const t = tokens[j]!;
    if (!DETERMINER_TAGS.has(t.tag) && !ADJECTIVE_NOUN_TAGS.has(t.tag)) return t;
  }
  return undefined;
}
const PREPOSITIONS = words("of in into on onto at for with from by about under over through behind near without within across around between towards toward");
const DEMONSTRATIVES = words("this that these those");
const AFTER_IS = words("back in on at been not now already just still ready here there gone done fine free with out off up down due being");
const AUX_LEMMAS = words("be have do get will would can could may might shall should must let make help");
/** The noun phrase holding this noun is the object of a verb of these lemmas. */
function objectOf(tokens: Token[], index: number, from: number, verbs: Set<string>): boolean {
  const t = beforeNounPhrase(tokens, index, from);
  return !!t && t.tag.startsWith("VB") && verbs.has(t.lemma);
}
const RESULT_VERBS = words("get have leave keep find want need send ship deliver return bring");

/** The noun phrase holding this noun is the object of "let", "make" or "help", which then does a
 *  bare verb: "I let the licence *lapse*", "we made the driver wait". */
const afterCausative = (tokens: Token[], index: number, from: number) => objectOf(tokens, index, from, CAUSATIVES);
/** The noun phrase of this noun follows a modal, a form of "do" or a causative ("did the courier leave
 *  it", "can the driver ring", "let the fitter know"), which takes the plain form after it. */
const beforeHelper = (tokens: Token[], index: number, from: number) => {
  const t = beforeNounPhrase(tokens, index, from);
  return (!!t && (t.tag === "MD" || DO.has(t.lower))) || afterCausative(tokens, index, from);
};
/** Nouns British English often agrees with in the plural: "the team are", "our staff work weekends". */
const COLLECTIVE = words("team staff crew family police people management council committee company firm group couple board government public audience band club department office kitchen squad");
const CAUSATIVES = words("let make help have watch see hear bid");

/** The verb before "and" at `cc` is a past act ("we responded quickly and *rectified*"): as far back as the
 *  first verb's own clause can reach ("I missed two windows at the back last Friday and still *charged*
 *  you"). */
function pastBefore(tokens: Token[], cc: number, from: number): boolean {
  const j = verbBefore(tokens, cc, from, 12, true);
  return j >= 0 && tokens[j]!.tag === "VBD" && !BE.has(tokens[j]!.lower) && !HAVE.has(tokens[j]!.lower);
}

/** The verb before "and" at `cc` is a passive participle, past commas ("the scooter was collected by the
 *  caretaker, Mr Adeyemi, this morning and *dropped*…"). */
function passiveBefore(tokens: Token[], cc: number, from: number): boolean {
  const j = verbBefore(tokens, cc, from, 16, false);
  return j >= 0 && tokens[j]!.tag === "VBN" && !BE.has(tokens[j]!.lower) && BE.has(tokens[j - 1]?.lower ?? "");
}

/** The nearest verb or modal before `cc`, within `reach` words of its sentence (and its clause, when
 *  `commaEnds`); -1 when there is none. */
function verbBefore(tokens: Token[], cc: number, from: number, reach: number, commaEnds: boolean): number {
  for (let j = cc - 1; j >= from && j >= cc - reach; j--) {
    const t = tokens[j]!;
    if (t.tag === "." || (commaEnds && t.tag === ",")) return -1;
    if (t.tag.startsWith("VB") || t.tag === "MD") return j;
  }
  return -1;
}

/** A past verb in a when, after or once clause earlier in the sentence: "when you arrived, I'd…". */
function afterTimeClause(tokens: Token[], at: number, from: number): boolean {
  for (let j = at - 1; j >= from; j--) {
    if (tokens[j]!.tag !== "VBD") continue;
    for (let k = j - 1; k >= from && k >= j - 4; k--) if (TIME_OPENERS.has(tokens[k]!.lower)) return true;
  }
  return false;
}
const TIME_OPENERS = words("when after once");
const CAUSE_OPENERS = words("because since cos");

/** Verbs whose next words may be a clause with its own subject: "I know the lab sends…". */
export const CLAUSE_TAKING = words("say tell think know believe hope feel guess suppose understand see hear realise realize notice find mean wish expect reckon assume doubt suspect bet fear imagine agree ensure promise show explain confirm learn read note remember forget worry trust insist claim argue admit report mention write");

const FINITE_FORMS = words("VBD VBZ VBP");
/** "the event *that* occurred", "the parcel that was lost": after a noun and before a verb, "that"
 *  opens a relative clause (not "that parcel", where it points at a noun). */
function relativeAfter(prev: Token, next: Token | undefined): boolean {
  if (!next || !oneOf(prev.tag, "NN NNS NNP")) return false;
  const closed = CLOSED.get(next.lower)?.[0];
  if (closed) return closed === "MD" || closed.startsWith("VB");
  const tags = lookUp(next.lower)?.tags ?? (next.lower.endsWith("ed") ? ["VBD"] : []);
  return anyTagIn(tags, FINITE_FORMS) && !tags[0]!.startsWith("NN");
}

/** What follows starts an object ("the courier lost *it*"), so the word before is a verb. */
const startsObject = (next: Token | undefined) => !!next && OBJECT_STARTS.has(next.lower);

function closedTag(word: string, tag: string, prev: Token | undefined, next: Token | undefined): string {
  // "I'm sorry I'm *late*": "will" and the rest are modals; "all" before "of" is still a determiner.
  if (word === "like" || word === "no") return tag;
  // "the will", "his will", "good will" (not "this will never happen", where "this" stands for a thing)
  if (tag === "MD" && word === "will" && prev && (either(prev.tag, "PRP$", "JJ") || oneOf(prev.lower, "the a an"))) return "NN";
  // "the may", "a can"; but "this may have caused", where "this" stands for a thing
  if ((word === "can" || word === "may") && prev && (oneOf(prev.lower, "the a an") || prev.tag === "PRP$")) return "NN";
  // "Friday 2 May", "on 3 May", "May 14th": the month, beside a number
  if (word === "may" && ((prev && prev.tag === "CD") || (next && /^\d/.test(next.text)))) return "NNP";
  // "in May", "by May": the month, after a preposition
  if (word === "may" && prev?.tag === "IN") return "NNP";
  // "May is mental for us", "May's our busiest month": a modal is never followed by a finite verb
  if (word === "may" && next && oneOf(next.lower, "is was 's has had will would brings brought")) return "NNP";
  if (word === "do" && next && either(next.lower, "n't", "not")) return "VBP";
  // "(Perhaps) have a look after work", "Have a lovely day": "have" opening a sentence before a noun phrase is
  // a command (not "Have you had it?")
  if (word === "have" && !prev && next && oneOf(next.lower, "a an the another some your fun")) return "VB";
  // "has had to be cancelled", "we've had delays": after "have", "had" is the participle
  if (word === "had" && prev && HAVE.has(prev.lower)) return "VBN";
  return tag;
}

function closedLemma(word: string, lemma: string | undefined, next: Token | undefined, after: Token | undefined): string {
  if (lemma) return lemma;
  if (word === "us") return "we";
  if (word === "me") return "i";
  if (word === "them") return "they";
  if (word === "him") return "he";
  void next;
  void after;
  return word;
}

/** "it's late" (is), "it's been" (has), "the customer's order" (possessive). */
function sTag(prev: Token | undefined, next: Token | undefined, after: Token | undefined, object = false): { tag: string; lemma: string } {
  // "he's gone and written it down wrong", "the sail's come out too small": before the participle of a
  // verb that takes no object, "'s" is "has" (nothing can be gone or come to someone)
  if (prev && next && HAS_BEFORE.has(next.lower)) return answer("VBZ", "have");
  // "he's only been with us a fortnight", "it's already gone": an adverb between "'s" and "been" or a
  // participle is passed over
  if (prev && next && after && ADVERBS_BEFORE_BEEN.has(next.lower) && (after.lower === "been" || HAS_BEFORE.has(after.lower))) return answer("VBZ", "have");
  const pronoun = prev && oneOf(prev.lower, "it he she that what there who where here this everything nothing something everyone one how");
  // "the courier's van" is a possessive, "your money's back", "the order's on its way" a verb:
  // after a noun, "'s" is "is" or "has" when a noun phrase does not follow it
  // (and after a day word: "today's walk", "yesterday's order")
  const owner = prev?.tag.startsWith("NN") || (prev !== undefined && DAY_WORDS.has(prev.lower) && CLOSED.get(next?.lower ?? "")?.[0] !== "DT");
  // (a noun that is a verb's or preposition's object owns what follows: "I measured Dusty's *back* wrong")
  if (!pronoun && owner && (object || !(next && (AFTER_IS.has(next.lower) || progressive(next, after))))) return answer("POS", "'s");
  const participle = next && (next.lower === "been" || (lookUp(next.lower)?.tags[0] === "VBN" && after?.lower !== "by"));
  // (and before a participle with an object after it: "he's *written* the spacing down wrong", "it's left the depot")
  const withObject = participle && after && either(CLOSED.get(after.lower)?.[0] ?? "", "DT", "PRP$");
  return participle && (next?.lower === "been" || withObject) ? answer("VBZ", "have") : answer("VBZ", "be");
}

const DAY_WORDS = words("today tomorrow yesterday tonight");
const ADVERBS_BEFORE_BEEN = words("only just already never always recently since ever");

/** Participles of verbs that take no object, which "'s" before them makes perfect: "it's come", "he's gone". */
const HAS_BEFORE = words("gone come arrived happened fallen become risen occurred disappeared vanished");

/** "the oven's *playing up*", "the driver's *running* late": an -ing verb after "'s" with no noun or verb
 *  after it is "is" + participle; "the shop's *opening* hours", "Jo's *singing* was lovely" are not. */
function progressive(next: Token, after: Token | undefined): boolean {
  if (!next.lower.endsWith("ing") || !lookUp(next.lower)?.tags.includes("VBG")) return false;
  const afterTag = after && lookUp(after.lower)?.tags[0];
  return !afterTag || !(afterTag.startsWith("NN") || afterTag.startsWith("VB"));
}

/** The tag chosen for a word, with the lemma that goes with it. */
const pick = (word: string, entry: Entry, tag: string) => answer(tag, lemmaFor(word, entry, tag));

/** choose()'s answer: one object, filled for each word and copied into its token by tag(), so
 *  tagging a long draft leaves no object per word behind. */
const chosen = { tag: "", lemma: "" };
function answer(tag: string, lemma: string): { tag: string; lemma: string } {
  chosen.tag = tag;
  chosen.lemma = lemma;
  return chosen;
}

function lemmaFor(word: string, entry: Entry, tag: string): string {
  if (tag.startsWith("VB") || tag === "NNS") return entry.lemma;
  return word;
}

// A draft repeats the words the lexicon lacks (most nouns): each shape is read once. Only whether
// the word is capitalised mid-line changes the answer.
const guessed = [new Map<string, Entry>(), new Map<string, Entry>(), new Map<string, Entry>()] as const;
const GUESSED_MAX = 50_000;

/** A word the lexicon lacks: its tags and lemma from its shape ("misconfigured", "re-sent"). */
function guess(word: string, written: string, lineStart: boolean): Entry {
  const known = guessed[midLineCapital(written, lineStart) ? 1 : lineCapital(written, lineStart) ? 2 : 0];
  let entry = known.get(word);
  if (!entry) {
    if (known.size >= GUESSED_MAX) known.clear();
    known.set(word, (entry = guessShape(word, written, lineStart)));
  }
  return entry;
}
/** Capitalised, not at a line's start: a name, whatever its ending. */
const midLineCapital = (written: string, lineStart: boolean) => isUpper(written.charCodeAt(0)) && !lineStart;
/** Capitalised at a line's start: a name where no ending makes it another word ("*Kev* dropped the pallet"). */
const lineCapital = (written: string, lineStart: boolean) => lineStart && isUpper(written.charCodeAt(0)) && isLower(written.charCodeAt(1));
/** Adverbs that stand between "'d" and the participle of "had": "I'd never seen", "we'd already sent". */
const BETWEEN_HAD = new Set(["never", "already", "just", "only", "also", "since", "recently", "previously"]);

/** What goes before a verb to make another ("misread", "redeliver", "unpitched", "hand-deliver"): a form
 *  the lexicon lacks is read from the verb after it, here and at build time (src/build/write-lexicon.ts). */
export const VERB_PREFIXES = "mis|re-?|over|under|out|pre|un|double-|hand-|co-|self-";
const VERB_PREFIX = new RegExp(`^(${VERB_PREFIXES})(?=.{3})`);
/** A word made by a prefix, or by any word and a hyphen ("re-send", "hand-stitched"), and what follows it. */
const PREFIXED = new RegExp(`^(${VERB_PREFIXES}|[a-z]+-)(.{3,})$`);

// (endsWith, not an expression: one ending with "$" is tried at every character of the word)
const ADJECTIVE_ENDINGS = ["al", "ous", "ive", "ful", "less", "able", "ible", "ic", "ent", "ant", "ary", "ish"];

/** The build step asks this too (with its own look-up), to keep in the lexicon every noun whose
 *  shape would be guessed wrong: "payment" (-ent), "family" (-ly), "wedding" (-ing). */
export function guessShape(word: string, written: string, lineStart: boolean, find: (word: string) => Entry | undefined = lookUp): Entry {
  const prefixed = PREFIXED.exec(word);
  if (prefixed) {
    const base = find(prefixed[2]!);
    // (an "un-" before a participle the lexicon does not know as one verb is a state, not an act:
    // "left the gates *ungritted*", "the *unswept* path"; a verb of its own, "unlock", is in the lexicon)
    if (prefixed[1] === "un" && base?.tags.includes("VBN")) return { tags: ["JJ", "VBN"], lemma: prefixed[1] + base.lemma };
    if (base?.tags.some((t) => t.startsWith("VB"))) return { tags: base.tags, lemma: prefixed[1] + base.lemma };
  }
  const name = midLineCapital(written, lineStart);
  // (a name first, even in -ly: "the mill in Italy", "Kelly")
  if (word.endsWith("ly")) return { tags: name ? ["NNP"] : ["RB"], lemma: word };
  // (a name in -ed or -ing is one where no verb stands behind the ending: "since *Aled* was doing it",
  // "Mr *Browning*", not "the app *geoblocked* it")
  if (word.endsWith("ed")) {
    const lemma = verbStem(word.slice(0, -2), word, find);
    return name && !isVerb(lemma, find) ? { tags: ["NNP"], lemma: word } : { tags: ["VBD", "VBN", "JJ"], lemma };
  }
  if (word.endsWith("ing")) {
    const lemma = verbStem(word.slice(0, -3), word, find);
    return name && !isVerb(lemma, find) ? { tags: ["NNP"], lemma: word } : { tags: ["VBG", "NN"], lemma };
  }
  if (/[^s]s$/.test(word)) {
    const lemma = word.replace(/ies$/, "y").replace(/(ss|x|ch|sh|z)es$/, "$1").replace(/s$/, "");
    // a present verb only where the lexicon knows its stem as a verb: "availability *systems*" is no verb
    return { tags: find(lemma)?.tags.some((t) => t.startsWith("VB")) ? ["NNS", "VBZ"] : ["NNS"], lemma };
  }
  if (name || lineCapital(written, lineStart)) return { tags: ["NNP"], lemma: word };
  // Adjective endings: "operational", "recent", "incomplete" is left to the noun default
  if (ADJECTIVE_ENDINGS.some((ending) => word.endsWith(ending))) return { tags: ["JJ", "NN"], lemma: word };
  return { tags: ["NN", "JJ"], lemma: word };
}


const isVerb = (word: string, find: (word: string) => Entry | undefined) => !!find(word)?.tags.some((t) => t.startsWith("VB"));

function verbStem(stem: string, word: string, find: (word: string) => Entry | undefined): string {
  const isBaseVerb = (w: string) => !!find(w)?.tags.some((t) => t === "VB" || t === "VBP");
  // "hoped" is "hope", not "hop" (that would be "hopped"): a stem ending consonant-vowel-consonant
  // that was not doubled lost a silent e
  if (/[^aeiou][aeiou][^aeiouwxy]$/.test(stem) && isBaseVerb(`${stem}e`)) return `${stem}e`;
  const prefix = VERB_PREFIX.exec(stem)?.[0] ?? "";
  for (const candidate of [stem, `${stem}e`, stem.replace(/(.)\1$/, "$1"), stem.replace(/i$/, "y")]) {
    if (isBaseVerb(candidate)) return candidate;
    if (prefix && isBaseVerb(candidate.slice(prefix.length))) return candidate;
  }
  if (/(.)\1$/.test(stem) && !/(ss|ll|ff|zz)$/.test(stem)) return stem.slice(0, -1);
  // a silent e the suffix ate: "configur(ed)" → configure, "locat(ed)" → locate, "organiz(ed)" → organize
  if (/(ur|at|iz|is|ys|uc|ud|ut|ov|iv|ag|ar|ir|id|os|as|us|ens|enc|anc|rg|dg|lv|rc|rs|ns|rv)$/.test(stem) && stem.length > 3) return `${stem}e`;
  if (/[^aeiou][^aeiouwy]$/.test(stem) && stem.length > 2 && !/(nd|rt|st|ck|lt|ct|nt|pt|ft|rk|rm|rn|ld|sh|ch|th|gh|lk|wn|rd|mp|sk|sp|ng|rl|lm|lp|rp)$/.test(stem)) return `${stem}e`;
  return stem || word;
}
