/**
 * What the clerk types or scans to find an online order: its number ("1042", "#1042", from the
 * confirmation email or receipt) or its id (a global id, or the bare UUID inside one).
 */
import { PickupOrderByNumberDocument, PickupOrderDocument, type PickupOrderQuery } from '../../generated/graphql.ts';
import { staff } from '../api.ts';

export type PickupOrder = NonNullable<PickupOrderQuery['order']>;

export type OrderReference = { number: number } | { id: string } | null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseOrderReference(typed: string): OrderReference {
  const text = typed.trim();
  const number = /^#?\s*(\d{1,9})$/.exec(text);
  if (number) return { number: Number(number[1]) };
  if (text.startsWith('gid://commerce/Order/')) return { id: text };
  if (UUID.test(text)) return { id: `gid://commerce/Order/${text.toLowerCase()}` };
  return null;
}

/** The order, or a sentence saying why there is none to show. */
export async function findOrder(reference: NonNullable<OrderReference>): Promise<PickupOrder | string> {
  if ('number' in reference) {
    const order = (await staff.query(PickupOrderByNumberDocument, { number: reference.number })).orderByNumber;
    return order ?? `No order #${reference.number} was found.`;
  }
  const order = (await staff.query(PickupOrderDocument, { id: reference.id })).order;
  return order ?? 'No order has this id.';
}
