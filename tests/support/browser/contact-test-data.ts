// Mock-API helpers for the contact tests (not part of the bundle): real, solvable challenges.
import { http, HttpResponse } from 'msw';
import type { Challenge, ChallengeSolution, ContactRequest } from '../../../src/sdk/index.js';
import { API } from './test-data.js';

export const CHALLENGE_URL = `${API}/v1/sites/acme/challenge`;
export const CONTACT_URL = `${API}/v1/sites/acme/people/:id/contact`;

export async function sha256Hex(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A challenge in ALTCHA's format whose answer is `number` (random by default), like the server's. */
export async function aChallenge(maxnumber = 500, number = Math.floor(Math.random() * (maxnumber + 1))): Promise<Challenge> {
  const salt = `${crypto.randomUUID().slice(0, 12)}?expires=${Math.floor(Date.now() / 1000) + 600}`;
  return { algorithm: 'SHA-256', challenge: await sha256Hex(salt + number), salt, maxnumber, signature: `signed-${salt}` };
}

/**
 * Checks a proof as the server does: it answers one of the challenges handed out (found by its salt:
 * a request still in flight from the previous test may have taken the first one) and the hash of
 * salt + number is that challenge.
 */
export async function solves(proof: ChallengeSolution, handedOut: Challenge[]): Promise<boolean> {
  const challenge = handedOut.find(({ salt }) => salt === proof.salt);
  return (
    challenge !== undefined &&
    proof.challenge === challenge.challenge &&
    proof.signature === challenge.signature &&
    (await sha256Hex(proof.salt + proof.number)) === challenge.challenge
  );
}

export interface ContactServer {
  /** Every challenge handed out, in order. */
  challenges: Challenge[];
  /** Every contact request received: the person's id and the JSON body. */
  requests: { personId: string; body: ContactRequest }[];
}

export interface ContactServerOptions {
  /** The contact response (default: 202 accepted); `count` is how many requests came before. */
  answer?: (count: number) => Response | Promise<Response>;
  /** Holds every challenge response until it settles. */
  challengeWait?: Promise<void>;
}

/** A mock of the challenge and contact endpoints that records what it hands out and receives. */
export function contactServer({ answer = accepted, challengeWait }: ContactServerOptions = {}) {
  const server: ContactServer = { challenges: [], requests: [] };
  const handlers = [
    http.get(CHALLENGE_URL, async () => {
      await challengeWait;
      const challenge = await aChallenge();
      server.challenges.push(challenge);
      return HttpResponse.json(challenge);
    }),
    http.post(CONTACT_URL, async ({ request, params }) => {
      server.requests.push({ personId: String(params.id), body: (await request.json()) as ContactRequest });
      return answer(server.requests.length - 1);
    }),
  ];
  return { server, handlers };
}

export const accepted = () => HttpResponse.json({ id: 'r1', status: 'pending_confirmation' }, { status: 202 });
