import { describe, expect, it } from 'vitest';
import { BigIntegerText, canonicalJson } from './wire-json.js';

describe('canonicalJson (the form the sandbox signs notifications in)', () => {
  it('should sort keys recursively by UTF-16 code units and drop undefined members', () => {
    const value = {
      z: 1,
      a: [{ y: 2, B: null, skipped: undefined }, [], {}],
      ä: true,
      '10': 'ten',
      '9': 'nine',
      gone: undefined,
    };

    expect(canonicalJson(value)).toBe(
      '{"10":"ten","9":"nine","a":[{"B":null,"y":2},[],{}],"z":1,"ä":true}',
    );
  });

  it('should write big integers as bare digits and leave / and non-ASCII unescaped', () => {
    const value = {
      transaction_id: new BigIntegerText('17472052900000001'),
      url: 'https://shop.example/ok?a=1',
      text: 'café "quoted"\n',
      amount: -0.5,
    };

    const json = canonicalJson(value);

    expect(json).toBe(
      '{"amount":-0.5,"text":"café \\"quoted\\"\\n","transaction_id":17472052900000001,"url":"https://shop.example/ok?a=1"}',
    );
    // Round trip: the same data as JSON.stringify would give, keys aside.
    expect(JSON.parse(json.replace('17472052900000001', '"17472052900000001"'))).toEqual({
      ...value,
      transaction_id: '17472052900000001',
    });
  });

  it('should write null for null and undefined at the top level', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([1, 'a', false])).toBe('[1,"a",false]');
  });
});
