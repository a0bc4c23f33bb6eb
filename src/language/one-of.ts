// Whether a word or tag is one of a few, listed where the code asks ("VBD VBN", "not never"). The
// tagger and the rules ask this of every word of a draft, and a regular expression written there
// (/^(VBD|VBN)$/) is a new object each time it is evaluated: some twenty megabytes of a long check's
// garbage. Each list's set is made once, on first use.

const sets = new Map<string, ReadonlySet<string>>();

/** Whether `word` is one of `list`'s space-separated words. */
export function oneOf(word: string, list: string): boolean {
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list.split(" "))));
  return set.has(word);
}

/** Whether `word` is `a` or `b`: the commonest lists are two tags ("NN NNS", "VBD VBN"), asked of
 *  hundreds of thousands of words. */
export const either = (word: string, a: string, b: string): boolean => word === a || word === b;
