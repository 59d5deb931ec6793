/**
 * Solves the contact form's proof-of-work challenge (ALTCHA's format): finds `number` in
 * [0, maxnumber] such that hex(SHA-256(salt + number)) === challenge.
 *
 * It runs in a Web Worker built from a Blob, not from a file: hallway.js is served from the Hallway
 * server, and a page may only start workers from its own origin (a blob: URL is the page's).
 * Under Trusted Types its URL goes through a policy named `hallway`. A host page whose CSP forbids
 * blob: workers (`worker-src`, else `child-src`, else `script-src`) or that enforces Trusted Types
 * without allowing that policy gets the same search on the main thread, in slices of about 2 ms.
 * Both use crypto.subtle, so the page must be a secure context (https).
 */
import type { Challenge, ChallengeSolution } from '../../sdk/index.js';

/**
 * Searches [start, end) for the number whose hash is `target`, 64 hashes at a time.
 * It is also the worker's source (through `toString`): it may use only its arguments and globals.
 */
export async function searchRange(salt: string, target: string, start: number, end: number): Promise<number | null> {
  const encoder = new TextEncoder();
  const hex = (hash: ArrayBuffer) => Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
  for (let first = start; first < end; first += 64) {
    const numbers = Array.from({ length: Math.min(64, end - first) }, (_, index) => first + index);
    const hashes = await Promise.all(numbers.map((number) => crypto.subtle.digest('SHA-256', encoder.encode(salt + number))));
    const index = hashes.findIndex((hash) => hex(hash) === target);
    if (index >= 0) return numbers[index]!;
  }
  return null;
}

/** Answers `{ number }`, or `{ failed }` (an exception in a worker's promise never reaches `onerror`). */
const WORKER_SOURCE = `const searchRange = ${searchRange.toString()};
onmessage = async ({ data }) => {
  try {
    postMessage({ number: await searchRange(data.salt, data.challenge, 0, data.maxnumber + 1) });
  } catch (error) {
    postMessage({ failed: String(error) });
  }
};`;

type WorkerAnswer = { number: number | null } | { failed: string };

let workerUrl: string | undefined;

/** Where the search runs; `main-thread` when the page does not allow the worker. */
export type SolvedIn = 'worker' | 'main-thread';

export async function solveChallenge(challenge: Challenge, signal?: AbortSignal, onSolvedIn?: (where: SolvedIn) => void): Promise<ChallengeSolution> {
  let number: number | null;
  try {
    number = await searchInWorker(challenge, signal);
    onSolvedIn?.('worker');
  } catch (error) {
    if (signal?.aborted) throw error;
    number = await searchOnMainThread(challenge, signal);
    onSolvedIn?.('main-thread');
  }
  if (number === null) throw new Error('Hallway: the proof-of-work challenge has no solution.');
  const { algorithm, salt, signature } = challenge;
  return { algorithm, challenge: challenge.challenge, salt, number, signature };
}

/** Rejects when the worker cannot start (CSP, Trusted Types) or fails, so the caller can fall back. */
function searchInWorker({ salt, challenge, maxnumber }: Challenge, signal?: AbortSignal): Promise<number | null> {
  return new Promise((resolve, reject) => {
    workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    // Throws when the page's Trusted Types allow no `hallway` policy: the caller falls back.
    const worker = new Worker(trustedWorkerUrl(workerUrl));
    const finish = (settle: () => void) => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(signal!.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) =>
      finish(() => ('failed' in data ? reject(new Error(`Hallway: the proof-of-work worker failed: ${data.failed}`)) : resolve(data.number)));
    // A CSP that forbids blob: workers ends here too, asynchronously.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(() => reject(new Error('Hallway: the proof-of-work worker could not run.')));
    };
    worker.postMessage({ salt, challenge, maxnumber });
  });
}

interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): { createScriptURL(url: string): unknown };
}

let policy: ReturnType<TrustedTypePolicyFactory['createPolicy']> | undefined;

/**
 * Under Trusted Types a worker's URL must come from a policy: ours is named `hallway` and passes only
 * the blob: URL made above, so nothing else can use it to run a script.
 */
function trustedWorkerUrl(url: string): string {
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!trustedTypes) return url;
  policy ??= trustedTypes.createPolicy('hallway', {
    createScriptURL: (value) => {
      if (value !== workerUrl) throw new TypeError('Hallway: this policy only starts the proof-of-work worker.');
      return value;
    },
  });
  return policy.createScriptURL(url) as string; // a TrustedScriptURL, which Worker takes
}

/** The same search, giving the page back the main thread every ~2 ms so it never makes a long task. */
async function searchOnMainThread({ salt, challenge, maxnumber }: Challenge, signal?: AbortSignal): Promise<number | null> {
  let sliceStart = performance.now();
  for (let first = 0; first <= maxnumber; first += 64) {
    signal?.throwIfAborted();
    const found = await searchRange(salt, challenge, first, Math.min(first + 64, maxnumber + 1));
    if (found !== null) return found;
    if (performance.now() - sliceStart > 2) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  return null;
}

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
