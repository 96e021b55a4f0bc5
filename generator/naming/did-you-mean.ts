import { closest, distance } from 'fastest-levenshtein';

/**
 * The closest known name to a misspelt one, or undefined when nothing is close enough
 * to be a plausible typo (so we never suggest something unrelated).
 */
export function didYouMean(wrong: string, known: Iterable<string>): string | undefined {
  const candidates = [...known];
  if (candidates.length === 0) return undefined;
  const best = closest(wrong, candidates);
  const limit = Math.max(2, Math.floor(Math.max(wrong.length, best.length) / 3));
  if (distance(wrong.toLowerCase(), best.toLowerCase()) <= limit) return best;
  // A name that differs only by a prefix/suffix ("strategy" vs "strategies") is still a good hint.
  if (best.startsWith(wrong) || wrong.startsWith(best)) return best;
  return undefined;
}

export const suggestion = (wrong: string, known: Iterable<string>): string => {
  const hit = didYouMean(wrong, known);
  return hit === undefined ? '' : ` Did you mean '${hit}'?`;
};
