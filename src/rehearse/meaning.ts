// What a reply says, word by word on lemmas, with words that do the same job read as one: a drill's
// goal phrase "call you back" is met by "I'll ring you back", "take care" closes the call like
// "goodbye". The groups are data (rules/reply.yaml `meanings`). Pure.
import { readEnglish, type PartyWords } from "../language/read.js";

/** One word of a text as the matcher compares it: its meaning group (or lemma), and its lower case. */
interface Word {
  key: string;
  lower: string;
  lemma: string;
}

interface Member {
  words: Word[];
  group: number;
}

export interface MeaningMatcher {
  /** A text as keys: each group member found (longest first) becomes its group's key. */
  read: (text: string) => Word[];
  /** Where a phrase (a trailing * matches any ending) occurs in read words, as the words matched. */
  find: (phrase: string, words: Word[]) => string | undefined;
  /** The group a phrase belongs to, when it is a member of one. */
  groupOf: (phrase: string) => number | undefined;
}

const wordsOf = (text: string, parties?: PartyWords): Word[] =>
  readEnglish(text, parties)
    .tokens.filter((t) => t.kind !== "punct" || t.lower === "%" || t.lower === "$")
    .map((t) => ({ key: t.lemma || t.lower, lower: t.lower, lemma: t.lemma || t.lower }));

const same = (a: Word, b: Word) => a.lemma === b.lemma || a.lower === b.lower;

export function meaningMatcher(groups: string[][], parties?: PartyWords): MeaningMatcher {
  const members: Member[] = groups
    .flatMap((group, n) => group.map((phrase) => ({ words: wordsOf(phrase, parties), group: n })))
    .filter((m) => m.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  const byPhrase = new Map<string, number>();
  groups.forEach((group, n) => group.forEach((phrase) => byPhrase.set(phrase.toLowerCase(), n)));

  const canon = (words: Word[]): Word[] => {
    const out: Word[] = [];
    for (let i = 0; i < words.length; ) {
      const member = members.find((m) => m.words.every((w, k) => words[i + k] && same(words[i + k]!, w)));
      if (member) {
        const span = words.slice(i, i + member.words.length);
        out.push({ key: `#${member.group}`, lower: span.map((w) => w.lower).join(" "), lemma: `#${member.group}` });
        i += member.words.length;
      } else out.push(words[i++]!);
    }
    return out;
  };
  const phrases = new Map<string, { words: Word[]; prefix: boolean }>();
  const phraseWords = (phrase: string) => {
    let found = phrases.get(phrase);
    if (!found) {
      const prefix = phrase.endsWith("*");
      found = { words: canon(wordsOf(prefix ? phrase.slice(0, -1) : phrase, parties)), prefix };
      phrases.set(phrase, found);
    }
    return found;
  };

  return {
    read: (text) => canon(wordsOf(text, parties)),
    groupOf: (phrase) => byPhrase.get(phrase.toLowerCase()),
    find(phrase, words) {
      const { words: wanted, prefix } = phraseWords(phrase);
      if (wanted.length === 0) return undefined;
      const last = wanted.length - 1;
      for (let i = 0; i + wanted.length <= words.length; i++) {
        const hit = wanted.every((w, k) => {
          const word = words[i + k]!;
          if (prefix && k === last && !w.key.startsWith("#")) return word.lower.startsWith(w.lower);
          return word.key === w.key || (!word.key.startsWith("#") && !w.key.startsWith("#") && same(word, w));
        });
        if (hit) return words.slice(i, i + wanted.length).map((w) => w.lower).join(" ");
      }
      return undefined;
    },
  };
}
