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
  let source = "";
  let inClass = false;
  for (let i = 0; i < written.length; i++) {
    const char = written[i]!;
    if (char === "\\") {
      source += char + (written[i + 1] ?? "");
      i++;
    } else if (char === "[") {
      inClass = true;
      source += char;
    } else if (char === "]") {
      inClass = false;
      source += char;
    } else if (char === " " && !inClass) {
      // " ?" and " *" keep their meaning: optional whitespace.
      const quantifier = written[i + 1];
      if (quantifier === "?" || quantifier === "*") i++;
      source += quantifier === "?" || quantifier === "*" ? "\\s*" : "\\s+";
    } else {
      source += char;
    }
  }
  return source.replaceAll("(?<hit>", `(?<hit${index}>`);
}

/** Patterns joined into one expression that matches whole words only. The edges are checked once
 *  for the whole alternation, not once per pattern: that halves the time on a long draft. */
export function wholeWords(sources: string[]): string {
  return `(?<![\\w'])(?:${sources.join("|")})(?!\\w)`;
}

/** Exact words as a pattern: any case, any spacing. */
export function phrasePattern(phrase: string): string {
  return phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, " ");
}
