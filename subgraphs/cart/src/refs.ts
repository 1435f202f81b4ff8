/**
 * A Customer as this subgraph resolves it: the customers uuid, and whether the viewer may see that
 * customer's cart (only the customer and staff may; anyone else reads `cart: null`).
 */
export interface CustomerRef {
  customerId: string;
  visible: boolean;
}
