import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accentScheme, contrast } from './accent.js';

const DARK_CARD = '#161b22';

test('every accent comes out readable: button labels and links at 4.5:1, light and dark', () => {
  for (const accent of ['#1f5f99', '#8a2f3c', '#ffe000', '#7a7a7a', '#e4572e', '#00a86b', '#000000', '#ffffff']) {
    const { light, dark } = accentScheme(accent);
    assert.ok(contrast(light.background, light.text) >= 4.5, `${accent}: light button`);
    assert.ok(contrast(light.link, '#ffffff') >= 4.5 && contrast(light.link, '#f6f6f4') >= 4.5, `${accent}: light link`);
    assert.ok(contrast(dark.background, dark.text) >= 4.5, `${accent}: dark button`);
    assert.ok(contrast(dark.link, DARK_CARD) >= 4.5, `${accent}: dark link`);
  }
});

test('the accent is kept when a label reads on it, and changed only when neither white nor near-black does', () => {
  assert.deepEqual(accentScheme('#8a2f3c').light, { background: '#8a2f3c', text: '#ffffff', link: '#8a2f3c' });
  assert.deepEqual(accentScheme('#ffe000').light.background, '#ffe000');
  assert.equal(accentScheme('#ffe000').light.text, '#0d1117');
  // Mid grey: 4.3:1 with white, 4.4:1 with near-black; darkened a little under a white label.
  const grey = accentScheme('#7a7a7a').light;
  assert.notEqual(grey.background, '#7a7a7a');
  assert.equal(grey.text, '#ffffff');
  assert.ok(contrast(grey.background, '#7a7a7a') < 1.2, `${grey.background} stays close to the accent`);
});
