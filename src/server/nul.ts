/**
 * PostgreSQL text cannot store a NUL character, and nothing a person types holds one: input with one
 * is refused as invalid before it reaches SQL, where it would fail as a 500.
 */
export const hasNul = (text: string) => text.includes('\0');

/** The path (`a.b.0`, or `body`) of the first string, value or key, holding a NUL in a parsed body. */
export function nulField(value: unknown): string | undefined {
  type At = { key: string; parent?: At } | undefined;
  const pathOf = (at: At) => {
    const keys: string[] = [];
    for (let step = at; step; step = step.parent) keys.unshift(step.key);
    return keys.join('.') || 'body';
  };
  // A loop, not recursion: bodies may nest thousands deep.
  const stack: [unknown, At][] = [[value, undefined]];
  while (stack.length) {
    const [item, at] = stack.pop()!;
    if (typeof item === 'string' && hasNul(item)) return pathOf(at);
    if (typeof item !== 'object' || item === null) continue;
    for (const [key, child] of Object.entries(item)) {
      if (hasNul(key)) return pathOf({ key, parent: at });
      stack.push([child, { key, parent: at }]);
    }
  }
  return undefined;
}
