import { expect } from '@open-wc/testing';
import { pageJobPosting } from './job-posting.js';

/** A page fragment holding these JSON-LD blocks. */
function page(...blocks: string[]): ParentNode {
  const root = document.createElement('div');
  for (const block of blocks) {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = block;
    root.append(script);
  }
  return root;
}

const posting = {
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: '  Front Desk Agent ',
  hiringOrganization: { '@type': 'Organization', name: 'Beaumont Hotels', department: { '@type': 'Organization', name: 'Front Office' } },
  jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'London', addressCountry: 'GB' } },
};

describe('pageJobPosting', () => {
  it('reads the job, the team and the location of the JobPosting', () => {
    expect(pageJobPosting(page(JSON.stringify(posting)))).to.deep.equal({
      source: 'json-ld',
      job: 'Front Desk Agent',
      team: 'Front Office',
      location: 'London',
      why: 'JSON-LD JobPosting: title, hiringOrganization.department.name, jobLocation.address.addressLocality',
    });
  });

  it('finds it in a @graph or an array, after invalid JSON-LD and other types, and takes the first of several locations', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', name: 'Beaumont' },
        { ...posting, jobLocation: [posting.jobLocation, { address: { addressLocality: 'Paris' } }] },
      ],
    };
    expect(pageJobPosting(page('{ not json', JSON.stringify({ '@type': 'WebSite' }), JSON.stringify(graph)))).to.include({
      job: 'Front Desk Agent',
      team: 'Front Office',
      location: 'London',
    });
    expect(pageJobPosting(page(JSON.stringify([{ '@type': ['JobPosting'], title: 'Chef' }])))).to.include({ job: 'Chef', team: undefined, location: undefined });
  });

  it('ignores what is not text, a posting without a title, and cuts what is longer than the API takes', () => {
    const odd = { '@type': 'JobPosting', title: 'x'.repeat(300), hiringOrganization: 'Beaumont', jobLocation: { address: 42 } };
    expect(pageJobPosting(page(JSON.stringify(odd)))).to.include({ job: 'x'.repeat(200), team: undefined, location: undefined });
    expect(pageJobPosting(page(JSON.stringify({ '@type': 'JobPosting', title: ' ' })))).to.deep.equal({});
    expect(pageJobPosting(page())).to.deep.equal({});
  });
});

/** A page fragment of this HTML (the test's own markup: no Trusted Types here). */
function html(markup: string): ParentNode {
  const root = document.createElement('div');
  root.innerHTML = markup;
  return root;
}

const json = (value: unknown) => JSON.stringify(value);

describe('pageJobPosting, as search engines read a page', () => {
  it('decodes the entities generators write, as a browser does, and leaves unknown ones', () => {
    const titles: [string, string][] = [
      ['Events &amp; Marketing Coordinator', 'Events & Marketing Coordinator'],
      ['Events &#038; Marketing &#8211; EMEA', 'Events & Marketing – EMEA'],
      ['Chef &#x2019;s &quot;table&quot; &lt;b&gt;', 'Chef ’s "table" <b>'],
      ['R&eacute;ceptionniste &agrave; Lyon, M&uuml;nchen, Fa&ccedil;ade, &Aring;', 'Réceptionniste à Lyon, München, Façade, Å'],
      ['Stra&szlig;e&nbsp;&nbsp;Koch &hellip; &euro; &apos;x&apos;', "Straße Koch … € 'x'"],
      ['Fish &chips; &#0; &#x110000; AT&T', 'Fish &chips; \ufffd \ufffd AT&T'],
    ];
    for (const [title, shown] of titles) expect(pageJobPosting(page(json({ '@type': 'JobPosting', title }))).job, title).to.equal(shown);
  });

  it('finds the posting after other blocks, nested anywhere, with @type an array or a full IRI', () => {
    const yoast = {
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebPage', name: 'Chef &#8211; Careers' }, { '@type': 'BreadcrumbList' }, { '@type': 'Organization', name: 'Beaumont' }],
    };
    const nested = { '@type': 'WebPage', mainEntity: { '@type': ['Thing', 'https://schema.org/JobPosting'], title: 'Head Chef' } };
    expect(pageJobPosting(page(json(yoast), json({ '@type': 'WebSite' }), json(nested)))).to.include({ job: 'Head Chef', source: 'json-ld' });
    const catalog = { '@type': 'Organization', hasOfferCatalog: { itemListElement: [{ '@type': 'schema:JobPosting', title: 'Concierge' }] } };
    expect(pageJobPosting(page(json(catalog))).job).to.equal('Concierge');
  });

  it('reads the team from employmentUnit, else the department, and the location from the first place', () => {
    const posting = {
      '@type': 'JobPosting',
      title: 'Head Chef',
      hiringOrganization: 'Beaumont Hotels',
      employmentUnit: { '@type': 'Organization', name: 'Food &amp; Beverage' },
      jobLocation: [{ address: [{ addressLocality: 'London' }] }, { address: { addressLocality: 'Paris' } }],
    };
    expect(pageJobPosting(page(json(posting)))).to.deep.equal({
      source: 'json-ld',
      job: 'Head Chef',
      team: 'Food & Beverage',
      location: 'London',
      why: 'JSON-LD JobPosting: title, employmentUnit.name, jobLocation.address.addressLocality',
    });
    expect(pageJobPosting(page(json({ ...posting, employmentUnit: 'Kitchen' }))).team).to.equal('Kitchen');
    const department = { '@type': 'JobPosting', title: 'Chef', hiringOrganization: { name: 'Beaumont', department: 'Kitchen' } };
    expect(pageJobPosting(page(json(department))).team).to.equal('Kitchen');
  });

  it('takes the town of an address written as text, as WP Job Manager writes it', () => {
    const posting = { '@type': 'JobPosting', title: 'Chef', jobLocation: { '@type': 'Place', address: 'Bristol, UK' } };
    expect(pageJobPosting(page(json(posting)))).to.include({ location: 'Bristol', why: 'JSON-LD JobPosting: title, jobLocation.address' });
  });

  it('falls back to occupationalCategory (text or a CategoryCode) without a title', () => {
    expect(pageJobPosting(page(json({ '@type': 'JobPosting', occupationalCategory: 'Sommelier' })))).to.include({
      job: 'Sommelier',
      why: 'JSON-LD JobPosting: occupationalCategory',
    });
    const code = { '@type': 'JobPosting', title: '', occupationalCategory: { '@type': 'CategoryCode', codeValue: '35-1011', name: 'Chefs' } };
    expect(pageJobPosting(page(json(code))).job).to.equal('Chefs');
    expect(pageJobPosting(page(json({ '@type': 'JobPosting', title: 'Head Chef', occupationalCategory: 'Chefs' }))).job).to.equal('Head Chef');
  });

  it('reads microdata when there is no JSON-LD posting, and JSON-LD first when there are both', () => {
    const microdata = `
      <div itemscope itemtype="http://schema.org/JobPosting">
        <h1 itemprop="title">Sommelier</h1>
        <div itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization">
          <span itemprop="name">Beaumont</span><meta itemprop="department" content="Food &amp; Beverage">
        </div>
        <div itemprop="jobLocation" itemscope itemtype="http://schema.org/Place">
          <div itemprop="address" itemscope itemtype="http://schema.org/PostalAddress">
            <span itemprop="streetAddress">18 rue de Richelieu</span> <span itemprop="addressLocality">Paris</span>
          </div>
        </div>
      </div>`;
    expect(pageJobPosting(html(microdata))).to.deep.equal({
      source: 'microdata',
      job: 'Sommelier',
      team: 'Food & Beverage',
      location: 'Paris',
      why: 'microdata JobPosting: title, hiringOrganization.department, jobLocation.address.addressLocality',
    });
    const both = html(`<script type="application/ld+json">${json({ '@type': 'JobPosting', title: 'Head Chef' })}</script>${microdata}`);
    expect(pageJobPosting(both)).to.include({ source: 'json-ld', job: 'Head Chef' });
    expect(pageJobPosting(html('<div itemscope itemtype="https://schema.org/JobPosting"><meta itemprop="title" content=" Chef&nbsp;de partie "></div>')).job).to.equal(
      'Chef de partie',
    );
  });
});
