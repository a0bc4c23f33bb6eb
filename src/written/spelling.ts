// The playbooks are written in American spelling; an owner in Britain, Ireland, Australia or New
// Zealand sends "apologise" and "colour". Only the words coach's own texts use, whole words, case kept.
const US_TO_GB: Record<string, string> = {
  apologize: "apologise",
  apologized: "apologised",
  apologizing: "apologising",
  realize: "realise",
  realized: "realised",
  organize: "organise",
  organized: "organised",
  prioritize: "prioritise",
  color: "colour",
  colors: "colours",
  favor: "favour",
  favorite: "favourite",
  honor: "honour",
  behavior: "behaviour",
  neighbor: "neighbour",
  center: "centre",
  canceled: "cancelled",
  canceling: "cancelling",
  labeled: "labelled",
  traveled: "travelled",
  jewelry: "jewellery",
  gray: "grey",
};

const WORDS = new RegExp(`\\b(${Object.keys(US_TO_GB).join("|")})\\b`, "gi");

export function spell(text: string, spelling: "us" | "gb"): string {
  if (spelling === "us") return text;
  return text.replace(WORDS, (word) => {
    const gb = US_TO_GB[word.toLowerCase()]!;
    return word[0] === word[0]!.toUpperCase() ? gb[0]!.toUpperCase() + gb.slice(1) : gb;
  });
}
