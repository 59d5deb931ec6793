/**
 * Server-side requests reach the public internet only (issue 25): a host that resolves to a private,
 * loopback, link-local or unique-local address is refused, so a feed URL cannot make the server read
 * its own network. The addresses checked are the ones connected to (no second DNS answer to rebind).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** `HALLWAY_FEED_LOOPBACK=1`: feeds on this machine are read (tests, a local careers site in development). */
export const LOOPBACK_ALLOWANCE = 'HALLWAY_FEED_LOOPBACK';
export const loopbackAllowed = () => process.env[LOOPBACK_ALLOWANCE] === '1';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  notPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  notPublic.addSubnet(network, prefix, 'ipv6');

/** An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is checked as the IPv4 address it is. */
function plain(address: string): { address: string; type: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, type: 'ipv4' };
  return { address, type: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export const isLoopbackAddress = (address: string) => {
  const { address: ip, type } = plain(address);
  return loopback.check(ip, type);
};
export const isPublicAddress = (address: string) => {
  const { address: ip, type } = plain(address);
  return !notPublic.check(ip, type);
};

export interface Resolved {
  addresses: { address: string; family: number }[];
  /** Every address is this machine's. */
  loopback: boolean;
}

/** All the addresses of `hostname` (an IP literal is its own); undefined when one is not public and no allowance covers it. */
export async function resolvePublic(hostname: string, allowLoopback = loopbackAllowed()): Promise<Resolved | undefined> {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = await dnsLookup(host, { all: true, verbatim: true });
  const loopbackOnly = addresses.length > 0 && addresses.every(({ address }) => isLoopbackAddress(address));
  if (loopbackOnly && allowLoopback) return { addresses, loopback: true };
  if (addresses.length === 0 || !addresses.every(({ address }) => isPublicAddress(address))) return undefined;
  return { addresses, loopback: false };
}

/** A `lookup` for http(s).request that answers the addresses already checked, and nothing else. */
export const pinnedLookup =
  ({ addresses }: Resolved): LookupFunction =>
  (_hostname, options, callback) => {
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    callback(null, first!.address, first!.family);
  };
