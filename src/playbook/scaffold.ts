// A new user playbook: a few answers (title, what usually goes wrong, the usual fix) → a complete,
// commented YAML file that validates and runs at once, for the owner to edit into their own words.
// Pure: it writes nothing; `coach playbook new` checks the text loads before it writes it.
import type { Channel } from "./schema.js";

export interface ScaffoldAnswers {
  title: string;
  /** What usually goes wrong, as a sentence starting with "we". */
  problem: string;
  /** The usual fix, as the owner would finish "We will …". */
  remedy: string;
  channel: Channel;
}

export type ScaffoldField = "title" | "problem" | "remedy";

export const titleFromId = (id: string) => {
  const words = id.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** What someone typed → the text the scaffold uses, or why it cannot be used. */
export function cleanScaffoldAnswer(field: ScaffoldField, raw: string): { value: string } | { error: string } {
  let text = raw.trim().replace(/\s+/g, " ");
  if (!text) return { error: "needs a few words" };
  if (/\{\{|\}\}/.test(text)) return { error: "leave out '{{' and '}}': they are for template variables" };
  const max = field === "title" ? 80 : 200;
  if (text.length > max) return { error: `keep it under ${max} characters` };
  if (field === "remedy") text = text.replace(/^we(?: will|'ll|’ll)\s+/i, "");
  if (field !== "title") text = lowerFirst(text.replace(/[.!\s]+$/, ""));
  return text ? { value: text } : { error: "needs a few words" };
}

/** Lower-case the first letter unless the word is an acronym or a name in capitals ("UPS"). */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z'’ ]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + ".";

/** A double-quoted YAML scalar: JSON's quoting is valid YAML and escapes whatever was typed. */
const q = (text: string) => JSON.stringify(text);

export function scaffoldPlaybook(id: string, a: ScaffoldAnswers, schemaUrl: string): string {
  return `# yaml-language-server: $schema=${schemaUrl}
#
# ${a.title}: your own playbook, started by \`coach playbook new\`. Every line below already
# works. Change the words until they sound like you and your business, then check and try it:
#   coach playbook validate ${id}
#   coach run ${id}
# The field reference is in the README, under "Write your own playbook".
# Template text names answers as {{id}}; every id must be a question below.

id: ${id}
title: ${q(a.title)}
# One line that \`coach list\` shows under the title.
summary: ${q(sentence(a.problem))}
# The channel you recommend: in-person | video | phone | email. In person beats a call, and a
# call beats email. Add a channelNote to say why this channel suits this situation.
channel: ${a.channel}

# The checklist before the call: settle yourself first, then gather the facts.
prepare:
  - "Settle yourself before you make contact. Take a short walk or write down what you feel, then put it aside."
  - "Remember: they care what you will do, not how you feel about it."
  - "Gather the facts: what they ordered, what you promised and when, and what actually happened."
  - "Know your fix before you call, and the earliest date you can really keep."
  # Add what only your business knows: where to find the order, who to ask, what you may offer.

# The interview, asked in this order. Keep the shared ids (customer, their_word, what_happened,
# impact, fair, decision, remedy, remedy_date, gesture) so every playbook asks alike.
# type: text (the default) | choice | date | yes-no. A default is offered in the interview and
# used without a terminal; required: false lets a question be skipped; when: asks it only on a path.
questions:
  - id: customer
    prompt: "What will you call them? (e.g. 'Ms. Diaz')"
    why: Use the name they'd use themselves.
  - id: their_word
    prompt: "Their own word for how this has been, to fit 'this has been ___ for you' (e.g. 'frustrating')"
    why: "Use their word, not yours: it shows you heard them."
  - id: what_happened
    prompt: ${q(`What went wrong, in one plain sentence starting with 'we' (e.g. '${a.problem}')`)}
    why: "Say who did what. 'We sent it late' is honest; 'there was a delay' sounds like hiding."
  - id: impact
    prompt: "What it cost them, as you'd say it to them (e.g. 'you had to explain it to your boss')"
    why: Naming the cost to them shows you understand why it matters.
  - id: fair
    prompt: "What did they say would be fair? (e.g. 'a refund', 'a fix by Friday')"
    why: Ask them straight out. It's often less than you fear.
  - id: decision
    prompt: Can you give them what they asked for?
    why: Pick the path before the call, so you don't decide under pressure.
    type: choice
    choices:
      - value: grant
        label: "Grant it: it's easy, so say yes"
      - value: gather
        label: "Gather the facts first, and come back by a date"
      - value: counter
        label: "Counter: it's out of the question, so explain and offer a compromise"
  - id: remedy
    prompt: "What you'll do about it now, as you'd finish 'We will …'"
    why: A concrete fix with a date turns an apology into a plan.
    default: ${q(a.remedy)}
  - id: remedy_date
    prompt: When will that be done?
    why: Give a date you can keep. Missing a second date costs more than a later one now.
    type: date
    default: in 2 days
  - id: callback_date
    prompt: By when will you come back with your answer on their request?
    why: "A dated promise turns 'we'll look into it' into a commitment."
    type: date
    default: in 2 days
    when: { decision: gather }
  - id: process
    prompt: "Why you can't agree to it, as one calm sentence about how things work"
    why: Explain how things work, not their mistake.
    when: { decision: counter }
  - id: compromise
    prompt: "What you can offer instead, as you'd finish 'We will …'"
    why: Meet them partway. A fix they can accept beats being right.
    when: { decision: counter }
  - id: gesture
    prompt: "A small thank-you to send a week after the fix (optional; e.g. '10% off the next order')"
    why: A small thank-you after the fix brings people back.
    required: false

# What you say, in speaking order. Regret, responsibility and remedy are said on every path of
# the decision; when: includes a part only on some paths; a note coaches you and is not read out.
script:
  - part: opening
    note: Listen first. Let them say everything, take notes, and don't argue or explain yet.
    text: "{{customer}}, thank you for talking with me. I want to hear all of it first. Go ahead."
  - part: regret
    text: "I'm sorry this has been {{their_word}} for you, {{customer}}."
  - part: responsibility
    text: "Here's what went wrong: {{what_happened}}. That's on us. And I understand what it meant for you: {{impact}}."
  - part: ask
    note: Ask, then stop talking.
    text: What would feel fair to you?
  - part: grant
    when: { decision: grant }
    text: "You asked for {{fair}}. That's fair, and the answer is yes."
  - part: gather
    when: { decision: gather }
    text: "You asked for {{fair}}. First I'll hear from my team; that's only fair to them. You'll have my answer by {{callback_date}}."
  - part: counter
    when: { decision: counter }
    note: Say it warmly. Then listen; when they have a point, say so and adjust your offer.
    text: "I understand why you're asking for {{fair}}. I can't agree to that, and I want to be straight with you about why: {{process}}. Tell me how you see it."
  - part: remedy
    when: { decision: [grant, gather] }
    text: "Here's what happens now. We will {{remedy}}, and it will be done by {{remedy_date}}. I'll call you that day to check it's right."
  - part: remedy
    when: { decision: counter }
    text: "Here's what I can offer. We will {{compromise}}. And we will {{remedy}}, done by {{remedy_date}}. I'll call you that day to check it's right."
  - part: close
    text: "Thank you for telling me straight, {{customer}}. You have my direct number; call me with anything."

# Lines for the hard moments: acknowledge | boundary | warning | escalate | exit | setback | pushback.
# Agree them with your partner or manager, then practice them out loud.
lines:
  - moment: acknowledge
    note: While they're still venting. Then let them carry on.
    text: "You're right to be upset, {{customer}}. You counted on us."
  - moment: setback
    note: When the fix runs late. Tell them before they find out.
    text: "I owe you an update. The fix won't be done on the date I gave you. Here's the new date, and I'll call you the day it's done."
  - moment: boundary
    note: When it turns into shouting or insults. Say it once, calmly, then go back to the fix.
    text: "{{customer}}, I want to fix this with you, and I can't while we're shouting. Let's take it one step at a time."
  - moment: exit
    note: When it stays heated after the boundary line. Say it once, then say goodbye.
    text: "{{customer}}, I'm going to stop here for today. I'll call you tomorrow morning, and we'll work through it calmly then."

# Dated follow-ups, with the customer or with your team. from: today (the default) or a date
# question; days: counted from there.
followUps:
  - with: team
    action: "Tell the team what you promised {{customer}}, word for word: 'We will {{remedy}}.' Done by {{remedy_date}}."
  - with: customer
    from: callback_date
    when: { decision: gather }
    action: "Call {{customer}} with your answer on {{fair}}, as promised."
  - with: customer
    from: remedy_date
    action: "Call {{customer}} to check the fix is done and right."
  - with: team
    from: remedy_date
    days: 2
    review: true
    action: "Lessons learned with the team: what was missed with {{customer}}, why, and what changes in how we work."
  - with: customer
    from: remedy_date
    days: 7
    action: "Thank {{customer}} for sticking with you: a short call or a note. No survey."
  - with: customer
    from: remedy_date
    days: 7
    when: gesture
    action: "With the thank-you, offer {{customer}} a goodwill gesture: {{gesture}}."

# Drills for \`coach rehearse\`: what the customer says, your goal, model replies to practice, and
# what a reply must do to pass (\`must\`: each part of the goal, and words that show it; read by
# meaning, so "ring you" counts as "call you"). A drill without \`must\` cannot be passed.
drills:
  - id: own-it
    customer: "I can't believe this happened. What are you going to do about it?"
    goal: Say sorry, own it with 'we', and name the fix with a date.
    model:
      - ${q(`You're right to be upset, and I'm sorry. ${sentence(a.problem)} We will ${a.remedy}, by Friday, and I'll call you that day.`)}
    must:
      - { label: "say sorry", any: ["sorry", "apologi*"] }
      - { label: "own it with 'we'", any: ["on us", "our mistake", "our fault"] }
      - { label: "name the fix with a date", any: [today, tomorrow, by, within] }
  - id: all-for-free
    customer: "After this, I want it all for free."
    goal: Show you understand why they ask, say what you can do, and offer a compromise with a date.
    model:
      - ${q(`I understand why you'd ask; we caused you real trouble. I can't give it all away. What I can do is ${a.remedy}, by Friday.`)}
    must:
      - { label: "show you understand why they ask", any: ["understand", "I see why", "fair question"] }
      - { label: "offer what you can instead", any: ["what I can do", "I can offer", "instead"] }
      - { label: "give a date", any: [today, tomorrow, by, within] }

# Your customer for \`coach rehearse <id> --spar\`: what they say at each stage of the call by how hot
# they are (cool 0-3, warm 4-6, hot 7-10), what they say back to a fault, and how it ends.
spar:
  heat: 6
  stages:
    - id: vent
      goal: Say sorry, and invite them to tell you what happened.
      must:
        - { label: "say sorry or show you understand", any: ["sorry", "understand"] }
        - { label: "invite them to say more", any: ["tell me", "go ahead", "walk me through"] }
      model: "I'm sorry. Tell me what happened, from the start; I'm taking notes."
      customer:
        cool: "I'm calling about my order. Something's gone wrong."
        warm: "I can't believe this happened. I want to know what's going on."
        hot: "This is a disgrace! What on earth is going on?"
    - id: fault
      drill: own-it
      customer:
        cool: "So what went wrong?"
        warm: "So whose fault is this?"
        hot: "And don't you dare blame anyone else. Whose fault is this?"
    - id: demand
      drill: all-for-free
      customer:
        cool: "What can you do for me?"
        warm: "After this, I want it all for free."
        hot: "After all this, I want it all for free. Today."
  reactions:
    fault: "That's not good enough."
    insult: "Don't talk down to me."
    argue: "So it's my fault now?"
    excuse: "I don't want excuses."
    missed: "That's not an answer."
  ends:
    resolved: "All right. Thank you for sorting it out."
    hangUp: "Forget it. I'm taking my business elsewhere."
    exit: "Fine. Goodbye."

perspective: "In six months this will be a memory, or the day you got better at it."
`;
}
