/**
 * pg_trgm's `similarity` and `word_similarity` (its default, non-strict form), computed in the server
 * so that a candidate's job title is scored against a site's listed titles in one pass, without the
 * database generating the query's trigrams again for every title. Inputs are folded already
 * (hw_fold: lower case, accents removed); trigrams.test.ts checks the results against pg_trgm itself.
 */

const SPACE = 0x20;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Letters and digits make words (pg_trgm's alphanumerics); ASCII is decided without a regex. */
function isWordCharacter(point: number): boolean {
  if (point < 0x80) return (point >= 0x61 && point <= 0x7a) || (point >= 0x30 && point <= 0x39) || (point >= 0x41 && point <= 0x5a);
  return WORD_CHARACTER.test(String.fromCodePoint(point));
}

/** pg_trgm computes in float4: the same rounding keeps scores at a threshold on the same side. */
const ratio = (common: number, length1: number, length2: number) => Math.fround(common / (length1 + length2 - common));

/** Trigrams numbered as they are first seen, so that the loops below work on small integers. */
class Dictionary {
  private readonly ids = new Map<number | string, number>();
  private lastPosition = new Int32Array(256).fill(-1);
  private mark = new Uint8Array(256);

  /** The trigrams of each word padded as pg_trgm pads it ("  word "), in order, repeats kept. */
  trigrams(text: string): Trigrams {
    const positional: number[] = [];
    let first = SPACE;
    let second = SPACE;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      if (isWordCharacter(point)) {
        if (!inWord) {
          first = second = SPACE;
          inWord = true;
        }
        positional.push(this.id(first, second, point));
        first = second;
        second = point;
      } else if (inWord) {
        positional.push(this.id(first, second, SPACE));
        inWord = false;
      }
    }
    if (inWord) positional.push(this.id(first, second, SPACE));
    return { positional, unique: this.distinct(positional) };
  }

  private distinct(ids: number[]): number[] {
    const unique = ids.filter((id) => !this.mark[id] && (this.mark[id] = 1));
    for (const id of unique) this.mark[id] = 0;
    return unique;
  }

  /** A trigram's number here, keyed by its code points: packed in a small integer when they are below 1024. */
  private id(first: number, second: number, third: number): number {
    const trigram = (first | second | third) < 1024 ? (first << 20) | (second << 10) | third : `${first} ${second} ${third}`;
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

  /** How many distinct trigrams `a` and `b` share. */
  common(a: Trigrams, b: Trigrams): number {
    for (const id of a.unique) this.mark[id] = 1;
    let common = 0;
    for (const id of b.unique) common += this.mark[id]!;
    for (const id of a.unique) this.mark[id] = 0;
    return common;
  }

  /** similarity(a, b): shared trigrams over all trigrams of both. */
  similarity(a: Trigrams, b: Trigrams): number {
    if (a.unique.length === 0 || b.unique.length === 0) return 0;
    return ratio(this.common(a, b), a.unique.length, b.unique.length);
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
 * How well listed titles fit the title a candidate looks at: either may be a few words longer than
 * the other ("Chef" / "Head Chef"), so the best of similarity and word similarity both ways.
 * Returns the titles scoring at least `threshold`; when none does, every title (a fallback list is
 * still ranked by closeness). A title sharing too few trigrams to reach `threshold` is not scored
 * exactly unless it has to be: that is most titles, and most of the work.
 */
export function scoreTitles(job: string, titles: string[], threshold: number): { title: string; score: number }[] {
  const dictionary = new Dictionary();
  const wanted = dictionary.trigrams(job);
  const listed = titles.map((title) => dictionary.trigrams(title));
  const score = (i: number) => {
    const trigrams = listed[i]!;
    return Math.max(dictionary.similarity(trigrams, wanted), dictionary.wordSimilarity(wanted, trigrams), dictionary.wordSimilarity(trigrams, wanted));
  };
  const reaching: { title: string; score: number }[] = [];
  titles.forEach((title, i) => {
    // No measure exceeds the shared trigrams over the shorter set.
    const bound = dictionary.common(listed[i]!, wanted) / Math.min(listed[i]!.unique.length, wanted.unique.length);
    if (bound < threshold) return;
    const exact = score(i);
    if (exact >= threshold) reaching.push({ title, score: exact });
  });
  return reaching.length > 0 ? reaching : titles.map((title, i) => ({ title, score: score(i) }));
}

/**
 * `scoreTitles` for many jobs at once (the workspace's coverage): for each job, the indexes of the
 * titles reaching `threshold`, none when none does. Each title's trigrams are read once for all
 * jobs, and a job is scored only against the titles sharing one of its trigrams (found through an
 * index of them): a title sharing none cannot reach a positive threshold.
 */
export function titlesReaching(jobs: string[], titles: string[], threshold: number): number[][] {
  const dictionary = new Dictionary();
  const listed = titles.map((title) => dictionary.trigrams(title));
  const titlesOf = new Map<number, number[]>();
  listed.forEach((trigrams, i) => {
    for (const id of trigrams.unique) {
      const holders = titlesOf.get(id);
      if (holders) holders.push(i);
      else titlesOf.set(id, [i]);
    }
  });
  const common = new Int32Array(titles.length);
  return jobs.map((job) => {
    const wanted = dictionary.trigrams(job);
    const touched: number[] = [];
    for (const id of wanted.unique) for (const i of titlesOf.get(id) ?? []) if (common[i]!++ === 0) touched.push(i);
    const reaching = touched.filter((i) => {
      const trigrams = listed[i]!;
      // No measure exceeds the shared trigrams over the shorter set.
      const bound = common[i]! / Math.min(trigrams.unique.length, wanted.unique.length);
      common[i] = 0;
      if (bound < threshold) return false;
      return Math.max(dictionary.similarity(trigrams, wanted), dictionary.wordSimilarity(wanted, trigrams), dictionary.wordSimilarity(trigrams, wanted)) >= threshold;
    });
    return reaching.sort((a, b) => a - b);
  });
}
