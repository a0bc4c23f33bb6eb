// Shaping an answer before it is said: owners type the way they think ("she said it was a total
// nightmare", "we'll refund the whole thing", "he wants us to pay for the fitter"), and a line said to
// the customer needs a word, a clause or a verb phrase in the second person. Each slot declares the
// shape its lines need (a question's `shape`, with defaults for the shared ids); this reads the
// answer with the language layer and fits it, or says why it cannot be said at all. Pure.
import type { Rulebook } from "../check/compile.js";
import { lookUp } from "../language/lexicon.js";
import { readEnglish, type Tagged } from "../language/read.js";
import type { VerbGroup } from "../language/verbs.js";
import type { Question } from "./schema.js";

export type Shape = NonNullable<Question["shape"]>;

/** The shapes the shared answer ids take when a playbook does not say. */
const SHARED_SHAPES: Record<string, Shape> = {
  customer: "name",
  their_word: "word",
  what_happened: "we-clause",
  impact: "you-clause",
  fair: "request",
  remedy: "we-will",
  compromise: "we-will",
};

export const shapeOf = (q: Pick<Question, "id" | "shape" | "type">): Shape => q.shape ?? (q.type === "text" ? SHARED_SHAPES[q.id] : undefined) ?? "text";

/** An answer as it will be said; or why it will not be said. A request also has the form that follows
 *  "asked"/"asking" directly ("us to pay for the fitter"), where the plain form follows other words. */
export type Shaped = { text: string; afterAsk?: string } | { unsaid: string };

/** True when an answer says there is none: "nobody, it's just me", "me i guess, its my shop", "n/a".
 *  The first clause says it; "no charge on the next order" is an answer. */
export function saysNone(text: string, rules: Rulebook): boolean {
  const none = rules.classes("none-answers");
  const plain = text.toLowerCase().replaceAll("\u2019", "'").replace(/[.!\s]+$/, "").replace(/\s+/g, " ").trim();
  const lead = plain.split(/[,;:(—–]\s*|\s+-\s+|\s+(?=it'?s\b|i guess\b|i suppose\b)/)[0]!.trim();
  return none !== undefined && (none(plain) || none(lead));
}

/** Why an answer can never be said to the customer, or undefined when it can. */
export function refusal(text: string, shape: Shape, rules: Rulebook): string | undefined {
  const words = lowerWords(text);
  const swearing = rules.classes("swear-words");
  if (swearing && words.some((w) => swearing(w))) return "has swearing in it; the call sheet won't put that in your mouth";
  if (shape === "name") return undefined;
  const unknown = rules.classes("unknowns");
  const plain = text.toLowerCase().replace(/[.!\s]+$/, "").replace(/\s+/g, " ").trim();
  // "idk", "dont know yet, he just kept shouting": the first clause says it
  const lead = plain.split(/[,;:(—–-]\s*/)[0]!.trim();
  if (unknown && [plain, lead, lead.replace(/^(i |we )/, "")].some((t) => unknown(t))) return `says you don't know yet ("${text.trim()}"); the line needs the words you'll say`;
  const accusing = rules.classes("accusations");
  if (shape === "word" && accusing && words.some((w) => accusing(w))) {
    return "is an accusation; saying it back would agree to a fault nobody has checked. Use how it felt to them (e.g. 'infuriating')";
  }
  return undefined;
}

/** Fit an answer to its slot. `rules` gives the word classes and who counts as another party. */
export function shapeAnswer(raw: string, shape: Shape, rules: Rulebook): Shaped {
  const text = tidy(raw);
  const refused = refusal(text, shape, rules);
  if (refused) return { unsaid: refused };
  switch (shape) {
    case "name":
      return { text: asName(text) };
    case "word":
      return theirWord(text, rules);
    case "we-clause":
      return { text: lowerFirst(toTheirFace(text, rules)) };
    case "you-clause":
      return { text: lowerFirst(toTheirFace(text, rules)) };
    case "request":
      return request(text, rules);
    case "we-will": {
      // "nothing, she can bin it": the owner's "nothing" answers a question the line doesn't ask;
      // what follows it is what happens. "nothing" alone leaves "we will ___" with nothing to say.
      const none = saysNone(text, rules);
      const rest = none ? text.replace(/^[^,;:(—–]*[,;:(—–]\s*/, "") : text;
      const done = (none && rest === text) || saysNone(rest, rules) ? undefined : weWill(rest, rules);
      return done === undefined ? { unsaid: "is not something you will do; the line after 'we will' needs what you'll do (e.g. 'let you keep it')" } : { text: done };
    }
    case "topic":
      return { text: topic(text, rules) };
    case "text":
      return { text: toTheirFace(text, rules) };
  }
}

const tidy = (text: string) => text.trim().replace(/\s+/g, " ").replace(/[.;,\s]+$/, "");
const lowerWords = (text: string) => text.toLowerCase().replaceAll("\u2019", "'").split(/[^a-z'-]+/).filter(Boolean);

/** "mr okafor", "MR OKAFOR", "dana from riverside events" → "Mr Okafor", "Dana". */
function asName(text: string): string {
  const name = text.split(/\s+(?:from|at|of|@)\s+|\s*[,(]/i)[0]!.trim() || text;
  return name
    .split(/(\s+|-)/)
    .map((part) => (/^[a-z]/i.test(part) && (part === part.toLowerCase() || part === part.toUpperCase()) ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part))
    .join("");
}

/** Days and months typed in lower case ("on saturday") are written as names. */
const NAMES = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|christmas|easter)\b/g;
const capitaliseNames = (text: string) => text.replace(NAMES, (w) => w[0]!.toUpperCase() + w.slice(1));

/** Lower-case the first letter unless it is "I" or a name the owner capitalised mid-sentence. */
function lowerFirst(text: string): string {
  if (/^I\b/.test(text)) return text;
  return text.replace(/^([A-Z])(?=[a-z'])/, (c) => c.toLowerCase());
}

/** Their word, to fit "this has been ___ for you": a word or short phrase, never a sentence.
 *  "she said it was a total nightmare" → "a total nightmare"; a long or accusing one is not said. */
function theirWord(text: string, rules: Rulebook): Shaped {
  const reading = readEnglish(text, rules.parties);
  const { tokens } = reading;
  let from = 0;
  // The complement of the last "was/is/been/called it": what they called it.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.lemma === "be" || (t.lemma === "call" && tokens[i + 1]?.lower === "it")) {
      from = t.lemma === "call" ? i + 2 : i + 1;
      break;
    }
  }
  const fillers = rules.classes("fillers");
  const kept = tokens.slice(from).filter((t) => !(fillers?.(t.lower) && t.lower !== "really"));
  while (kept.length && /^(for|to)$/.test(kept.at(-2)?.lower ?? "") && /^(you|her|him|them|me|us)$/.test(kept.at(-1)!.lower)) kept.splice(-2);
  const phrase = textOf(text, kept).replace(/^["'“]|["'”]$/g, "").trim();
  const personal = kept.some((t) => t.tag === "PRP" || t.tag === "PRP$" || t.tag === "NNP");
  if (!phrase || kept.length > 5 || personal || kept.some((t) => t.kind === "punct" && t.lower !== "-")) {
    return { unsaid: "is more than their word for it; the regret line says it without it" };
  }
  return { text: phrase.toLowerCase() };
}

/** What they asked for, to fit "You asked for ___" (or, as a clause, "You asked us to ___"). */
function request(text: string, rules: Rulebook): Shaped {
  let reading = readEnglish(text, rules.parties);
  let tokens = reading.tokens;
  // "he wants …", "she asked for …", "they'd like …", "I want my money back": drop the asking words,
  // and a customer's own "I/my" becomes "you/your".
  const lead = /^(?:(?:he|she|they|i|customer|the customer)\s+)?(?:wants?|would like|'d like|'d want|asked for|asks for|is asking for|asking for|asked|asks|wanted|needs?|expects?|demands?|demanded|is after|was after)\s+/i.exec(text);
  const customerVoice = /^i\b/i.test(text);
  let rest = lead ? text.slice(lead[0].length) : text;
  if (customerVoice) rest = rest.replace(/\bmy\b/gi, "your").replace(/\bme\b/gi, "you").replace(/\bI\b/g, "you");
  rest = toTheirFace(rest, rules);
  reading = readEnglish(rest, rules.parties);
  tokens = reading.tokens;
  // "us to pay for the fitter" / "we pay for the downtime": a clause → "us to pay…" after "asked",
  // "paying for the fitter" elsewhere.
  const first = tokens[0];
  const verbAt = first && /^(we|us)$/.test(first.lower) ? (tokens[1]?.lower === "to" ? 2 : 1) : first?.tag === "VB" || first?.tag === "VBP" ? 0 : -1;
  if (verbAt >= 0 && tokens[verbAt] && tokens[verbAt]!.tag.startsWith("VB")) {
    const verb = tokens[verbAt]!;
    const after = rest.slice(verb.end).trim();
    const base = verb.lemma;
    const gerund = ingForm(base);
    return { text: `${gerund}${after ? ` ${after}` : ""}`, afterAsk: `us to ${base}${after ? ` ${after}` : ""}` };
  }
  // A bare noun ("refund") needs its article.
  if (tokens.length === 1 && first?.tag === "NN" && !/s$/.test(first.lower)) return { text: `${/^[aeiou]/i.test(rest) ? "an" : "a"} ${rest.toLowerCase()}` };
  return { text: lowerFirst(rest) };
}

/** What follows "We will": the answer without its own "we'll", as a verb phrase; a thing on its own
 *  ("a free colour correction") becomes something given. When someone else does it, we see that
 *  they can: "she can keep it" → "let you keep it", "the courier collects it" → "have the courier
 *  collect it", "no need to send it back" → "not ask you to send it back". */
function weWill(text: string, rules: Rulebook): string | undefined {
  const stripped = text.replace(/^(?:(?:we|i)\s*(?:'ll|’ll|will|shall|can|could|are going to|'re going to|am going to|'m going to|are gonna|'re gonna|would|'d)|will|can|gonna|going to)\s+/i, "");
  const noNeed = /^(?:there'?s |there is )?no need (?:for (?:you|her|him|them|the customer) )?to\s+(.+)$/i.exec(stripped);
  if (noNeed) return `not ask you to ${lowerFirst(toTheirFace(noNeed[1]!, rules))}`;
  const shaped = lowerFirst(toTheirFace(stripped, rules));
  const { tokens, verbs } = readEnglish(shaped, rules.parties);
  const done = verbs[0];
  const subject = done?.subjectHead === undefined ? undefined : tokens[done.subjectHead];
  // (what they did already, "you've paid up", is no part of what happens next)
  if (done && subject && !done.negated && !done.passive && !done.perfect && done.tense !== "past" && tokens[0] && !/^(we|i)$/.test(subject.lower) && done.subjectHead! < done.first) {
    // "she can bin it": a verb the tagger took for a noun after the modal is still the verb
    const after = tokens[done.main + 1];
    const verb = tokens[done.main]!.tag === "MD" && after && /^(VB|NN|JJ)/.test(after.tag) ? after : tokens[done.main]!;
    const base = verb === tokens[done.main] ? done.lemma : verb.lower;
    const rest = shaped.slice(verb.end);
    const them = /^(you|they)$/.test(subject.lower) || /^(customer|client)$/.test(subject.lemma);
    // "they can keep it", "they keep it" is the customer; "they'll pick it up" may be anyone
    if (them && (!done.modal || /^(can|could|may|might)$/.test(done.modal))) return `let you ${base}${rest}`;
    if (them && subject.lower !== "they") return `make sure you ${base}${rest}`;
    if (subject.lower === "they") return `have them ${base}${rest}`;
    if (rules.parties.thirdParties(subject.lemma) || rules.parties.people(subject.lemma)) {
      const who = shaped.slice(tokens[0].start, subject.end);
      return `have ${tokens[0].tag === "NN" ? "the " : ""}${who} ${base}${rest}`;
    }
  }
  const first = tokens[0];
  // "ship 2 new plates monday": a first word the tagger took for a noun may still be the verb
  // "free delivery next time": an adjective before its noun is a thing to give, though "free" is a verb too
  const adjective = first?.tag === "JJ" && /^NNS?$/.test(tokens[1]?.tag ?? "");
  if (first && (adjective || !isVerb(first)) && first.tag !== "RB" && first.tag !== "MD") {
    // "you're paid up", "the deposit covers it": a clause of its own, not a thing to give
    // ("half price on it": a noun the tagger took for a verb does not agree with its "subject")
    if (done && startsWithClause(tokens, done)) return undefined;
    // "full refund": a singular thing needs its article ("free shipping" is no one thing)
    const head = tokens[1];
    const single = adjective && head?.tag === "NN" && !/ing$/.test(head.lower) && !/^(NN|NNS)$/.test(tokens[2]?.tag ?? "");
    return `give you ${single ? (/^[aeiou]/i.test(shaped) ? "an " : "a ") : ""}${shaped}`;
  }
  return shaped;
}

/** A verb, or a word the lexicon allows to be one where the tagger took it for a noun or adjective. */
const isVerb = (t: Tagged) => t.tag.startsWith("VB") || (/^(NN|NNS|JJ)$/.test(t.tag) && !!lookUp(t.lower)?.tags.some((tag) => tag === "VB" || tag === "VBP"));

/** What follows "writing about": a thing ("the cake that arrived late"), or a clause said as one
 *  ("you waited 40 minutes" → "how you waited 40 minutes"). */
function topic(text: string, rules: Rulebook): string {
  const said = lowerFirst(toTheirFace(text, rules));
  const { tokens, verbs } = readEnglish(said, rules.parties);
  return verbs[0] && startsWithClause(tokens, verbs[0]) ? `how ${said}` : said;
}

/** Whether the words open with a clause: a subject (a pronoun or a plain noun phrase) and its verb,
 *  "our waiter was rude", "you've paid up". A plural-looking verb after a noun ("the birthday cake")
 *  is a noun the tagger misread, not a clause. */
function startsWithClause(tokens: readonly Tagged[], group: VerbGroup): boolean {
  if (group.nonFinite || group.subjectHead === undefined || group.subjectHead >= group.first) return false;
  if (!tokens.slice(0, group.first).every((t) => /^(DT|PRP\$?|JJ|NNP?S?|CD|POS)$/.test(t.tag) && !/^(that|which|who)$/.test(t.lower))) return false;
  return tokens[group.subjectHead]!.tag === "PRP" || /^(VBZ|VBD|MD)$/.test(tokens[group.first]!.tag);
}

const ingForm = (base: string): string =>
  base === "be" ? "being" : /ie$/.test(base) ? `${base.slice(0, -2)}ying` : /[^aeiou]e$/.test(base) && base !== "be" ? `${base.slice(0, -1)}ing` : /^[^aeiou]*[aeiou][bdgmnprt]$/.test(base) ? `${base}${base.at(-1)}ing` : `${base}ing`;

/** The words from the first kept token to the last, as written. */
function textOf(text: string, kept: Tagged[]): string {
  if (!kept.length) return "";
  return text.slice(kept[0]!.start, kept.at(-1)!.end);
}

// Said to the customer's face, "she"/"he" is "you": the pronoun changes, and the verb after a
// subject pronoun agrees ("she has" → "you have", "he was" → "you were", "she wants" → "you want").
const OBJECT: Record<string, string> = { him: "you", her: "you", himself: "yourself", herself: "yourself" };
const POSSESSIVE: Record<string, string> = { his: "your", her: "your", hers: "yours" };
/** Contractions typed without their apostrophe, after "he"/"she": "he doesnt" → "you dont". */
const TYPED: Record<string, string> = { doesnt: "dont", isnt: "arent", wasnt: "werent", hasnt: "havent", does: "do", is: "are", was: "were", has: "have" };
const AGREE: Record<string, string> = { is: "are", was: "were", has: "have", does: "do", "'s": "'re", hasn: "haven", doesn: "don", isn: "aren", wasn: "weren" };

export function toTheirFace(written: string, rules: Rulebook): string {
  const text = capitaliseNames(written);
  const { tokens, verbs } = readEnglish(text, rules.parties);
  // The verbs whose subject is "she"/"he" (also "and wants", "she actually cares") agree with "you".
  const agreeing = new Set<number>();
  for (const g of verbs) {
    const subject = g.subjectHead === undefined ? undefined : tokens[g.subjectHead];
    if (!subject || !/^(he|she)$/.test(subject.lower)) continue;
    const finite = tokens.slice(g.first, g.main + 1).findIndex((t) => t.tag === "VBZ" || t.lower === "was" || t.lower === "'s");
    if (finite >= 0) agreeing.add(g.first + finite);
  }
  const replacements = new Map<number, string>();
  tokens.forEach((t, i) => {
    if (t.lower === "he" || t.lower === "she") replacements.set(i, "you");
    else if (t.lower === "hes" || t.lower === "shes") replacements.set(i, hasDone(tokens, i) ? "you've" : "you're");
    else if (t.lower === "her") replacements.set(i, t.tag === "PRP$" && !objectHer(tokens, i) ? "your" : "you");
    else if (POSSESSIVE[t.lower]) replacements.set(i, POSSESSIVE[t.lower]!);
    else if (OBJECT[t.lower]) replacements.set(i, OBJECT[t.lower]!);
    else if (agreeing.has(i)) replacements.set(i, t.lower === "'s" && hasDone(tokens, i) ? "'ve" : (AGREE[t.lower] ?? (t.lower === "'s" ? "'re" : t.lemma)));
    else if (TYPED[t.lower] && /^(he|she)$/.test(tokens[i - 1]?.lower ?? "")) replacements.set(i, TYPED[t.lower]!);
  });
  let out = "";
  let last = 0;
  for (const [i, word] of [...replacements].sort((a, b) => a[0] - b[0])) {
    const t = tokens[i]!;
    out += text.slice(last, t.start) + matchCase(t.text, word);
    last = t.end;
  }
  return out + text.slice(last);
}

/** "he's already paid", "she's been waiting": the 's is "has", so to their face it is "you've". */
const hasDone = (tokens: readonly Tagged[], i: number) => /^(got|been|had|already|just|never|ever|gone|done|paid|sent|finished|waited)$/.test(tokens[i + 1]?.lower ?? "");

/** "let her keep it", "give her a refund", "call her": "her" is the object, not "her order". */
function objectHer(tokens: readonly Tagged[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.kind === "punct" || /^(DT|PRP\$|CD|IN|TO|RB)$/.test(next.tag)) return true;
  return /^(let|make|help|have|watch|see|hear)$/.test(tokens[i - 1]?.lemma ?? "");
}

const matchCase = (written: string, word: string) => (/^[A-Z]/.test(written) ? word[0]!.toUpperCase() + word.slice(1) : word);
