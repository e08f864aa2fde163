/** Two rows reused across calls: matching compares thousands of pairs per import, allocation dominated. */
let previous = new Uint32Array(64);
let current = new Uint32Array(64);

/** Levenshtein distance (UTF-16 units), two rows of memory: names are short, so this stays cheap. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (previous.length <= b.length) {
    previous = new Uint32Array(b.length + 1);
    current = new Uint32Array(b.length + 1);
  }
  let prev = previous;
  let curr = current;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(
        (prev[j] as number) + 1,
        (curr[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] as number;
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
