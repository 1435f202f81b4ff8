/**
 * An Order as this subgraph resolves it: the orders uuid, nothing else. Orders owns the order and decides
 * who sees it; shipping only adds `shipments`, which anyone who can see the order can see.
 */
export interface OrderRef {
  orderId: string;
}
