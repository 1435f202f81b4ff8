import { describe, expect, it } from 'vitest';
import { decodeForm } from '../src/form.ts';

describe('form decoding', () => {
  it('reads bracket notation as the SDK and curl write it', () => {
    expect(
      decodeForm('amount=2599&metadata[orderId]=ord%201&automatic_payment_methods[enabled]=true&expand[0]=latest_charge&expand[1]=customer&tags[]=a&tags[]=b'),
    ).toEqual({
      amount: '2599',
      metadata: { orderId: 'ord 1' },
      automatic_payment_methods: { enabled: 'true' },
      expand: ['latest_charge', 'customer'],
      tags: ['a', 'b'],
    });
    expect(decodeForm('metadata%5BorderId%5D=x')).toEqual({ metadata: { orderId: 'x' } });
    expect(decodeForm('')).toEqual({});
  });

  it('refuses a parameter given twice or as both a value and an object', () => {
    expect(() => decodeForm('amount=1&amount=2')).toThrow(/more than once/);
    expect(() => decodeForm('metadata=x&metadata[a]=b')).toThrow(/nested/);
    expect(() => decodeForm('a]=1')).toThrow(/parameter name/);
  });
});
