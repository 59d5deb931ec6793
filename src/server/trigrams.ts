/**
 * pg_trgm's `similarity` and `word_similarity` (its default, non-strict form), computed in the server
 * so that a candidate's job title is scored against a site's listed titles in one pass, without the
 * database generating the query's trigrams again for every title. Inputs are folded already
 * (hw_fold: lower case, accents removed); trigrams.test.ts checks the results against pg_trgm itself.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** pg_trgm computes in float4: the same rounding keeps scores at a threshold on the same side. */
const ratio = (common: number, length1: number, length2: number) => Math.fround(common / (length1 + length2 - common));

/** Trigrams numbered as they are first seen, so that the loops below work on small integers. */
class Dictionary {
  private readonly ids = new Map<string, number>();
  private lastPosition = new Int32Array(256).fill(-1);
  private mark = new Uint8Array(256);

  /** The trigrams of each word padded as pg_trgm pads it ("  word "), in order, repeats kept. */
  trigrams(text: string): Trigrams {
    const positional: number[] = [];
    for (const [word] of text.matchAll(WORD)) {
      const chars = [...`  ${word} `];
      for (let i = 0; i + 3 <= chars.length; i++) positional.push(this.id(chars[i]! + chars[i + 1]! + chars[i + 2]!));
    }
    return { positional, unique: [...new Set(positional)] };
  }

  private id(trigram: string): number {
    let id = this.ids.get(trigram);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(trigram, id);
      if (id >= this.mark.length) this.grow();
    }
    return id;
  }

  private grow() {
    const size = this.mark.length * 2;
    const lastPosition = new Int32Array(size).fill(-1);
    lastPosition.set(this.lastPosition);
    const mark = new Uint8Array(size);
    mark.set(this.mark);
    [this.lastPosition, this.mark] = [lastPosition, mark];
  }

  /** similarity(a, b): shared trigrams over all trigrams of both. */
  similarity(a: Trigrams, b: Trigrams): number {
    if (a.unique.length === 0 || b.unique.length === 0) return 0;
    for (const id of a.unique) this.mark[id] = 1;
    let common = 0;
    for (const id of b.unique) common += this.mark[id]!;
    for (const id of a.unique) this.mark[id] = 0;
    return ratio(common, a.unique.length, b.unique.length);
  }

  /**
   * word_similarity(a, b): the best similarity between `a` and a continuous extent of `b` —
   * pg_trgm's iterate_word_similarity, step for step.
   */
  wordSimilarity(a: Trigrams, b: Trigrams): number {
    const found = this.mark;
    const lastPosition = this.lastPosition;
    const sequence = b.positional;
    const foundCount = a.unique.length;
    for (const id of a.unique) found[id] = 1;
    let extentUnique = 0;
    let count = 0;
    let lower = -1;
    let best = 0;
    for (let upper = 0; upper < sequence.length; upper++) {
      const id = sequence[upper]!;
      if (lower >= 0 || found[id]) {
        if (lastPosition[id]! < 0) {
          extentUnique++;
          count += found[id]!;
        }
        lastPosition[id] = upper;
      }
      if (!found[id]) continue;
      if (lower === -1) {
        lower = upper;
        extentUnique = 1;
      }
      let current = ratio(count, foundCount, extentUnique);
      // Moving the lower bound right may drop trigrams that were not found and raise the similarity.
      let tryCount = count;
      let tryUnique = extentUnique;
      const previousLower = lower;
      for (let tryLower = lower; tryLower <= upper; tryLower++) {
        const score = ratio(tryCount, foundCount, tryUnique);
        if (score > current) {
          current = score;
          extentUnique = tryUnique;
          lower = tryLower;
          count = tryCount;
        }
        const dropped = sequence[tryLower]!;
        if (lastPosition[dropped] === tryLower) {
          tryUnique--;
          tryCount -= found[dropped]!;
        }
      }
      best = Math.max(best, current);
      for (let dropLower = previousLower; dropLower < lower; dropLower++) {
        const dropped = sequence[dropLower]!;
        if (lastPosition[dropped] === dropLower) lastPosition[dropped] = -1;
      }
    }
    for (const id of sequence) lastPosition[id] = -1;
    for (const id of a.unique) found[id] = 0;
    return best;
  }
}

interface Trigrams {
  positional: number[];
  unique: number[];
}

/** pg_trgm's similarity(a, b) and word_similarity(a, b). */
export function trigramSimilarities(a: string, b: string): { similarity: number; wordSimilarity: number } {
  const dictionary = new Dictionary();
  const [first, second] = [dictionary.trigrams(a), dictionary.trigrams(b)];
  return { similarity: dictionary.similarity(first, second), wordSimilarity: dictionary.wordSimilarity(first, second) };
}

/**
 * How well each title fits the title a candidate looks at: either may be a few words longer than
 * the other ("Chef" / "Head Chef"), so the best of similarity and word similarity both ways.
 */
export function titleScores(job: string, titles: string[]): number[] {
  const dictionary = new Dictionary();
  const wanted = dictionary.trigrams(job);
  return titles.map((title) => {
    const listed = dictionary.trigrams(title);
    return Math.max(dictionary.similarity(listed, wanted), dictionary.wordSimilarity(wanted, listed), dictionary.wordSimilarity(listed, wanted));
  });
}
