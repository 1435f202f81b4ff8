import { describe, expect, it } from 'vitest';
import { assess, countryFinding, riskIp } from '../src/services/risk.service.ts';

describe('risk policy', () => {
  it('is LOW with no finding, MEDIUM with one, HIGH with a HIGH one or two MEDIUM ones', () => {
    expect(assess([])).toEqual({ level: 'LOW', recommendation: 'ACCEPT', reasons: [] });
    expect(assess([{ level: 'MEDIUM', reason: 'a' }])).toEqual({ level: 'MEDIUM', recommendation: 'INVESTIGATE', reasons: ['a'] });
    expect(assess([{ level: 'MEDIUM', reason: 'a' }, { level: 'MEDIUM', reason: 'b' }]).level).toBe('HIGH');
    expect(assess([{ level: 'HIGH', reason: 'a' }])).toEqual({ level: 'HIGH', recommendation: 'CANCEL', reasons: ['a'] });
  });

  it('compares the card country with the shipping country only when both are known', () => {
    expect(countryFinding('gb', 'US')).toEqual({ level: 'MEDIUM', reason: 'Billing country GB, shipping to US' });
    expect(countryFinding('US', 'us')).toBeNull();
    expect(countryFinding(null, 'US')).toBeNull();
    expect(countryFinding('US', null)).toBeNull();
  });

  it('counts public addresses only: a proxy or the machine itself says nothing about the buyer', () => {
    expect(riskIp('203.0.113.7')).toBe('203.0.113.7');
    expect(riskIp('2001:db8::1')).toBe('2001:db8::1');
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.1', '100.64.0.1', '::1', 'fd00::1', 'fe80::1', 'not an ip', '', null]) {
      expect(riskIp(address), String(address)).toBeNull();
    }
  });
});
