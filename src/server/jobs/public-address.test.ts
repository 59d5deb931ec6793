/** Which addresses a server-side request may reach (issue 25), and what a hostname resolves to. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPublicAddress, pinnedLookup, resolvePublic } from './public-address.js';

test('private, loopback, link-local, unique-local and unspecified addresses are not public, mapped IPv4 included', () => {
  const local = ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.10', '127.0.0.1', '127.8.8.8', '169.254.169.254', '100.64.0.1', '0.0.0.0'];
  const local6 = ['::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:10.0.0.1', '::FFFF:127.0.0.1', 'ff02::1'];
  for (const address of [...local, ...local6]) assert.equal(isPublicAddress(address), false, address);
  for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) assert.equal(isPublicAddress(address), true, address);
});

test('this machine is refused, unless allowed; a private literal is refused even then', async () => {
  assert.equal(await resolvePublic('127.0.0.1', false), undefined);
  assert.equal(await resolvePublic('localhost', false), undefined);
  assert.equal(await resolvePublic('[::1]', false), undefined);
  assert.deepEqual(await resolvePublic('127.0.0.1', true), { addresses: [{ address: '127.0.0.1', family: 4 }], loopback: true });
  assert.equal(await resolvePublic('10.0.0.8', true), undefined);
  assert.equal(await resolvePublic('[fd00::1]', true), undefined);
});

test('the request connects to the addresses checked, whatever the name resolves to by then', async () => {
  const lookup = pinnedLookup({ addresses: [{ address: '93.184.216.34', family: 4 }], loopback: false });
  const one = await new Promise((resolve) => lookup('rebinding.example', {}, (_error, address, family) => resolve([address, family])));
  assert.deepEqual(one, ['93.184.216.34', 4]);
  const all = await new Promise((resolve) => lookup('rebinding.example', { all: true }, (_error, addresses) => resolve(addresses)));
  assert.deepEqual(all, [{ address: '93.184.216.34', family: 4 }]);
});
