// Prompts that answer from a script, for flows driven without a terminal (after changesets' add
// tests): each question must be the next one the script expects, matched by its words, or the test
// fails there, naming the question nobody expected. A script left with answers fails it too.
import { expect } from "vitest";
import type { ChoiceQuestion, Message, Prompts, TextQuestion } from "../../../src/interview/prompts.js";

/** One expected question: words its prompt contains, and the answer to give (or a function that
 *  does something while the question waits, such as stopping the process, and gives it). */
export type Step = [question: string | RegExp, answer: string | boolean | (() => string | boolean)];

export interface Script extends Prompts {
  /** Every question asked, in order, as its words read once answered. */
  asked: string[];
  /** Fails when the script still holds answers nobody asked for. */
  done: () => void;
}

const plain = (text: string) => text.replace(/\s+/g, " ").trim();

export function scriptedAsk(steps: Step[]): Script {
  const queue = [...steps];
  const asked: string[] = [];
  const next = (message: Message, kind: string): string | boolean => {
    const words = plain(`${message.answered} ${message.asking}`);
    asked.push(plain(message.answered));
    const step = queue.shift();
    if (!step) throw new Error(`unexpected ${kind} question: "${words}" (the script has no more answers)`);
    const [question, answer] = step;
    const matches = typeof question === "string" ? words.includes(question) : question.test(words);
    if (!matches) throw new Error(`unexpected ${kind} question: "${words}" (the script expected ${String(question)})`);
    return typeof answer === "function" ? answer() : answer;
  };
  return {
    asked,
    text: async (q: TextQuestion) => {
      const answer = String(next(q.message, "text"));
      const verdict = q.validate(answer);
      if (verdict !== true) throw new Error(`the scripted answer "${answer}" was refused: ${verdict}`);
      return answer;
    },
    choice: async <T extends string>(q: ChoiceQuestion<T>) => {
      const answer = String(next(q.message, "choice"));
      const choice = q.choices.find((c) => c.value === answer);
      if (!choice) throw new Error(`the scripted answer "${answer}" is not one of the choices: ${q.choices.map((c) => c.value).join(", ")}`);
      return choice.value;
    },
    yesNo: async (message: Message) => {
      const answer = next(message, "yes-no");
      if (typeof answer !== "boolean") throw new Error(`a yes-no question needs true or false in the script, not "${answer}"`);
      return answer;
    },
    done: () => expect(queue, "answers the script still holds").toEqual([]),
  };
}
