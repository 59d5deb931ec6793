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
    const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'Organization', name: 'Beaumont' }, { ...posting, jobLocation: [posting.jobLocation, { address: { addressLocality: 'Paris' } }] }] };
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
