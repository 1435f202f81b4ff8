import { describe, expect, it } from 'vitest';
import { canTransition, ORDER_STATUSES, ORDER_TRANSITIONS } from '../src/services/order-state-machine.ts';

describe('the order state machine', () => {
  it('allows exactly the listed transitions', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const listed = ORDER_TRANSITIONS.some(([a, b]) => a === from && b === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(listed);
      }
    }
  });

  it('pays, cancels and refunds as the checkout and webhooks need', () => {
    expect(canTransition('PENDING_PAYMENT', 'PAID')).toBe(true);
    expect(canTransition('PENDING_PAYMENT', 'CANCELLED')).toBe(true);
    expect(canTransition('PAID', 'REFUNDED')).toBe(true);
    expect(canTransition('FULFILLED', 'DELIVERED')).toBe(true);
  });

  it('refuses going back, skipping payment, staying put and leaving a final status', () => {
    expect(canTransition('PAID', 'PENDING_PAYMENT')).toBe(false);
    expect(canTransition('CANCELLED', 'PAID')).toBe(false);
    expect(canTransition('PENDING_PAYMENT', 'FULFILLED')).toBe(false);
    expect(canTransition('PENDING_PAYMENT', 'REFUNDED')).toBe(false);
    expect(canTransition('PAID', 'PAID')).toBe(false);
    expect(canTransition('DELIVERED', 'CANCELLED')).toBe(false);
    for (const to of ORDER_STATUSES) expect(canTransition('REFUNDED', to)).toBe(false);
  });

  it('lists no transition twice and only known statuses', () => {
    const keys = ORDER_TRANSITIONS.map(([from, to]) => `${from}>${to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [from, to] of ORDER_TRANSITIONS) {
      expect(ORDER_STATUSES).toContain(from);
      expect(ORDER_STATUSES).toContain(to);
    }
  });
});
