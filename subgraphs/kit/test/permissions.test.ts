import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allow, applyPermissions, type Viewer } from '#kit';

const anonymous: Viewer = { role: 'anonymous', customerId: null };
const customer: Viewer = { role: 'customer', customerId: crypto.randomUUID() };
const staff: Viewer = { role: 'staff', customerId: crypto.randomUUID() };
const orders: Viewer = { role: 'service', customerId: null, service: 'orders' };
const products: Viewer = { role: 'service', customerId: null, service: 'products' };

describe('permission rules', () => {
  it('allow exactly whom they name', () => {
    const table = (rule: typeof allow.anyone) => [anonymous, customer, staff, orders, products].map((viewer) => rule.allows(viewer));
    expect(table(allow.anyone)).toEqual([true, true, true, true, true]);
    expect(table(allow.people)).toEqual([true, true, true, false, false]);
    expect(table(allow.signedIn)).toEqual([false, true, true, false, false]);
    expect(table(allow.staff)).toEqual([false, false, true, false, false]);
    expect(table(allow.services('orders'))).toEqual([false, false, false, true, false]);
    expect(table(allow.anyOf(allow.staff, allow.services('orders')))).toEqual([false, false, true, true, false]);
  });

  it('must be declared for every root field, and only for fields that exist', () => {
    const schema = buildSubgraphSchema([{ typeDefs: parse('type Query { a: Int b: Int }') }]);
    expect(() => applyPermissions(schema, { Query: { a: allow.anyone } })).toThrow(/Query.b has no permission declared/);
    expect(() => applyPermissions(schema, { Query: { a: allow.anyone, b: allow.anyone, c: allow.anyone } })).toThrow(/Query.c/);
  });
});
