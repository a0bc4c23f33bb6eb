// The rule pack's pattern dialect, so rules read like the words they catch:
// - JavaScript regular expressions, matched without regard to case;
// - a pattern matches whole words only (the engine adds the word edges);
// - a space matches any run of whitespace, line breaks included (drafts are wrapped); " ?" makes it optional;
// - the draft's curly apostrophes are read as straight ones, so write "we'll";
// - (?<hit>…) marks the words to point at, when the match needs context around them.

/** A pattern as a regular expression source, without its word edges (see `wholeWords`); `index`
 *  keeps its hit group's name unique when patterns are joined. */
export function patternSource(pattern: string, index: number): string {
  const written = pattern.replace(/[\u2018\u2019]/g, "'");
  // Escapes and [classes] stay as written; a space elsewhere is any whitespace, " ?" and " *" optional.
  const source = written.replace(SPACES, (found) => (found[0] === "\\" || found[0] === "[" ? found : found.length > 1 ? "\\s*" : "\\s+"));
  return source.replaceAll("(?<hit>", `(?<hit${index}>`);
}

const SPACES = /\\[\s\S]?|\[(?:\\[\s\S]?|[^\]\\])*\]?| [?*]?/g;

/** Patterns joined into one expression that matches whole words only. The edges are checked once
 *  for the whole alternation, not once per pattern: that halves the time on a long draft. */
export function wholeWords(sources: string[]): string {
  return `(?<![\\w'])(?:${sources.join("|")})(?!\\w)`;
}

/** Exact words as a pattern: any case, any spacing. */
export function phrasePattern(phrase: string): string {
  return phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, " ");
}
