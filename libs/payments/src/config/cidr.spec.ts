import { describe, expect, it } from 'vitest';
import { cidrMatcher, parseCidrList } from './cidr.js';

describe('parseCidrList', () => {
  it('should accept addresses and blocks of both families', () => {
    expect(parseCidrList(' 203.0.113.0/24, 198.51.100.7 ,2001:db8::/32').problems).toEqual([]);
  });

  it('should name every bad entry', () => {
    expect(parseCidrList('10.0.0.0/33, example.com, 10.0.0.1/8/1').problems).toEqual([
      "'10.0.0.0/33' is not an IP address or CIDR block (e.g. 203.0.113.0/24)",
      "'example.com' is not an IP address or CIDR block (e.g. 203.0.113.0/24)",
      "'10.0.0.1/8/1' is not an IP address or CIDR block (e.g. 203.0.113.0/24)",
    ]);
    expect(parseCidrList(' , ').problems).toEqual(['must list at least one address or CIDR block']);
  });
});

describe('cidrMatcher', () => {
  const sut = cidrMatcher(['203.0.113.0/24', '198.51.100.7', '2001:db8::/32']);

  it.each([
    ['203.0.113.200', true],
    ['::ffff:203.0.113.1', true],
    ['::ffff:cb00:7101', true],
    ['0:0:0:0:0:ffff:203.0.113.9', true],
    ['2001:db8::1%eth0', true],
    ['198.51.100.7', true],
    ['198.51.100.8', false],
    ['2001:db8:5::1', true],
    ['2001:db9::1', false],
    ['not an address', false],
  ])('should match %s: %s', (address, expected) => {
    expect(sut(address)).toBe(expected);
  });
});
