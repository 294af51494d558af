/**
 * Fuzzy word matching for the command palette, like DataGrip's Go to: every word typed must be
 * found in the label — as a word prefix (best), inside a word, or as letters in order within one
 * word ("tkts" in "tickets") — in any order. "theme dark" finds "Theme: dark", "tickets" finds
 * both "ticketing.tickets" and "Go to Tickets". Higher scores sort first; null: no match.
 */
export function matchScore(query: string, label: string): number | null {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const target = label.toLowerCase();
  const parts = target.split(/[^\p{L}\p{N}_$]+/u).filter(Boolean);
  let score = 0;
  for (const w of words) {
    const best = Math.max(...parts.map((p) => wordScore(w, p)), target.includes(w) ? 2 : -1);
    if (best < 0) return null;
    score += best;
  }
  // Shorter labels (closer matches) first among equals.
  return score * 100 - Math.min(label.length, 99);
}

function wordScore(typed: string, part: string): number {
  if (part === typed) return 5;
  if (part.startsWith(typed)) return 4;
  if (part.includes(typed)) return 2;
  return inOrder(typed, part) ? 1 : -1;
}

function inOrder(typed: string, part: string): boolean {
  let at = 0;
  for (const ch of typed) {
    at = part.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return typed.length >= 2 && part.startsWith(typed[0]!);
}

/** Items that match, best first (stable for equal scores). */
export function rankMatches<T extends { label: string }>(items: readonly T[], query: string): T[] {
  return items
    .map((item, i) => ({ item, i, score: matchScore(query, item.label) }))
    .filter((x): x is { item: T; i: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.item);
}
