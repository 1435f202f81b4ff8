/** A Customer as this subgraph resolves it: the customers uuid (who may see its orders is checked per field). */
export interface CustomerRef {
  customerId: string;
}
