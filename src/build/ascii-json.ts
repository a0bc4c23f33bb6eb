// The build's compiled data as JSON every byte of which is ASCII: a letter outside it ("—", "’", "£")
// written as \uXXXX. Node reads an ASCII file into a string several times faster than one with a
// few such letters in it (dist/rules.json, 450 kB: 8 ms against under 2), and every command reads some.
export const asciiJson = (value: unknown): string => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
