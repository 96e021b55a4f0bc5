import { closest, distance } from 'fastest-levenshtein';

/**
 * The closest known name to a misspelt one, or undefined when nothing is close enough to be a
 * plausible typo (so we never suggest something unrelated). An abbreviation ("prod" for
 * "production") counts as close.
 */
export function didYouMean(wrong: string, known: Iterable<string>): string | undefined {
  const candidates = [...known];
  if (candidates.length === 0) return undefined;
  const lower = wrong.toLowerCase();
  if (lower.length >= 3) {
    const extended = candidates.filter((c) => c.toLowerCase().startsWith(lower));
    if (extended.length > 0) return closest(wrong, extended);
  }
  const best = closest(wrong, candidates);
  const limit = Math.max(2, Math.floor(Math.max(wrong.length, best.length) / 3));
  return distance(lower, best.toLowerCase()) <= limit ? best : undefined;
}

export const suggestion = (wrong: string, known: Iterable<string>): string => {
  const hit = didYouMean(wrong, known);
  return hit === undefined ? '' : ` Did you mean '${hit}'?`;
};
