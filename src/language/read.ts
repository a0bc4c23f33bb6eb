// Reading a text once, for every part of coach that judges English (check, the call sheet's answer
// shaping, rehearsal scoring): tokens with offsets, one tag and lemma each, sentences, where each word
// stands (thread, quote, condition), and the verb groups with who did what, when, in which voice.
import { readContext } from "./context.js";
import { splitSentences, type Sentences } from "./sentences.js";
import { tag, type Tagged } from "./tagger.js";
import { tokenize, TokenPool } from "./tokens.js";
import { readVerbGroups, type PartyWords, type VerbGroup } from "./verbs.js";

export interface Reading {
  text: string;
  /** The text with straight quotes (`plain`): same length, same offsets. */
  plain: string;
  tokens: Tagged[];
  sentences: Sentences;
  /** Per token, the index of its sentence. */
  sentenceOf: Int32Array;
  /** Per token, context flags (THREAD, QUOTED, CONDITION, TIME_CLAUSE from context.ts). */
  context: Uint8Array;
  verbs: VerbGroup[];
  /** Per token, the index of the verb group it belongs to, or -1. */
  verbOf: Int32Array;
}

/** Token objects and the verb groups read from them, to fill again (see TokenPool): a long draft
 *  read a piece at a time then makes these objects once, not once per word and verb. */
export class ReadingPool extends TokenPool {
  readonly verbs: VerbGroup[] = [];
}

const NOBODY_SPECIAL: PartyWords = { thirdParties: () => false, people: () => false };

/** The text as straight quotes read it: curly apostrophes straightened, same length, same offsets. */
export const plain = (text: string): string =>
  text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u00a0/g, " ");

/** Read a text; `threads` are its quoted e-mail ranges when the caller found them in a larger text
 *  this one is part of (see check's engine, which reads a long draft a few paragraphs at a time).
 *  With a `pool`, the tokens and verb groups are the pool's, filled again: the last reading made
 *  with it is gone. */
export function readEnglish(text: string, words: PartyWords = NOBODY_SPECIAL, threads?: [number, number][], pool?: ReadingPool): Reading {
  const straight = plain(text);
  const sentences = splitSentences(straight);
  const tokens: Tagged[] = tokenize(text, pool);
  // Tag sentence by sentence, so a context rule never looks across a full stop.
  const sentenceOf = new Int32Array(tokens.length);
  let from = 0;
  for (let s = 0; s < sentences.starts.length && from < tokens.length; s++) {
    let to = from;
    while (to < tokens.length && tokens[to]!.start < sentences.ends[s]!) to++;
    tag(tokens, from, to);
    sentenceOf.fill(s, from, to);
    from = to;
  }
  const context = readContext(text, tokens, sentenceOf, threads, words.ourActs);
  const verbs = readVerbGroups(tokens, words, pool?.verbs);
  const verbOf = new Int32Array(tokens.length).fill(-1);
  verbs.forEach((g, n) => verbOf.fill(n, g.first, g.main + 1));
  return { text, plain: straight, tokens, sentences, sentenceOf, context, verbs, verbOf };
}

export type { Tagged } from "./tagger.js";
export { isGrammarWord } from "./tagger.js";
export type { VerbGroup, Party, PartyWords } from "./verbs.js";
export { firstGroupFrom, isAuxiliary, ourSubject, personBefore, subjectOwner } from "./verbs.js";
export { CONTEXTS, THREAD, QUOTED, CONDITION, TIME_CLAUSE, DENIED, THEIR_CHOICE, commandAt, threadRanges, type ContextName } from "./context.js";
