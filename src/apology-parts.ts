// The three R's of an apology (domain/GUIDE.md), in speaking order: what every script says on every
// path, and what `coach check` looks for in a draft. A leaf: it imports nothing.
export const PARTS = ["regret", "responsibility", "remedy"] as const;
export type PartName = (typeof PARTS)[number];
