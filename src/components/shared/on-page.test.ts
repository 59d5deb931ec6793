import { expect, waitUntil } from '@open-wc/testing';
import { whenOnPage } from './on-page.js';

describe('whenOnPage', () => {
  it('loads at once for a tag already on the page, and once only', async () => {
    const present = document.body.appendChild(document.createElement('hw-on-page-now'));
    let loads = 0;
    whenOnPage('hw-on-page-now', async () => void loads++);
    document.body.append(document.createElement('hw-on-page-now'));
    await new Promise((resolve) => setTimeout(resolve));
    expect(loads).to.equal(1);
    present.remove();
  });

  it('loads when the tag is added later, also deep inside what is added, and not before', async () => {
    let loads = 0;
    whenOnPage('hw-on-page-later', async () => void loads++);
    const wrapper = document.body.appendChild(document.createElement('div'));
    await new Promise((resolve) => setTimeout(resolve));
    expect(loads, 'no tag yet').to.equal(0);
    wrapper.innerHTML = '<section><hw-on-page-later></hw-on-page-later></section>';
    await waitUntil(() => loads === 1, 'not loaded');
    wrapper.append(document.createElement('hw-on-page-later'));
    await new Promise((resolve) => setTimeout(resolve));
    expect(loads).to.equal(1);
    wrapper.remove();
  });
});
