import { BlockList, isIP } from 'node:net';

/** A comma-separated list of addresses and CIDR blocks, IPv4 or IPv6. */
export function parseCidrList(raw: string): { entries: string[]; problems: string[] } {
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const problems: string[] = [];
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || extra !== undefined || !prefixOk) {
      problems.push(`'${entry}' is not an IP address or CIDR block (e.g. 203.0.113.0/24)`);
    }
  }
  if (entries.length === 0) problems.push('must list at least one address or CIDR block');
  return { entries, problems };
}

/**
 * Matches addresses against a list `parseCidrList` accepted. An IPv4-mapped IPv6 address
 * (`::ffff:127.0.0.1`, `::ffff:7f00:1`) matches the IPv4 entries, as `net.BlockList` compares
 * them; an IPv6 zone (`fe80::1%eth0`) is ignored.
 */
export function cidrMatcher(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const plain = address.split('%')[0] ?? '';
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}
