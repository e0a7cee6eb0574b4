import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { cidrMatcher } from '../config/cidr.js';
import { EndpointAddressRefusedError } from './events.errors.js';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (the service's DNS, or a test's). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system's resolver, as Node's HTTP client uses it (`/etc/hosts`, then DNS). */
export const systemHostResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** What subscribers' URLs may point at (docs/events.md, "Which URLs are refused"). */
export interface EndpointAddressRules {
  /** NODE_ENV=production: loopback is refused, and https required unless `allowHttp`. */
  production: boolean;
  /** WEBHOOK_ENDPOINT_ALLOW_HTTP: plain http in production too (in-cluster subscribers). */
  allowHttp: boolean;
  /** WEBHOOK_ENDPOINT_ALLOWED_CIDRS: the only private addresses allowed; null: all of them. */
  allowedCidrs: string[] | null;
  /** WEBHOOK_ENDPOINT_DENIED_CIDRS: refused, whatever else says. */
  deniedCidrs: string[];
}

/** How long the check at creation waits for DNS before leaving the name to the connection check. */
const CREATE_LOOKUP_TIMEOUT_MS = 5_000;

interface AddressClass {
  what: string;
  matches: (address: string) => boolean;
  /** Refused always, or only in production (loopback, so that local development works). */
  refused: 'always' | 'production';
}

/**
 * Classes of addresses a delivery must never reach, most specific first. IPv4-mapped IPv6 forms
 * (`::ffff:127.0.0.1`) fall in their IPv4 class: `net.BlockList` compares them as IPv4.
 */
const CLASSES: readonly AddressClass[] = [
  {
    // AWS (IPv4 and IPv6), GCP, Azure, Oracle; Alibaba Cloud; Azure's host agent.
    what: 'a cloud metadata service address',
    matches: cidrMatcher(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '168.63.129.16']),
    refused: 'always',
  },
  {
    what: 'a loopback address',
    matches: cidrMatcher(['127.0.0.0/8', '::1/128']),
    refused: 'production',
  },
  {
    what: 'a link-local address',
    matches: cidrMatcher(['169.254.0.0/16', 'fe80::/10']),
    refused: 'always',
  },
  {
    what: 'an unspecified address',
    matches: cidrMatcher(['0.0.0.0/8', '::/128']),
    refused: 'always',
  },
  {
    what: 'a multicast address',
    matches: cidrMatcher(['224.0.0.0/4', 'ff00::/8']),
    refused: 'always',
  },
  { what: 'the broadcast address', matches: cidrMatcher(['255.255.255.255']), refused: 'always' },
  {
    // 240/4 (reserved for future use) and the deprecated IPv4-compatible IPv6 forms (`::7f00:1`).
    what: 'a reserved address',
    matches: cidrMatcher(['240.0.0.0/4', '::/96']),
    refused: 'always',
  },
];

/**
 * The ranges a shop's own services live in (RFC 1918, the shared 100.64.0.0/10 and IPv6 unique
 * local addresses): allowed unless WEBHOOK_ENDPOINT_ALLOWED_CIDRS narrows them.
 */
export const PRIVATE_RANGES = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  'fc00::/7',
] as const;

const isPrivate = cidrMatcher(PRIVATE_RANGES);

/**
 * The entries of a WEBHOOK_ENDPOINT_ALLOWED_CIDRS list (as `parseCidrList` accepted it) that are
 * not wholly inside one private range: such an entry would allow nothing more, since public
 * addresses are allowed anyway. An entry is inside a range when its prefix is at least the
 * range's and its address falls in the range.
 */
export function entriesOutsidePrivateRanges(entries: readonly string[]): string[] {
  const ranges = PRIVATE_RANGES.map((range) => {
    const [address = '', prefix = ''] = range.split('/');
    return {
      family: isIP(address),
      prefix: Number(prefix),
      contains: cidrMatcher([range]),
    };
  });
  return entries.filter((entry) => {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    return !ranges.some((r) => r.family === family && bits >= r.prefix && r.contains(address));
  });
}

/**
 * Where webhook deliveries may go. Checked when an endpoint is created or its URL changed
 * (`vet`: a clear 400), and again on every connection, on the addresses actually dialled
 * (`resolve`, which the HTTP sender uses as its DNS lookup), so that a name that resolved to a
 * public address at creation and to an internal one later (DNS rebinding) is refused then.
 */
export class EndpointAddressPolicy {
  private readonly allowed: ((address: string) => boolean) | null;
  private readonly denied: (address: string) => boolean;

  constructor(
    readonly rules: EndpointAddressRules,
    private readonly resolveHost: HostResolver = systemHostResolver,
  ) {
    this.allowed = rules.allowedCidrs ? cidrMatcher(rules.allowedCidrs) : null;
    this.denied = rules.deniedCidrs.length > 0 ? cidrMatcher(rules.deniedCidrs) : () => false;
  }

  /**
   * Why the URL is refused by what it says alone (scheme, credentials, an address or `localhost`
   * as its host), or null. A host name's addresses are checked by `resolve`.
   */
  refusedUrl(url: URL): string | null {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return `${url.protocol.slice(0, -1)} is not http or https`;
    }
    if (url.protocol === 'http:' && this.rules.production && !this.rules.allowHttp) {
      return 'http is refused in production: use https (WEBHOOK_ENDPOINT_ALLOW_HTTP=true allows http, for in-cluster subscribers)';
    }
    if (url.username !== '' || url.password !== '') {
      return 'credentials in the URL (user:password@) are refused: deliveries are authenticated by their signature';
    }
    return this.refusedHost(bareHost(url.hostname));
  }

  /** What the host alone refuses: an address, or a loopback name; null for any other name. */
  private refusedHost(host: string): string | null {
    if (isIP(host) !== 0) return this.refusedAddress(host);
    return isLocalhostName(host) && this.rules.production
      ? `${host} is a loopback name (refused in production)`
      : null;
  }

  /** Why a delivery may not go to `address` (an IPv4 or IPv6 address), or null. */
  refusedAddress(address: string): string | null {
    const why = this.classify(address);
    return why === null ? null : `${address} is ${why}`;
  }

  /** What makes `address` refused (`a loopback address (refused in production)`), or null. */
  private classify(address: string): string | null {
    const plain = address.split('%')[0] ?? address;
    if (isIP(plain) === 0) return 'not an IP address';
    const cls = CLASSES.find((c) => c.matches(plain));
    if (cls && (cls.refused === 'always' || this.rules.production)) {
      return cls.refused === 'production' ? `${cls.what} (refused in production)` : cls.what;
    }
    if (this.denied(plain)) return 'an address in WEBHOOK_ENDPOINT_DENIED_CIDRS';
    if (this.allowed && !cls && isPrivate(plain) && !this.allowed(plain)) {
      return 'a private address outside WEBHOOK_ENDPOINT_ALLOWED_CIDRS';
    }
    return null;
  }

  /**
   * Every address `hostname` resolves to, each checked: one refused address refuses the name
   * (a connection may try any of them). Throws `EndpointAddressRefusedError` for a refusal and
   * the resolver's error (`ENOTFOUND`, …) when the name does not resolve.
   */
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    const host = bareHost(hostname);
    const refused = this.refusedHost(host);
    if (refused) throw new EndpointAddressRefusedError(refused);
    if (isIP(host) !== 0) return [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
    const addresses = await this.resolveHost(host);
    if (addresses.length === 0) {
      throw Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' });
    }
    for (const { address } of addresses) {
      const why = this.classify(address);
      if (why) throw new EndpointAddressRefusedError(`${host} resolves to ${address}, ${why}`);
    }
    return addresses;
  }

  /**
   * The check at creation and on a change of URL: throws `EndpointAddressRefusedError` with the
   * reason. A name that does not resolve now (DNS down, a service not deployed yet) is accepted:
   * every connection checks it again.
   */
  async vet(raw: string): Promise<void> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new EndpointAddressRefusedError('it is not an absolute URL');
    }
    const refused = this.refusedUrl(url);
    if (refused) throw new EndpointAddressRefusedError(refused);
    if (isIP(bareHost(url.hostname)) !== 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CREATE_LOOKUP_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.resolve(url.hostname), timeout]);
    } catch (error) {
      if (error instanceof EndpointAddressRefusedError) throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The policy in a few words, for the start-up line. */
  summary(): string {
    const { production, allowHttp, allowedCidrs, deniedCidrs } = this.rules;
    const parts = [
      production && !allowHttp ? 'https only' : 'http or https',
      production ? 'loopback refused' : 'loopback allowed (not production)',
      allowedCidrs
        ? `private addresses only in ${allowedCidrs.join(',')}`
        : 'private addresses allowed',
      ...(deniedCidrs.length > 0 ? [`denied ${deniedCidrs.join(',')}`] : []),
    ];
    return parts.join(', ');
  }
}

/** `[::1]` as the URL spells it is `::1`; `host.` is `host`. */
function bareHost(hostname: string): string {
  const host =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return host.endsWith('.') ? host.slice(0, -1).toLowerCase() : host.toLowerCase();
}

/** `localhost` and its subdomains are loopback by definition (RFC 6761), whatever DNS says. */
function isLocalhostName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}
