import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EndpointAddressPolicy,
  entriesOutsidePrivateRanges,
  type EndpointAddressRules,
  type HostResolver,
} from './endpoint-address-policy.js';
import { EndpointAddressRefusedError } from './events.errors.js';

const PRODUCTION: EndpointAddressRules = {
  production: true,
  allowHttp: true,
  allowedCidrs: null,
  deniedCidrs: [],
};
const DEVELOPMENT: EndpointAddressRules = { ...PRODUCTION, production: false, allowHttp: false };

const refusedUrl = (rules: EndpointAddressRules, url: string) =>
  new EndpointAddressPolicy(rules).refusedUrl(new URL(url));

/** A resolver that knows only these names, as DNS would answer them. */
const hosts =
  (table: Record<string, string[]>): HostResolver =>
  (name) => {
    const addresses = table[name];
    if (!addresses) return Promise.reject(Object.assign(new Error(name), { code: 'ENOTFOUND' }));
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };

describe('EndpointAddressPolicy: the URL and its address', () => {
  it.each([
    ['http://127.0.0.1:9301/metrics', '127.0.0.1 is a loopback address (refused in production)'],
    ['http://127.255.3.4/', '127.255.3.4 is a loopback address (refused in production)'],
    ['http://[::1]:5432/', '::1 is a loopback address (refused in production)'],
    ['http://localhost:5432/', 'localhost is a loopback name (refused in production)'],
    ['http://LocalHost./', 'localhost is a loopback name (refused in production)'],
    ['http://db.localhost/', 'db.localhost is a loopback name (refused in production)'],
    [
      'http://169.254.169.254/latest/meta-data/',
      '169.254.169.254 is a cloud metadata service address',
    ],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254 is a cloud metadata service address'],
    ['http://100.100.100.200/', '100.100.100.200 is a cloud metadata service address'],
    ['http://169.254.1.1/', '169.254.1.1 is a link-local address'],
    ['http://[fe80::1]/', 'fe80::1 is a link-local address'],
    ['http://0.0.0.0:3000/', '0.0.0.0 is an unspecified address'],
    ['http://[::]/', ':: is an unspecified address'],
    ['http://224.0.0.1/', '224.0.0.1 is a multicast address'],
    ['http://[ff02::1]/', 'ff02::1 is a multicast address'],
    ['http://255.255.255.255/', '255.255.255.255 is the broadcast address'],
    ['http://240.0.0.1/', '240.0.0.1 is a reserved address'],
    ['http://[::7f00:1]/', '::7f00:1 is a reserved address'],
    // IPv4-mapped forms fall in their IPv4 class.
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is a loopback address (refused in production)'],
    ['http://[0:0:0:0:0:ffff:a9fe:a9fe]/', '::ffff:a9fe:a9fe is a cloud metadata service address'],
    ['http://[::ffff:169.254.3.3]/', '::ffff:a9fe:303 is a link-local address'],
    ['http://[::ffff:0.0.0.0]/', '::ffff:0:0 is an unspecified address'],
    ['http://[::ffff:224.1.1.1]/', '::ffff:e001:101 is a multicast address'],
    // Numeric spellings: the URL parser reads them as the address they are.
    ['http://2130706433/', '127.0.0.1 is a loopback address (refused in production)'],
    ['http://0x7f000001/', '127.0.0.1 is a loopback address (refused in production)'],
    ['http://017700000001/', '127.0.0.1 is a loopback address (refused in production)'],
    ['http://127.1/', '127.0.0.1 is a loopback address (refused in production)'],
    ['http://0/', '0.0.0.0 is an unspecified address'],
    ['http://0251.0376.0251.0376/', '169.254.169.254 is a cloud metadata service address'],
    ['http://127.0.0.%31/', '127.0.0.1 is a loopback address (refused in production)'],
    ['http://127。0。0。1/', '127.0.0.1 is a loopback address (refused in production)'],
  ])('should refuse %s in production: %s', (url, reason) => {
    expect(refusedUrl(PRODUCTION, url)).toBe(reason);
  });

  it('should refuse credentials in the URL, in every mode', () => {
    for (const rules of [PRODUCTION, DEVELOPMENT]) {
      expect(refusedUrl(rules, 'http://user:pass@127.0.0.1:1/x')).toMatch(
        /^credentials in the URL \(user:password@\) are refused/,
      );
      expect(refusedUrl(rules, 'https://token@hooks.example.com/x')).toMatch(/^credentials/);
    }
  });

  it('should require https in production unless WEBHOOK_ENDPOINT_ALLOW_HTTP', () => {
    const strict = { ...PRODUCTION, allowHttp: false };
    expect(refusedUrl(strict, 'http://10.1.2.3/hook')).toMatch(
      /^http is refused in production: use https \(WEBHOOK_ENDPOINT_ALLOW_HTTP=true/,
    );
    expect(refusedUrl(strict, 'https://10.1.2.3/hook')).toBeNull();
    expect(refusedUrl(PRODUCTION, 'http://10.1.2.3/hook')).toBeNull();
    expect(refusedUrl(DEVELOPMENT, 'http://10.1.2.3/hook')).toBeNull();
  });

  it('should allow loopback outside production, and nothing else of the refused classes', () => {
    expect(refusedUrl(DEVELOPMENT, 'http://127.0.0.1:4100/hook')).toBeNull();
    expect(refusedUrl(DEVELOPMENT, 'http://[::1]:4100/hook')).toBeNull();
    expect(refusedUrl(DEVELOPMENT, 'http://localhost:4100/hook')).toBeNull();
    expect(refusedUrl(DEVELOPMENT, 'http://169.254.169.254/')).toBe(
      '169.254.169.254 is a cloud metadata service address',
    );
    expect(refusedUrl(DEVELOPMENT, 'http://[fe80::1]/')).toBe('fe80::1 is a link-local address');
    expect(refusedUrl(DEVELOPMENT, 'http://0.0.0.0/')).toBe('0.0.0.0 is an unspecified address');
  });

  it('should allow public and private addresses by default', () => {
    for (const url of [
      'https://203.0.113.10/hook',
      'https://10.1.2.3/hook',
      'https://172.16.0.1/hook',
      'https://192.168.1.20/hook',
      'https://100.64.0.9/hook',
      'https://[fd12:3456::1]/hook',
      'https://[2001:db8::1]/hook',
      'https://orders.shop.internal/hook',
    ]) {
      expect(refusedUrl(PRODUCTION, url), url).toBeNull();
    }
  });

  it('should narrow private addresses to WEBHOOK_ENDPOINT_ALLOWED_CIDRS, public ones untouched', () => {
    const rules = { ...PRODUCTION, allowedCidrs: ['10.20.0.0/16', 'fd12::/16'] };
    expect(refusedUrl(rules, 'http://10.20.3.4/')).toBeNull();
    expect(refusedUrl(rules, 'http://[fd12::1]/')).toBeNull();
    expect(refusedUrl(rules, 'http://10.21.3.4/')).toBe(
      '10.21.3.4 is a private address outside WEBHOOK_ENDPOINT_ALLOWED_CIDRS',
    );
    expect(refusedUrl(rules, 'http://192.168.1.1/')).toBe(
      '192.168.1.1 is a private address outside WEBHOOK_ENDPOINT_ALLOWED_CIDRS',
    );
    expect(refusedUrl(rules, 'http://[::ffff:192.168.1.1]/')).toBe(
      '::ffff:c0a8:101 is a private address outside WEBHOOK_ENDPOINT_ALLOWED_CIDRS',
    );
    expect(refusedUrl(rules, 'http://203.0.113.10/')).toBeNull();
  });

  it('should refuse WEBHOOK_ENDPOINT_DENIED_CIDRS whatever else allows', () => {
    const rules = {
      ...PRODUCTION,
      allowedCidrs: ['10.0.0.0/8'],
      deniedCidrs: ['10.0.5.0/24', '203.0.113.0/24'],
    };
    expect(refusedUrl(rules, 'http://10.0.5.7/')).toBe(
      '10.0.5.7 is an address in WEBHOOK_ENDPOINT_DENIED_CIDRS',
    );
    expect(refusedUrl(rules, 'http://203.0.113.1/')).toBe(
      '203.0.113.1 is an address in WEBHOOK_ENDPOINT_DENIED_CIDRS',
    );
    expect(refusedUrl(rules, 'http://10.0.6.7/')).toBeNull();
  });

  it('should refuse every spelling of a refused IPv4 address (property)', () => {
    const refusedV4 = fc.oneof(
      fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(0), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.integer({ min: 224, max: 255 }), fc.nat(255), fc.nat(255), fc.nat(255)),
    );
    const radix = fc.constantFrom(8, 10, 16);
    fc.assert(
      fc.property(
        refusedV4,
        fc.integer({ min: 1, max: 4 }),
        fc.array(radix, { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (bytes, parts, radixes, upper) => {
          const host = spell(bytes, parts, radixes, upper);
          expect(refusedUrl(PRODUCTION, `http://${host}:8080/x`), host).not.toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('EndpointAddressPolicy: names, at creation and at connection', () => {
  it('should refuse a name when any of its addresses is refused, saying which', async () => {
    const sut = new EndpointAddressPolicy(
      PRODUCTION,
      hosts({ 'mixed.example': ['203.0.113.5', '127.0.0.1'] }),
    );
    await expect(sut.resolve('mixed.example')).rejects.toThrow(
      new EndpointAddressRefusedError(
        'mixed.example resolves to 127.0.0.1, a loopback address (refused in production)',
      ),
    );
    await expect(sut.vet('https://mixed.example/hook')).rejects.toBeInstanceOf(
      EndpointAddressRefusedError,
    );
  });

  it('should give the checked addresses of an allowed name, exactly', async () => {
    const sut = new EndpointAddressPolicy(
      PRODUCTION,
      hosts({ 'orders.internal': ['10.1.2.3', 'fd00::7'] }),
    );
    await expect(sut.resolve('orders.internal')).resolves.toEqual([
      { address: '10.1.2.3', family: 4 },
      { address: 'fd00::7', family: 6 },
    ]);
    await expect(sut.vet('https://orders.internal/hook')).resolves.toBeUndefined();
  });

  it('should accept at creation a name that does not resolve yet, and fail its connection', async () => {
    const sut = new EndpointAddressPolicy(PRODUCTION, hosts({}));
    await expect(sut.vet('https://not-deployed.internal/hook')).resolves.toBeUndefined();
    await expect(sut.resolve('not-deployed.internal')).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
  });

  it('should refuse localhost in production without asking DNS', async () => {
    const asked: string[] = [];
    const sut = new EndpointAddressPolicy(PRODUCTION, (name) => {
      asked.push(name);
      return Promise.resolve([{ address: '203.0.113.5', family: 4 }]);
    });
    await expect(sut.resolve('localhost')).rejects.toBeInstanceOf(EndpointAddressRefusedError);
    expect(asked).toEqual([]);
  });

  it('should name the policy in the start-up line', () => {
    expect(new EndpointAddressPolicy(DEVELOPMENT).summary()).toBe(
      'http or https, loopback allowed (not production), private addresses allowed',
    );
    expect(
      new EndpointAddressPolicy({
        production: true,
        allowHttp: false,
        allowedCidrs: ['10.1.0.0/16'],
        deniedCidrs: ['10.1.5.0/24'],
      }).summary(),
    ).toBe(
      'https only, loopback refused, private addresses only in 10.1.0.0/16, denied 10.1.5.0/24',
    );
  });
});

describe('entriesOutsidePrivateRanges', () => {
  it('should name the entries that are not inside one private range', () => {
    expect(
      entriesOutsidePrivateRanges([
        '10.20.0.0/16',
        '10.0.0.0/8',
        '172.16.4.4',
        'fd12::/16',
        '203.0.113.0/24',
        '10.0.0.0/7',
        '0.0.0.0/0',
        '::/0',
      ]),
    ).toEqual(['203.0.113.0/24', '10.0.0.0/7', '0.0.0.0/0', '::/0']);
  });
});

/** `bytes` as the WHATWG URL parser reads an IPv4 host: 1 to 4 parts, each in base 8, 10 or 16. */
function spell(
  bytes: [number, number, number, number],
  parts: number,
  radixes: number[],
  upper: boolean,
): string {
  const leading = bytes.slice(0, parts - 1);
  const rest = bytes.slice(parts - 1).reduce((n, b) => n * 256 + b, 0);
  return [...leading, rest]
    .map((n, i) => {
      const radix = radixes[i] ?? 10;
      if (radix === 16) return `${upper ? '0X' : '0x'}${n.toString(16)}`;
      if (radix === 8) return `0${n.toString(8)}`;
      return String(n);
    })
    .join('.');
}
