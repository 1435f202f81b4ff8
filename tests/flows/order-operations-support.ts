import { intentOf, type Commerce } from '../support/commerce.ts';

/**
 * Shared by the staff order operation tests (order-cancel-refund.test.ts, order-access.test.ts,
 * order-risk.test.ts). Each file starts its own system, so the helpers take a getter for it (`() => c`)
 * and are bound once per file.
 */
export const ORDER = `query ($id: ID!) { order(id: $id) {
  id status held risk { level recommendation reasons }
  payment { captured { amount } refunded { amount } refundable { amount } }
  refunds { amount { amount } status reason }
  history { from to actor reason }
} }`;
export const CANCEL = `mutation ($id: ID!, $reason: String!) { orderCancel(orderId: $id, reason: $reason) { order { id status } userErrors { code field message } } }`;
export const REFUND = `mutation ($id: ID!, $amount: MoneyInput, $reason: String!) {
  orderRefund(orderId: $id, amount: $amount, reason: $reason) { order { status payment { refunded { amount } } } refund { amount { amount } status } userErrors { code field message } }
}`;
export const APPROVE = `mutation ($id: ID!) { orderRiskApprove(orderId: $id) { order { held } userErrors { code field } } }`;

export function orderHelpers(commerce: () => Commerce) {
  const orderOf = async (id: string) => (await commerce().request(ORDER, { id }, commerce().staffToken)).data!.order;
  const chargeOf = async (clientSecret: string) => {
    const intent = await commerce().stripe.paymentIntents.retrieve(intentOf(clientSecret));
    return commerce().stripe.charges.retrieve(intent.latest_charge as string);
  };
  const countRows = async (table: string) => (await commerce().system.subgraphs.orders!.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  return { orderOf, chargeOf, countRows };
}
