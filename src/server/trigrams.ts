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

  /**
   * The trigrams of each word padded as pg_trgm pads it ("  word "), in order, repeats kept. With
   * `unknown`, trigrams not in the dictionary are numbered after it, in that map, and not added.
   */
  trigrams(text: string, unknown?: Map<number | string, number>): Trigrams {
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
        positional.push(this.id(first, second, point, unknown));
        first = second;
        second = point;
      } else if (inWord) {
        positional.push(this.id(first, second, SPACE, unknown));
        inWord = false;
      }
    }
    if (inWord) positional.push(this.id(first, second, SPACE, unknown));
    return { positional, unique: this.distinct(positional) };
  }

  private distinct(ids: number[]): number[] {
    const unique = ids.filter((id) => !this.mark[id] && (this.mark[id] = 1));
    for (const id of unique) this.mark[id] = 0;
    return unique;
  }

  /** A trigram's number here, keyed by its code points: packed in a small integer when they are below 1024. */
  private id(first: number, second: number, third: number, unknown?: Map<number | string, number>): number {
    const trigram = (first | second | third) < 1024 ? (first << 20) | (second << 10) | third : `${first} ${second} ${third}`;
    let id = this.ids.get(trigram) ?? unknown?.get(trigram);
    if (id === undefined) {
      id = this.ids.size + (unknown?.size ?? 0);
      (unknown ?? this.ids).set(trigram, id);
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
 * A fixed list of titles (a site's listed titles, kept while they do not change) scored against one
 * job after another. Each title's trigrams are read once; a job is scored exactly only against the
 * titles sharing one of its trigrams, through an index of them (a title sharing none scores 0, and
 * cannot reach a positive threshold); a job's trigrams are looked up, never added, so scoring many
 * jobs does not grow the dictionary.
 */
export class TitleScorer {
  private readonly dictionary = new Dictionary();
  private readonly listed: Trigrams[];
  private readonly titlesOf = new Map<number, number[]>();
  private readonly common: Int32Array;

  constructor(readonly titles: readonly string[]) {
    this.listed = titles.map((title) => this.dictionary.trigrams(title));
    this.listed.forEach((trigrams, i) => {
      for (const id of trigrams.unique) {
        const holders = this.titlesOf.get(id);
        if (holders) holders.push(i);
        else this.titlesOf.set(id, [i]);
      }
    });
    this.common = new Int32Array(titles.length);
  }

  /**
   * How well each title fits `job` (folded): either may be a few words longer than the other ("Chef" /
   * "Head Chef"), so the best of similarity and word similarity both ways. The titles scoring at least
   * `threshold`, in list order; when none does, every title (a fallback list is still ranked by closeness).
   */
  score(job: string, threshold: number): { title: string; score: number }[] {
    const wanted = this.dictionary.trigrams(job, new Map());
    const sharing = this.sharing(wanted);
    const scores = new Map<number, number>();
    const scoreOf = (index: number) => scores.get(index) ?? scores.set(index, this.exact(index, wanted)).get(index)!;
    const reaching = threshold <= 0 ? [] : sharing.filter(({ index, bound }) => bound >= threshold && scoreOf(index) >= threshold).map(({ index }) => index);
    if (reaching.length > 0) return reaching.map((index) => ({ title: this.titles[index]!, score: scoreOf(index) }));
    // Every title: those sharing no trigram score 0 by every measure.
    const shared = new Set(sharing.map(({ index }) => index));
    return this.titles.map((title, index) => ({ title, score: shared.has(index) ? scoreOf(index) : 0 }));
  }

  /** The indexes of the titles reaching `threshold` (> 0) for `job` (folded), ascending. */
  reaching(job: string, threshold: number): number[] {
    const wanted = this.dictionary.trigrams(job, new Map());
    return this.sharing(wanted)
      .filter(({ index, bound }) => bound >= threshold && this.exact(index, wanted) >= threshold)
      .map(({ index }) => index);
  }

  /** The titles sharing a trigram with `wanted`, ascending, each with the most any measure can give it. */
  private sharing(wanted: Trigrams): { index: number; bound: number }[] {
    const common = this.common;
    const touched: number[] = [];
    for (const id of wanted.unique) for (const i of this.titlesOf.get(id) ?? []) if (common[i]!++ === 0) touched.push(i);
    return touched
      .sort((a, b) => a - b)
      .map((index) => {
        // No measure exceeds the shared trigrams over the shorter set.
        const bound = common[index]! / Math.min(this.listed[index]!.unique.length, wanted.unique.length);
        common[index] = 0;
        return { index, bound };
      });
  }

  private exact(index: number, wanted: Trigrams): number {
    const trigrams = this.listed[index]!;
    const dictionary = this.dictionary;
    return Math.max(dictionary.similarity(trigrams, wanted), dictionary.wordSimilarity(wanted, trigrams), dictionary.wordSimilarity(trigrams, wanted));
  }
}

/** `TitleScorer.score` for one job. */
export function scoreTitles(job: string, titles: string[], threshold: number): { title: string; score: number }[] {
  return new TitleScorer(titles).score(job, threshold);
}

/**
 * `scoreTitles` for many jobs at once (the workspace's coverage): for each job, the indexes of the
 * titles reaching `threshold` (> 0), none when none does.
 */
export function titlesReaching(jobs: string[], titles: string[], threshold: number): number[][] {
  const scorer = new TitleScorer(titles);
  return jobs.map((job) => scorer.reaching(job, threshold));
}
