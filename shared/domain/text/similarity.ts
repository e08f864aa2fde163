/** Levenshtein distance, two rows of memory: names are short, so this stays cheap. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** 1 for equal strings, 0 for nothing in common; relative to the longer string. */
export function editSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/**
 * Dice coefficient over word tokens where two tokens count as shared when they are nearly equal,
 * so a one-letter typo in a name does not sink the whole comparison.
 */
export function softTokenDice(a: readonly string[], b: readonly string[], tokenThreshold = 0.75): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const unused = [...b];
  let shared = 0;
  for (const token of a) {
    let best = -1;
    let bestScore = tokenThreshold;
    unused.forEach((candidate, index) => {
      const score = editSimilarity(token, candidate);
      if (score >= bestScore) {
        best = index;
        bestScore = score;
      }
    });
    if (best >= 0) {
      shared++;
      unused.splice(best, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
