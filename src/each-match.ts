// Every match of a global expression in a text, as matchAll() finds them, on the expression itself:
// matchAll() makes a copy of the expression and an iterator on every call, and a long draft is read
// a piece at a time (its sentences split and each rule's expression run once per piece).

/** Calls `visit` with each match of `regex` (it must have the g flag) in `text`, in order; an empty
 *  match moves on one character, as matchAll() does. `regex.lastIndex` is 0 before and after, and
 *  `visit` may use the same expression. */
export function eachMatch(regex: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0] === "") regex.lastIndex++;
    const next = regex.lastIndex;
    visit(match);
    regex.lastIndex = next;
  }
  regex.lastIndex = 0;
}
