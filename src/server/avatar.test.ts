import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AVATAR_PALETTE, avatarColor, avatarSvg, escapeXml, initialsOf } from './avatar.ts';

/** The text content of the avatar's <text> element, still escaped. */
function textOf(svg: string): string {
  const match = /<text[^>]*>([^<]*)<\/text>/.exec(svg);
  assert.ok(match, `no <text> in ${svg}`);
  return match[1]!;
}

function fillOf(svg: string): string {
  const match = /<rect [^>]*fill="(#[0-9a-f]{6})"/.exec(svg);
  assert.ok(match, `no background fill in ${svg}`);
  return match[1]!;
}

/** Every tag in the document is one of ours: no markup smuggled in through the name. */
function assertOnlyOurTags(svg: string): void {
  const tags = [...svg.matchAll(/<\/?([^\s/>]+)/g)].map((m) => m[1]);
  assert.deepEqual(tags, ['svg', 'rect', 'text', 'text', 'svg']);
  // No raw quote or bracket can have closed an attribute or the text node early.
  assert.equal(svg.match(/</g)?.length, 5);
  assert.equal(svg.match(/>/g)?.length, 5);
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

test('initials: first letters of the first two words, upper-cased', () => {
  assert.equal(initialsOf('Amelia C.'), 'AC');
  assert.equal(initialsOf('amelia clarke jones'), 'AC');
  assert.equal(initialsOf('  Cher  '), 'C');
  assert.equal(initialsOf('Jean-Luc P.'), 'JP');
  assert.equal(initialsOf('(Sam) o’Brien'), 'SO');
});

test('initials are Unicode-aware', () => {
  assert.equal(initialsOf('élodie C.'), 'ÉC');
  // Decomposed "É" (E + combining acute) stays one initial, composed.
  assert.equal(initialsOf('E\u0301lodie Caron'), 'ÉC');
  assert.equal(initialsOf('Łukasz Żak'), 'ŁŻ');
  assert.equal(initialsOf('Σοφία Π.'), 'ΣΠ');
  assert.equal(initialsOf('Мария И.'), 'МИ');
  assert.equal(initialsOf('𝓐lex B.'), '𝓐B');
  assert.equal(initialsOf('李 小龙'), '李小');
  assert.equal(initialsOf('🙂 Sam'), 'S');
});

test("initials are '?' when there is nothing to draw", () => {
  assert.equal(initialsOf(''), '?');
  assert.equal(initialsOf('   '), '?');
  assert.equal(initialsOf('… !!'), '?');
  assert.equal(textOf(avatarSvg('', 'seed')), '?');
});

test('the SVG is a 96×96 standalone document with the initials', () => {
  const svg = avatarSvg('Amelia C.', 'person-1');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 96 96"/);
  assert.match(svg, /<\/svg>$/);
  assert.equal(textOf(svg), 'AC');
  assert.match(svg, /<text [^>]*fill="#ffffff"/);
  assertOnlyOurTags(svg);
});

test('deterministic: same name and seed give the same bytes', () => {
  assert.equal(avatarSvg('Amelia C.', 'person-1'), avatarSvg('Amelia C.', 'person-1'));
  assert.equal(avatarColor('person-1'), avatarColor('person-1'));
});

test('the seed picks the colour, the name does not', () => {
  assert.equal(fillOf(avatarSvg('Amelia C.', 'person-1')), fillOf(avatarSvg('Someone Else', 'person-1')));
  const colours = new Set(Array.from({ length: 50 }, (_, i) => fillOf(avatarSvg('Amelia C.', `person-${i}`))));
  assert.ok(colours.size >= 6, `50 seeds used only ${colours.size} colours`);
  // Two specific seeds that land on different colours.
  assert.notEqual(avatarColor('person-1'), avatarColor('person-2'));
  assert.notEqual(fillOf(avatarSvg('Amelia C.', 'person-1')), fillOf(avatarSvg('Amelia C.', 'person-2')));
});

test('every palette colour gives white text a contrast of at least 4.5:1', () => {
  for (const colour of AVATAR_PALETTE) {
    const ratio = (1 + 0.05) / (luminance(colour) + 0.05);
    assert.ok(ratio >= 4.5, `${colour}: ${ratio.toFixed(2)}:1`);
  }
});

test('injection payloads in the name stay inert', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '&lt;b&gt; & co',
    '<![CDATA[ x ]]> <!-- y -->',
    ']]><script>alert(1)</script>',
  ];
  for (const name of payloads) {
    const svg = avatarSvg(name, name);
    assert.doesNotMatch(svg, /<script/i, name);
    assert.doesNotMatch(svg, /<img/i, name);
    assert.doesNotMatch(svg, /onerror|onload/i, name);
    assertOnlyOurTags(svg);
    // The text node holds only escaped text: no raw markup characters.
    assert.doesNotMatch(textOf(svg), /[<>"']|&(?!(amp|lt|gt|quot|apos);)/, name);
  }
});

test('escapeXml escapes markup and drops characters XML forbids', () => {
  assert.equal(escapeXml(`<a href="x">Tom & 'Jerry'</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  assert.equal(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f'), 'abcdef');
  assert.equal(escapeXml('tab\tnew\nline😀'), 'tab\tnew\nline😀');
});

test('a name that is a single special character still yields safe output', () => {
  // Initials only keep letters and digits, but escaping does not rely on that.
  for (const name of ['<', '&', '"', "'", '>']) {
    const svg = avatarSvg(name, 'x');
    assert.equal(textOf(svg), '?');
    assertOnlyOurTags(svg);
  }
});
