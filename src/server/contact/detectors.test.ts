import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containsLink, containsPhone, domainOf, holdReasons, isPublicMailDomain, listedWordsIn } from './detectors.js';

test('links are found with and without a scheme, with www., and as bare hosts', () => {
  for (const text of [
    'See https://example.org/jobs?id=3 for my CV',
    'my portfolio: http://portfolio.example',
    'Visit WWW.Example.com please',
    'Take a look at www.my-site.fr',
    'details on bit.ly/abc123',
    'my site jobs.example.com has it',
    'read example.io, then reply',
  ]) {
    assert.equal(containsLink(text), true, text);
  }
});

test('no link in e-mail addresses, versions, technologies, abbreviations or an obfuscated address', () => {
  for (const text of [
    'Write to me at ada@example.com if you prefer',
    'I work with ASP.NET and Vue.JS, node 20.1 and Python 3.12',
    'e.g. the team, i.e. yours; Ph.D. in 2019',
    'my site is example dot com',
    'I earn 45.000 € a year',
  ]) {
    assert.equal(containsLink(text), false, text);
  }
});

test('phone numbers are found in French and international formats', () => {
  for (const text of [
    'Call me on 06 12 34 56 78',
    'mon numéro : 06.12.34.56.78',
    'tel 0612345678',
    'Appelez le 01-23-45-67-89 svp',
    'reach me at +33 6 12 34 56 78',
    '+33612345678',
    'or 0033 6 12 34 56 78',
    'US: +1 (415) 555-0100',
    '+44 20 7946 0958 in London',
  ]) {
    assert.equal(containsPhone(text), true, text);
  }
});

test('no phone number in years, salaries, postcodes, times, dates or long references', () => {
  for (const text of [
    'I graduated in 2019 and worked 2020-2024',
    'The salary is 45 000 € to 55 000 € a year, or 45k',
    'Is the salary around 35000-40000 EUR?',
    'Our office is at 75011 Paris, and 69002 Lyon',
    'Interviews between 09:00 and 18:30, or at 14h30',
    'Starting 01/09/2025 if possible',
    'Order 1234567890123456789 was not a phone',
    '3 years, 12 people, 100 % remote',
  ]) {
    assert.equal(containsPhone(text), false, text);
  }
});

test('listed words are found as whole words, whatever their case and accents', () => {
  const words = ['crypto', 'Télégram', 'quick money'];
  assert.deepEqual(listedWordsIn('Join my CRYPTO club', words), ['crypto']);
  assert.deepEqual(listedWordsIn('write me on telegram', words), ['Télégram']);
  assert.deepEqual(listedWordsIn('Quick   money, fast!', words), ['quick money']);
  assert.deepEqual(listedWordsIn('Is cryptography part of the job?', words), []);
  assert.deepEqual(listedWordsIn('anything', ['', '  ']), []);
});

test('the site filter holds only for what the site turned on', () => {
  const off = { hold_links: false, hold_phones: false, held_words: [] };
  const on = { hold_links: true, hold_phones: true, held_words: ['crypto'] };
  const message = 'See www.example.com or call 06 12 34 56 78 about crypto';
  assert.deepEqual(holdReasons(off, message), []);
  assert.deepEqual(holdReasons(on, message), ['link', 'phone', 'word']);
  assert.deepEqual(holdReasons(on, 'What is a normal day like in your team?'), []);
});

test('public webmail domains are recognised, company domains are not', () => {
  for (const domain of ['gmail.com', 'hotmail.fr', 'hotmail.co.uk', 'yahoo.com', 'icloud.com', 'proton.me', 'gmx.de', 'orange.fr', 'free.fr', 'laposte.net']) {
    assert.equal(isPublicMailDomain(domain), true, domain);
  }
  for (const domain of ['acme-recruiting.com', 'gmail.com.evil.example', 'freelance.fr', 'hotmailer.com']) {
    assert.equal(isPublicMailDomain(domain), false, domain);
  }
  assert.equal(domainOf('Ada@Example.COM'), 'example.com');
});
