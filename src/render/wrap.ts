// Word wrapping for the terminal. wrap-ansi would do, but it loads string-width and emoji-regex,
// whose start-up (about 30 ms, a third of Node's own) every command paid; our text is sentences
// of words, coloured only with SGR codes, so visible width is the length without those codes.
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex
const SGR_ANY = /\u001b\[[0-9;]*m/;

// Most text has no colour in it (a pipe, NO_COLOR): its length is its width, with no pass to strip codes.
export const visibleLength = (text: string) => (text.includes("\u001b") ? text.replace(SGR, "").length : text.length);

/** Greedy wrap to `width` visible columns; words longer than a line are cut. Keeps existing newlines. */
export function wrap(text: string, width: number): string {
  const limit = Math.max(1, width);
  return text
    .split("\n")
    .map((paragraph) => {
      const lines: string[] = [];
      // The line's visible width is kept as it grows (a code never spans a space), not measured again per word.
      let line = "";
      let lineWidth = 0;
      for (let word of paragraph.split(" ")) {
        let wordWidth = visibleLength(word);
        if (wordWidth > limit) {
          if (line) lines.push(line);
          line = "";
          lineWidth = 0;
          // A word longer than a line is cut into line-long pieces in one pass (a 1 MB "word" in a
          // hand-edited case must not cost a pass per piece).
          if (!SGR_ANY.test(word)) {
            let at = 0;
            for (; word.length - at > limit; at += limit) lines.push(word.slice(at, at + limit));
            word = word.slice(at);
          } else {
            while (visibleLength(word) > limit) {
              lines.push(word.slice(0, limit));
              word = word.slice(limit);
            }
          }
          wordWidth = visibleLength(word);
        }
        if (line && lineWidth + 1 + wordWidth > limit) {
          lines.push(line);
          line = word;
          lineWidth = wordWidth;
        } else {
          lineWidth = line ? lineWidth + 1 + wordWidth : wordWidth;
          line = line ? `${line} ${word}` : word;
        }
      }
      lines.push(line);
      return lines.join("\n");
    })
    .join("\n");
}

/** Wrapped and indented: `first` before the first line, `rest` before the others. */
export function indent(text: string, width: number, first: string, rest = " ".repeat(visibleLength(first))): string {
  return wrap(text, width - visibleLength(first))
    .split("\n")
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join("\n");
}
