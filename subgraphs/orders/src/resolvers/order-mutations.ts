import { DomainError, mutationPayload, parseMinorUnits } from '#kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { orderCancel } from '../services/order-cancel.service.ts';
import { orderPickUp } from '../services/pickup.service.ts';
import { posCheckoutComplete } from '../services/pos-checkout.service.ts';
import { actorOf, idInput } from '../services/order-status.service.ts';
import { approveRisk } from '../services/risk-approval.service.ts';
import { refund } from '../services/refund.service.ts';
import { approveReturn, declineReturn, receiveReturn, requestReturn } from '../services/returns.service.ts';

/** Staff operations on orders (the till's sale and pickup included), and the customer's return request. Who may call each: subgraph.ts. */
export const orderMutations: Pick<
  MutationResolvers,
  | 'orderCancel'
  | 'orderRefund'
  | 'orderRiskApprove'
  | 'returnRequest'
  | 'returnApprove'
  | 'returnDecline'
  | 'returnReceive'
  | 'posCheckoutComplete'
  | 'orderPickUp'
> = {
  posCheckoutComplete: (_root, { cartId, locationId, payment, idempotencyKey }, ctx) =>
    mutationPayload(() => posCheckoutComplete(ctx, cartId, locationId, payment, idempotencyKey), { order: null, changeDue: null }),
  orderPickUp: (_root, { orderId, locationId }, ctx) =>
    mutationPayload(async () => ({ order: await orderPickUp(ctx, orderId, locationId, actorOf(ctx.viewer)) }), { order: null }),
  orderCancel: (_root, { orderId, reason }, ctx) => mutationPayload(async () => ({ order: await orderCancel(ctx, orderId, reason, actorOf(ctx.viewer)) }), { order: null }),
  orderRefund: (_root, { orderId, amount, reason }, ctx) =>
    mutationPayload(
      async () => {
        const id = idInput(orderId, 'Order', ['orderId']);
        const why = reason.trim();
        if (why.length < 1 || why.length > 500) throw new DomainError('INVALID', 'Give a reason of 1 to 500 characters.', ['reason']);
        const order = await ctx.loaders.orderById.load(id);
        if (!order) throw new DomainError('NOT_FOUND', 'No such order.', ['orderId']);
        let amountMinor: number | null = null;
        if (amount) {
          if (amount.currencyCode !== order.currencyCode) throw new DomainError('INVALID', `The order is in ${order.currencyCode}.`, ['amount', 'currencyCode']);
          amountMinor = parseMinorUnits(amount.amount, order.currencyCode);
          if (amountMinor === null || amountMinor <= 0) throw new DomainError('INVALID', 'The amount must be a positive decimal in the order currency.', ['amount', 'amount']);
        }
        const made = await refund(ctx, { orderId: id, amountMinor, reason: why, actor: actorOf(ctx.viewer) });
        ctx.loaders.orderById.clear(id);
        return { refund: made, order: await ctx.loaders.orderById.load(id) };
      },
      { order: null, refund: null },
    ),
  orderRiskApprove: (_root, { orderId }, ctx) => mutationPayload(async () => ({ order: await approveRisk(ctx, orderId, actorOf(ctx.viewer)) }), { order: null }),
  returnRequest: (_root, { input }, ctx) => mutationPayload(async () => ({ return: await requestReturn(ctx, input, actorOf(ctx.viewer)) }), { return: null }),
  returnApprove: (_root, { id }, ctx) => mutationPayload(async () => ({ return: await approveReturn(ctx, id, actorOf(ctx.viewer)) }), { return: null }),
  returnDecline: (_root, { id, reason }, ctx) => mutationPayload(async () => ({ return: await declineReturn(ctx, id, reason, actorOf(ctx.viewer)) }), { return: null }),
  returnReceive: (_root, { id }, ctx) => mutationPayload(async () => ({ return: await receiveReturn(ctx, id, actorOf(ctx.viewer)) }), { return: null }),
};
