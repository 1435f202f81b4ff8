import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Order as OrderModel } from '../entities/order.entity.ts';
import type { OrderLine as OrderLineModel } from '../entities/order-line.entity.ts';
import type { RefundRow as RefundRowModel } from '../services/refund.service.ts';
import type { ReturnRow as ReturnRowModel } from '../services/returns.service.ts';
import type { ReturnLineRow as ReturnLineRowModel } from '../loaders.ts';
import type { CustomerRef as CustomerRefModel } from '../refs.ts';
import type { MoneyValue as MoneyValueModel } from '#kit';
import type { OrdersContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date and time in UTC, e.g. `2026-11-22T10:15:30.000Z`. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Result of `checkoutComplete`. */
export type CheckoutCompletePayload = {
  __typename?: 'CheckoutCompletePayload';
  /** The order, awaiting payment; null when nothing was created. */
  order?: Maybe<Order>;
  /** The PaymentIntent's client secret, for Stripe.js to confirm the payment with; null when nothing was created. */
  paymentIntentClientSecret?: Maybe<Scalars['String']['output']>;
  /**
   * Why no order was created, if so. Codes: `NOT_FOUND` (no such cart, or not yours), `EMPTY_CART`,
   * `CART_HAS_WARNINGS` (stock or availability changed; review the cart), `INSUFFICIENT_STOCK`,
   * `CART_NOT_CLAIMED` (a guest cart, checked out signed in: add it to your account first),
   * `CART_AT_STORE` (a till cart, `Cart.location`: it is sold at its store's till with `posCheckoutComplete`),
   * `CART_CHECKOUT_IN_PROGRESS` (the cart is already checked out for another order awaiting payment; pay that
   * one, or check out again once it is cancelled), `CART_CHANGED` (the cart changed during checkout; review it
   * and check out again), `CART_COMPLETED` (the cart was ordered and paid already), `IDEMPOTENCY_KEY_REUSED`
   * (the key was used for another cart), `CHECKOUT_IN_PROGRESS` (a checkout with this key is still running),
   * `PAYMENT_UNAVAILABLE`, `INVALID`. Once an order is created its cart is read-only (`CART_CHECKING_OUT`) and
   * a signed-in customer's next `cartCreate` starts a new cart; if the payment fails or the order is cancelled
   * unpaid, the cart opens again.
   */
  userErrors: Array<UserError>;
};

/** The ISO 4217 currencies the shop can price in. */
export type CurrencyCode =
  /** Australian dollar. */
  | 'AUD'
  /** Brazilian real. */
  | 'BRL'
  /** Canadian dollar. */
  | 'CAD'
  /** Swiss franc. */
  | 'CHF'
  /** Czech koruna. */
  | 'CZK'
  /** Danish krone. */
  | 'DKK'
  /** Euro. */
  | 'EUR'
  /** Pound sterling. */
  | 'GBP'
  /** Hong Kong dollar. */
  | 'HKD'
  /** Indian rupee. */
  | 'INR'
  /** Japanese yen (no minor unit). */
  | 'JPY'
  /** Mexican peso. */
  | 'MXN'
  /** Norwegian krone. */
  | 'NOK'
  /** New Zealand dollar. */
  | 'NZD'
  /** Polish złoty. */
  | 'PLN'
  /** Swedish krona. */
  | 'SEK'
  /** Singapore dollar. */
  | 'SGD'
  /** United States dollar. */
  | 'USD';

/** A shopper's (or staff member's) account. Visible only to that account itself and to staff. */
export type Customer = {
  __typename?: 'Customer';
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The customer's orders, newest first; only the customer and staff see them (null for anyone else). */
  orders?: Maybe<OrderConnection>;
};


/** A shopper's (or staff member's) account. Visible only to that account itself and to staff. */
export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A place that holds stock: a warehouse or a store. */
export type Location = {
  __typename?: 'Location';
  /** Opaque global id. */
  id: Scalars['ID']['output'];
};

/** An amount of money: a decimal string in the currency's own precision, and the currency. */
export type Money = {
  __typename?: 'Money';
  /** Decimal amount, e.g. "19.99" (no float rounding: computed from integer minor units). */
  amount: Scalars['String']['output'];
  /** ISO 4217 currency code. */
  currencyCode: CurrencyCode;
};

/** An amount of money as a client sends it, the same shape as `Money`. */
export type MoneyInput = {
  /** Decimal amount, e.g. "19.99": digits, then at most as many decimals as the currency has (none for JPY). Never rounded. */
  amount: Scalars['String']['input'];
  /** ISO 4217 currency code. */
  currencyCode: CurrencyCode;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Turns a cart into an order awaiting payment: reserves its stock, snapshots its lines and totals, and
   * creates a Stripe PaymentIntent for the total, whose client secret the storefront confirms the card with.
   * The same `idempotencyKey` always answers the same order and PaymentIntent.
   */
  checkoutComplete: CheckoutCompletePayload;
  /**
   * Cancels an order that has not shipped (staff). Its stock goes back; a paid order is refunded in full
   * through Stripe. Codes: `NOT_FOUND`, `NOT_CANCELLABLE` (it shipped, or is already cancelled or refunded), `INVALID`.
   */
  orderCancel: OrderCancelPayload;
  /**
   * Hands a paid online order over at a store (staff): every line counts as collected (its `shippedQuantity` is
   * its quantity), the order goes PAID → FULFILLED → DELIVERED and its history names the store. Stock is not
   * moved: the units were sold where the order reserved them. Codes: `NOT_FOUND`, `NOT_COLLECTABLE` (not PAID:
   * unpaid, cancelled, refunded, shipped in part or in whole, already handed over; or held by a risk check),
   * `INVALID` (malformed ids, or the location is closed or not a store).
   */
  orderPickUp: OrderPickUpPayload;
  /**
   * Refunds some or all of what was captured, through Stripe (staff); a point-of-sale order's refund is handed
   * back at the till with the order's own method (cash, or the card present) and recorded SUCCEEDED at once, no
   * Stripe call. Codes: `NOT_FOUND`, `NOT_REFUNDABLE`
   * (nothing was captured), `AMOUNT_EXCEEDS_REFUNDABLE`, `INVALID` (amount not positive, wrong currency,
   * reason missing), `PAYMENT_UNAVAILABLE` (Stripe refused or could not be reached; nothing was refunded).
   */
  orderRefund: OrderRefundPayload;
  /** Releases an order a risk check held, so it can ship (staff). Codes: `NOT_FOUND`, `NOT_HELD`. */
  orderRiskApprove: OrderRiskApprovePayload;
  /**
   * Sells a cart at a store's till (staff: the clerk), paid on the spot and handed over: the order is created
   * PAID, then FULFILLED and DELIVERED at once, with channel POS and the store as its location. The clerk builds
   * an ordinary cart first (`cartCreate`, `cartLinesAdd`, discount codes; its own pricing applies) and sets its
   * shipping address to the store's (`Location.address`), so the store's tax applies and no shipping is charged.
   * Stock is taken from that store only, never from a warehouse. No Stripe call is made: CASH is counted by the
   * clerk, and CARD_PRESENT is simulated (recorded as paid by the card terminal; no card is charged by this
   * service). The same `idempotencyKey` (per clerk) always answers the same order.
   */
  posCheckoutComplete: PosCheckoutCompletePayload;
  /** Accepts a requested return (staff); the customer sends the goods back. Codes: `NOT_FOUND`, `INVALID_STATE`. */
  returnApprove: ReturnPayload;
  /** Refuses a requested return (staff). Codes: `NOT_FOUND`, `INVALID_STATE`, `INVALID` (reason missing). */
  returnDecline: ReturnPayload;
  /**
   * Records that an approved return's goods arrived (staff): they go back into stock and their value is
   * refunded through Stripe. Codes: `NOT_FOUND`, `INVALID_STATE`, `PAYMENT_UNAVAILABLE`.
   */
  returnReceive: ReturnPayload;
  /**
   * Asks to return delivered units of one of your orders (the customer who placed it). Codes: `NOT_FOUND`,
   * `NOT_RETURNABLE` (nothing of that line was delivered, or more than remains is asked), `INVALID`.
   */
  returnRequest: ReturnPayload;
};


export type MutationCheckoutCompleteArgs = {
  cartId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};


export type MutationOrderCancelArgs = {
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationOrderPickUpArgs = {
  locationId: Scalars['ID']['input'];
  orderId: Scalars['ID']['input'];
};


export type MutationOrderRefundArgs = {
  amount?: InputMaybe<MoneyInput>;
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationOrderRiskApproveArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationPosCheckoutCompleteArgs = {
  cartId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  locationId: Scalars['ID']['input'];
  payment: PosPaymentInput;
};


export type MutationReturnApproveArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReturnDeclineArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationReturnReceiveArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReturnRequestArgs = {
  input: ReturnRequestInput;
};

/** A customer's order: what was bought at what price, and where it stands. */
export type Order = {
  __typename?: 'Order';
  /** Where it was sold: the storefront (ONLINE) or a store's till (POS). */
  channel: OrderChannel;
  /** When the order was placed. */
  createdAt: Scalars['DateTime']['output'];
  /** The customer who placed the order; null for a guest's order. */
  customer?: Maybe<Customer>;
  /** Whether a risk check holds the order: it cannot ship until staff approve it (`orderRiskApprove`). */
  held: Scalars['Boolean']['output'];
  /** Every status change: who, when, from, to and why (staff only; null for anyone else). */
  history?: Maybe<Array<OrderHistoryEntry>>;
  /** Opaque global id (`gid://commerce/Order/<uuid>`). */
  id: Scalars['ID']['output'];
  /** What was bought, in the cart's order. */
  lines: Array<OrderLine>;
  /**
   * The store where the order was handed over: where a POS sale was made, or where an online order was picked
   * up (`orderPickUp`); null while it was not.
   */
  location?: Maybe<Location>;
  /** The order number the customer sees, gap-free and increasing, e.g. 1001. */
  number: Scalars['Int']['output'];
  /** What was captured and refunded. */
  payment: OrderPayment;
  /** Refunds, oldest first. */
  refunds: Array<OrderRefund>;
  /** Returns, oldest first. */
  returns: Array<OrderReturn>;
  /** The risk assessment; null until the order is assessed (at checkout). */
  risk?: Maybe<OrderRisk>;
  /** Where it ships, as the cart had it at checkout; null when the cart had none. */
  shippingAddress?: Maybe<OrderAddress>;
  /** Where the order stands. */
  status: OrderStatus;
  /** The amounts, as the cart had them at checkout. */
  totals: OrderTotals;
};

/** An order's destination, as it was at checkout. */
export type OrderAddress = {
  __typename?: 'OrderAddress';
  /** Street address. */
  address1: Scalars['String']['output'];
  /** Apartment, suite or unit. */
  address2?: Maybe<Scalars['String']['output']>;
  /** City or town. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code. */
  countryCode: Scalars['String']['output'];
  /** Recipient's given name. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** Recipient's family name. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** Phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Region code, e.g. `CA`. */
  provinceCode?: Maybe<Scalars['String']['output']>;
  /** Postal or ZIP code. */
  zip?: Maybe<Scalars['String']['output']>;
};

/** Result of `orderCancel`. */
export type OrderCancelPayload = {
  __typename?: 'OrderCancelPayload';
  /** The order as it now is; null when nothing changed. */
  order?: Maybe<Order>;
  /** Why nothing changed, if so. */
  userErrors: Array<UserError>;
};

/** Where an order was sold. */
export type OrderChannel =
  /** The storefront: checked out (`checkoutComplete`) and paid online through Stripe. */
  | 'ONLINE'
  /** A store's till (`posCheckoutComplete`): sold, paid and handed over by a clerk at once. */
  | 'POS';

/** A page of orders. */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** The orders and their cursors. */
  edges: Array<OrderEdge>;
  /** The orders alone. */
  nodes: Array<Order>;
  /** Whether there are more. */
  pageInfo: PageInfo;
};

/** An order and its position in a list. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** Where it is in the list, for `after`. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: Order;
};

/** What shipping needs to ship an order. */
export type OrderFulfilment = {
  __typename?: 'OrderFulfilment';
  /** Where the shipping notifications go. */
  email?: Maybe<Scalars['String']['output']>;
  /** Whether a risk check holds the order until staff approve it. */
  held: Scalars['Boolean']['output'];
  /** The order's global id. */
  id: Scalars['ID']['output'];
  /** The order's lines. */
  lines: Array<OrderFulfilmentLine>;
  /** The order number. */
  number: Scalars['Int']['output'];
  /** Where the order stands; it ships when PAID or PARTIALLY_FULFILLED and not held. */
  status: OrderStatus;
};

/** A line as shipping sees it. */
export type OrderFulfilmentLine = {
  __typename?: 'OrderFulfilmentLine';
  /** The order line's global id. */
  id: Scalars['ID']['output'];
  /** Units bought. */
  quantity: Scalars['Int']['output'];
  /** The line's title as the shopper saw it. */
  title: Scalars['String']['output'];
  /** The variant's global id. */
  variantId: Scalars['ID']['output'];
};

/** One change of an order's status, or a note about its payment (then `from` = `to`). */
export type OrderHistoryEntry = {
  __typename?: 'OrderHistoryEntry';
  /** Who or what: `customer:<id>`, `guest`, `stripe`, `staff:<id>`, `shipping`, `system`. */
  actor: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** The status before; null for the order's creation. */
  from?: Maybe<OrderStatus>;
  /** Why. */
  reason: Scalars['String']['output'];
  /** The status after. */
  to: OrderStatus;
};

/** One variant in an order, with the price it was sold at. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** Opaque global id of the line. */
  id: Scalars['ID']['output'];
  /** The variant bought. */
  merchandise: ProductVariant;
  /** How many units. */
  quantity: Scalars['Int']['output'];
  /** Units returned and received so far. */
  returnedQuantity: Scalars['Int']['output'];
  /** Units shipped so far, or handed over at a store (a POS sale, a pickup). */
  shippedQuantity: Scalars['Int']['output'];
  /** What the shopper saw: the product's title and the variant's, as they were at checkout. */
  title: Scalars['String']['output'];
  /** The line's price (unit price × quantity), before order-level discounts. */
  total: Money;
  /** The price of one unit, before order-level discounts. */
  unitPrice: Money;
};

/** The money of an order. */
export type OrderPayment = {
  __typename?: 'OrderPayment';
  /** What the payment captured (zero until paid). */
  captured: Money;
  /** The change given back at the till (tendered − total); null unless paid in CASH. */
  changeDue?: Maybe<Money>;
  /** How it was paid. */
  method: OrderPaymentMethod;
  /** What can still be refunded. */
  refundable: Money;
  /** What was refunded, or is being refunded. */
  refunded: Money;
  /** The cash handed over at the till; null unless paid in CASH. */
  tendered?: Maybe<Money>;
};

/** How an order was paid. */
export type OrderPaymentMethod =
  /** A card present at a store's till (simulated: no card is charged by this service). */
  | 'CARD_PRESENT'
  /** Cash at a store's till. */
  | 'CASH'
  /** Online, through the order's Stripe PaymentIntent. */
  | 'STRIPE';

/** Result of `orderPickUp`. */
export type OrderPickUpPayload = {
  __typename?: 'OrderPickUpPayload';
  /** The order, handed over (DELIVERED); null when nothing changed. */
  order?: Maybe<Order>;
  /** Why nothing changed, if so. */
  userErrors: Array<UserError>;
};

/** A refund of (part of) an order's payment. */
export type OrderRefund = {
  __typename?: 'OrderRefund';
  /** How much. */
  amount: Money;
  /** When it was asked for. */
  createdAt: Scalars['DateTime']['output'];
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Why. */
  reason: Scalars['String']['output'];
  /** Where it stands at Stripe. */
  status: RefundStatus;
};

/** Result of `orderRefund`. */
export type OrderRefundPayload = {
  __typename?: 'OrderRefundPayload';
  /** The order as it now is; null when nothing changed. */
  order?: Maybe<Order>;
  /** The refund made; null when nothing was refunded. */
  refund?: Maybe<OrderRefund>;
  /** Why nothing was refunded, if so. */
  userErrors: Array<UserError>;
};

/** A customer's request to send units of an order back. */
export type OrderReturn = {
  __typename?: 'OrderReturn';
  /** When it was requested. */
  createdAt: Scalars['DateTime']['output'];
  /** Why staff declined it; null unless DECLINED. */
  declineReason?: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The units to return. */
  lines: Array<OrderReturnLine>;
  /** The refund made when the goods arrived; null before. */
  refund?: Maybe<OrderRefund>;
  /** Where it stands. */
  status: ReturnStatus;
};

/** Units of one line in a return. */
export type OrderReturnLine = {
  __typename?: 'OrderReturnLine';
  /** The order line. */
  orderLine: OrderLine;
  /** How many units. */
  quantity: Scalars['Int']['output'];
  /** Why, as the customer said. */
  reason: Scalars['String']['output'];
};

/** What the risk checks found. */
export type OrderRisk = {
  __typename?: 'OrderRisk';
  /** How risky the order looks. */
  level: RiskLevel;
  /** Each rule that fired, in words. */
  reasons: Array<Scalars['String']['output']>;
  /** What to do about it. */
  recommendation: RiskRecommendation;
};

/** Result of `orderRiskApprove`. */
export type OrderRiskApprovePayload = {
  __typename?: 'OrderRiskApprovePayload';
  /** The order, no longer held; null when nothing changed. */
  order?: Maybe<Order>;
  /** Why nothing changed, if so. */
  userErrors: Array<UserError>;
};

/** Where an order stands. */
export type OrderStatus =
  /** Cancelled before it shipped; its stock was released. */
  | 'CANCELLED'
  /** Every shipment was delivered. */
  | 'DELIVERED'
  /** Every line has shipped. */
  | 'FULFILLED'
  /** Paid; waiting to ship. */
  | 'PAID'
  /** Some lines have shipped. */
  | 'PARTIALLY_FULFILLED'
  /** Created at checkout; waiting for the payment to succeed. */
  | 'PENDING_PAYMENT'
  /** The payment was refunded. */
  | 'REFUNDED';

/** An order's amounts, all in one currency. total = subtotal − discounts + shipping + tax. */
export type OrderTotals = {
  __typename?: 'OrderTotals';
  /** Everything discounts took off the subtotal. */
  discounts: Money;
  /** The shipping price. */
  shipping: Money;
  /** The sum of the lines' totals. */
  subtotal: Money;
  /** Tax. */
  tax: Money;
  /** What the buyer pays. */
  total: Money;
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of the page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items precede this page (true whenever `after` was given). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of the page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Result of `posCheckoutComplete`. */
export type PosCheckoutCompletePayload = {
  __typename?: 'PosCheckoutCompletePayload';
  /** The change to give back (tendered − total) for CASH; null for CARD_PRESENT or when nothing was sold. */
  changeDue?: Maybe<Money>;
  /** The order, paid and handed over (DELIVERED); null when nothing was sold. */
  order?: Maybe<Order>;
  /**
   * Why nothing was sold, if so. Codes: `NOT_FOUND` (no such cart or location), `EMPTY_CART`, `CART_HAS_WARNINGS`
   * (a product is no longer sold), `CART_AT_OTHER_STORE` (a till cart rung up at another store, `Cart.location`:
   * its lines were checked against that store's shelf; sell it there), `CART_HAS_SHIPPING` (a shipping option is selected: nothing ships from the
   * till), `TAX_ADDRESS_MISMATCH` (the cart's shipping address is not in the store's country and region: set it
   * to the store's address), `CART_COMPLETED` (the cart was sold or paid already), `CART_CHECKOUT_IN_PROGRESS`
   * (the cart is being sold at another till, or checked out online, awaiting payment), `CART_CHANGED` (the cart
   * changed while being sold: review it and sell again), `INSUFFICIENT_STOCK` (one
   * per line short at this store, whatever the warehouse holds), `INSUFFICIENT_TENDER` (cash below the
   * total), `IDEMPOTENCY_KEY_REUSED`, `CHECKOUT_IN_PROGRESS`, `INVALID` (malformed ids, key or amount, a
   * closed location or not a store, tender in another currency or given for a card); `FORBIDDEN` /
   * `UNAUTHENTICATED` for anyone but staff.
   */
  userErrors: Array<UserError>;
};

/** How a shopper pays at a store's till. */
export type PosPaymentInput = {
  /** Cash, or a card present at the till. */
  method: PosPaymentMethod;
  /** The cash handed over, at least the cart's total, in its currency: required for CASH, refused for CARD_PRESENT. */
  tendered?: InputMaybe<MoneyInput>;
};

/** How a shopper pays at a store's till. */
export type PosPaymentMethod =
  /** A card on the store's card terminal. Simulated: recorded as paid for the total; no card is charged by this service (no Stripe call). */
  | 'CARD_PRESENT'
  /** Cash, counted by the clerk; the change due is answered. */
  | 'CASH';

/** One purchasable version of a product (a size, a colour…), with its own SKU, price and weight. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** Opaque global id. */
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** An order by its id; only the customer who placed it and staff see it. Null when there is no such order or it is someone else's. */
  order?: Maybe<Order>;
  /** An order by its number (the one the confirmation email and receipt show, e.g. 1042); only the customer who placed it and staff see it. Null when there is no such order or it is someone else's. */
  orderByNumber?: Maybe<Order>;
  /** What shipping needs to ship an order (the shipping service only). Null for an unknown order. */
  orderFulfilment?: Maybe<OrderFulfilment>;
  /** Every order, newest first, for staff; optionally only those in one status. */
  orders: OrderConnection;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrderByNumberArgs = {
  number: Scalars['Int']['input'];
};


export type QueryOrderFulfilmentArgs = {
  orderId: Scalars['ID']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OrderStatus>;
};

/** Where a refund stands. */
export type RefundStatus =
  /** Stripe refused it; nothing was refunded. */
  | 'FAILED'
  /** Sent to Stripe, not yet confirmed. */
  | 'PENDING'
  /** Stripe refunded it. */
  | 'SUCCEEDED';

/** Units of one order line to return. */
export type ReturnLineInput = {
  /** The order line's global id. */
  orderLineId: Scalars['ID']['input'];
  /** How many units (at least 1). */
  quantity: Scalars['Int']['input'];
  /** Why, e.g. "Too small" (1 to 500 characters). */
  reason: Scalars['String']['input'];
};

/** Result of the return mutations. */
export type ReturnPayload = {
  __typename?: 'ReturnPayload';
  /** The return as it now is; null when nothing changed. */
  return?: Maybe<OrderReturn>;
  /** Why nothing changed, if so. */
  userErrors: Array<UserError>;
};

/** What to return: lines of one delivered order. */
export type ReturnRequestInput = {
  /** The lines and how many units of each (each line at most once). */
  lines: Array<ReturnLineInput>;
  /** The order's global id. */
  orderId: Scalars['ID']['input'];
};

/** Where a return stands. */
export type ReturnStatus =
  /** Accepted; waiting for the goods. */
  | 'APPROVED'
  /** Refused by staff. */
  | 'DECLINED'
  /** The goods arrived: restocked and refunded. */
  | 'RECEIVED'
  /** Asked for by the customer; staff decide. */
  | 'REQUESTED';

/** How risky an order looks. */
export type RiskLevel =
  /** Held until staff approve it. */
  | 'HIGH'
  /** Nothing unusual. */
  | 'LOW'
  /** Something to look at. */
  | 'MEDIUM';

/** What the risk checks recommend. */
export type RiskRecommendation =
  /** Ship it. */
  | 'ACCEPT'
  /** Cancel it. */
  | 'CANCEL'
  /** Look before shipping. */
  | 'INVESTIGATE';

/** Why a mutation did not do what was asked. */
export type UserError = {
  __typename?: 'UserError';
  /** A stable machine-readable code, e.g. `TAKEN` or `UNIDENTIFIED_CUSTOMER`. */
  code: Scalars['String']['output'];
  /** Path to the input field at fault, e.g. `["input", "email"]`; null when no single field is. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** A human-readable explanation. */
  message: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Customer: Customer;
  Order: Order;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CheckoutCompletePayload: ResolverTypeWrapper<Omit<CheckoutCompletePayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CurrencyCode: CurrencyCode;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Location: ResolverTypeWrapper<Location>;
  Money: ResolverTypeWrapper<MoneyValueModel>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  OrderAddress: ResolverTypeWrapper<OrderAddress>;
  OrderCancelPayload: ResolverTypeWrapper<Omit<OrderCancelPayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  OrderChannel: OrderChannel;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['OrderEdge']>, nodes: Array<ResolversTypes['Order']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderFulfilment: ResolverTypeWrapper<OrderFulfilment>;
  OrderFulfilmentLine: ResolverTypeWrapper<OrderFulfilmentLine>;
  OrderHistoryEntry: ResolverTypeWrapper<OrderHistoryEntry>;
  OrderLine: ResolverTypeWrapper<OrderLineModel>;
  OrderPayment: ResolverTypeWrapper<Omit<OrderPayment, 'captured' | 'changeDue' | 'refundable' | 'refunded' | 'tendered'> & { captured: ResolversTypes['Money'], changeDue?: Maybe<ResolversTypes['Money']>, refundable: ResolversTypes['Money'], refunded: ResolversTypes['Money'], tendered?: Maybe<ResolversTypes['Money']> }>;
  OrderPaymentMethod: OrderPaymentMethod;
  OrderPickUpPayload: ResolverTypeWrapper<Omit<OrderPickUpPayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  OrderRefund: ResolverTypeWrapper<RefundRowModel>;
  OrderRefundPayload: ResolverTypeWrapper<Omit<OrderRefundPayload, 'order' | 'refund'> & { order?: Maybe<ResolversTypes['Order']>, refund?: Maybe<ResolversTypes['OrderRefund']> }>;
  OrderReturn: ResolverTypeWrapper<ReturnRowModel>;
  OrderReturnLine: ResolverTypeWrapper<ReturnLineRowModel>;
  OrderRisk: ResolverTypeWrapper<OrderRisk>;
  OrderRiskApprovePayload: ResolverTypeWrapper<Omit<OrderRiskApprovePayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  OrderStatus: OrderStatus;
  OrderTotals: ResolverTypeWrapper<Omit<OrderTotals, 'discounts' | 'shipping' | 'subtotal' | 'tax' | 'total'> & { discounts: ResolversTypes['Money'], shipping: ResolversTypes['Money'], subtotal: ResolversTypes['Money'], tax: ResolversTypes['Money'], total: ResolversTypes['Money'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PosCheckoutCompletePayload: ResolverTypeWrapper<Omit<PosCheckoutCompletePayload, 'changeDue' | 'order'> & { changeDue?: Maybe<ResolversTypes['Money']>, order?: Maybe<ResolversTypes['Order']> }>;
  PosPaymentInput: PosPaymentInput;
  PosPaymentMethod: PosPaymentMethod;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RefundStatus: RefundStatus;
  ReturnLineInput: ReturnLineInput;
  ReturnPayload: ResolverTypeWrapper<Omit<ReturnPayload, 'return'> & { return?: Maybe<ResolversTypes['OrderReturn']> }>;
  ReturnRequestInput: ReturnRequestInput;
  ReturnStatus: ReturnStatus;
  RiskLevel: RiskLevel;
  RiskRecommendation: RiskRecommendation;
  UserError: ResolverTypeWrapper<UserError>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CheckoutCompletePayload: Omit<CheckoutCompletePayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  String: Scalars['String']['output'];
  Customer: CustomerRefModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  Location: Location;
  Money: MoneyValueModel;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  Order: OrderModel;
  Boolean: Scalars['Boolean']['output'];
  OrderAddress: OrderAddress;
  OrderCancelPayload: Omit<OrderCancelPayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  OrderConnection: Omit<OrderConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['OrderEdge']>, nodes: Array<ResolversParentTypes['Order']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderFulfilment: OrderFulfilment;
  OrderFulfilmentLine: OrderFulfilmentLine;
  OrderHistoryEntry: OrderHistoryEntry;
  OrderLine: OrderLineModel;
  OrderPayment: Omit<OrderPayment, 'captured' | 'changeDue' | 'refundable' | 'refunded' | 'tendered'> & { captured: ResolversParentTypes['Money'], changeDue?: Maybe<ResolversParentTypes['Money']>, refundable: ResolversParentTypes['Money'], refunded: ResolversParentTypes['Money'], tendered?: Maybe<ResolversParentTypes['Money']> };
  OrderPickUpPayload: Omit<OrderPickUpPayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  OrderRefund: RefundRowModel;
  OrderRefundPayload: Omit<OrderRefundPayload, 'order' | 'refund'> & { order?: Maybe<ResolversParentTypes['Order']>, refund?: Maybe<ResolversParentTypes['OrderRefund']> };
  OrderReturn: ReturnRowModel;
  OrderReturnLine: ReturnLineRowModel;
  OrderRisk: OrderRisk;
  OrderRiskApprovePayload: Omit<OrderRiskApprovePayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  OrderTotals: Omit<OrderTotals, 'discounts' | 'shipping' | 'subtotal' | 'tax' | 'total'> & { discounts: ResolversParentTypes['Money'], shipping: ResolversParentTypes['Money'], subtotal: ResolversParentTypes['Money'], tax: ResolversParentTypes['Money'], total: ResolversParentTypes['Money'] };
  PageInfo: PageInfo;
  PosCheckoutCompletePayload: Omit<PosCheckoutCompletePayload, 'changeDue' | 'order'> & { changeDue?: Maybe<ResolversParentTypes['Money']>, order?: Maybe<ResolversParentTypes['Order']> };
  PosPaymentInput: PosPaymentInput;
  ProductVariant: ProductVariant;
  Query: Record<PropertyKey, never>;
  ReturnLineInput: ReturnLineInput;
  ReturnPayload: Omit<ReturnPayload, 'return'> & { return?: Maybe<ResolversParentTypes['OrderReturn']> };
  ReturnRequestInput: ReturnRequestInput;
  UserError: UserError;
}>;

export type CheckoutCompletePayloadResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CheckoutCompletePayload'] = ResolversParentTypes['CheckoutCompletePayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  paymentIntentClientSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orders?: Resolver<Maybe<ResolversTypes['OrderConnection']>, ParentType, ContextType, Partial<CustomerOrdersArgs>>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type LocationResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  checkoutComplete?: Resolver<ResolversTypes['CheckoutCompletePayload'], ParentType, ContextType, RequireFields<MutationCheckoutCompleteArgs, 'cartId' | 'idempotencyKey'>>;
  orderCancel?: Resolver<ResolversTypes['OrderCancelPayload'], ParentType, ContextType, RequireFields<MutationOrderCancelArgs, 'orderId' | 'reason'>>;
  orderPickUp?: Resolver<ResolversTypes['OrderPickUpPayload'], ParentType, ContextType, RequireFields<MutationOrderPickUpArgs, 'locationId' | 'orderId'>>;
  orderRefund?: Resolver<ResolversTypes['OrderRefundPayload'], ParentType, ContextType, RequireFields<MutationOrderRefundArgs, 'orderId' | 'reason'>>;
  orderRiskApprove?: Resolver<ResolversTypes['OrderRiskApprovePayload'], ParentType, ContextType, RequireFields<MutationOrderRiskApproveArgs, 'orderId'>>;
  posCheckoutComplete?: Resolver<ResolversTypes['PosCheckoutCompletePayload'], ParentType, ContextType, RequireFields<MutationPosCheckoutCompleteArgs, 'cartId' | 'idempotencyKey' | 'locationId' | 'payment'>>;
  returnApprove?: Resolver<ResolversTypes['ReturnPayload'], ParentType, ContextType, RequireFields<MutationReturnApproveArgs, 'id'>>;
  returnDecline?: Resolver<ResolversTypes['ReturnPayload'], ParentType, ContextType, RequireFields<MutationReturnDeclineArgs, 'id' | 'reason'>>;
  returnReceive?: Resolver<ResolversTypes['ReturnPayload'], ParentType, ContextType, RequireFields<MutationReturnReceiveArgs, 'id'>>;
  returnRequest?: Resolver<ResolversTypes['ReturnPayload'], ParentType, ContextType, RequireFields<MutationReturnRequestArgs, 'input'>>;
}>;

export type OrderResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  channel?: Resolver<ResolversTypes['OrderChannel'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  held?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  history?: Resolver<Maybe<Array<ResolversTypes['OrderHistoryEntry']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['OrderPayment'], ParentType, ContextType>;
  refunds?: Resolver<Array<ResolversTypes['OrderRefund']>, ParentType, ContextType>;
  returns?: Resolver<Array<ResolversTypes['OrderReturn']>, ParentType, ContextType>;
  risk?: Resolver<Maybe<ResolversTypes['OrderRisk']>, ParentType, ContextType>;
  shippingAddress?: Resolver<Maybe<ResolversTypes['OrderAddress']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['OrderTotals'], ParentType, ContextType>;
}>;

export type OrderAddressResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderAddress'] = ResolversParentTypes['OrderAddress']> = ResolversObject<{
  address1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  address2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provinceCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  zip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type OrderCancelPayloadResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderCancelPayload'] = ResolversParentTypes['OrderCancelPayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type OrderEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
}>;

export type OrderFulfilmentResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderFulfilment'] = ResolversParentTypes['OrderFulfilment']> = ResolversObject<{
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  held?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderFulfilmentLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
}>;

export type OrderFulfilmentLineResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderFulfilmentLine'] = ResolversParentTypes['OrderFulfilmentLine']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type OrderHistoryEntryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderHistoryEntry'] = ResolversParentTypes['OrderHistoryEntry']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['OrderStatus']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
}>;

export type OrderLineResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  merchandise?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  returnedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shippedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type OrderPaymentResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderPayment'] = ResolversParentTypes['OrderPayment']> = ResolversObject<{
  captured?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  changeDue?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['OrderPaymentMethod'], ParentType, ContextType>;
  refundable?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tendered?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
}>;

export type OrderPickUpPayloadResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderPickUpPayload'] = ResolversParentTypes['OrderPickUpPayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type OrderRefundResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderRefund'] = ResolversParentTypes['OrderRefund']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RefundStatus'], ParentType, ContextType>;
}>;

export type OrderRefundPayloadResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderRefundPayload'] = ResolversParentTypes['OrderRefundPayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  refund?: Resolver<Maybe<ResolversTypes['OrderRefund']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type OrderReturnResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderReturn'] = ResolversParentTypes['OrderReturn']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  declineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderReturnLine']>, ParentType, ContextType>;
  refund?: Resolver<Maybe<ResolversTypes['OrderRefund']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReturnStatus'], ParentType, ContextType>;
}>;

export type OrderReturnLineResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderReturnLine'] = ResolversParentTypes['OrderReturnLine']> = ResolversObject<{
  orderLine?: Resolver<ResolversTypes['OrderLine'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderRiskResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderRisk'] = ResolversParentTypes['OrderRisk']> = ResolversObject<{
  level?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  recommendation?: Resolver<ResolversTypes['RiskRecommendation'], ParentType, ContextType>;
}>;

export type OrderRiskApprovePayloadResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderRiskApprovePayload'] = ResolversParentTypes['OrderRiskApprovePayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type OrderTotalsResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderTotals'] = ResolversParentTypes['OrderTotals']> = ResolversObject<{
  discounts?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  shipping?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PosCheckoutCompletePayloadResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PosCheckoutCompletePayload'] = ResolversParentTypes['PosCheckoutCompletePayload']> = ResolversObject<{
  changeDue?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orderByNumber?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderByNumberArgs, 'number'>>;
  orderFulfilment?: Resolver<Maybe<ResolversTypes['OrderFulfilment']>, ParentType, ContextType, RequireFields<QueryOrderFulfilmentArgs, 'orderId'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<QueryOrdersArgs>>;
}>;

export type ReturnPayloadResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ReturnPayload'] = ResolversParentTypes['ReturnPayload']> = ResolversObject<{
  return?: Resolver<Maybe<ResolversTypes['OrderReturn']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = OrdersContext> = ResolversObject<{
  CheckoutCompletePayload?: CheckoutCompletePayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Location?: LocationResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderAddress?: OrderAddressResolvers<ContextType>;
  OrderCancelPayload?: OrderCancelPayloadResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderFulfilment?: OrderFulfilmentResolvers<ContextType>;
  OrderFulfilmentLine?: OrderFulfilmentLineResolvers<ContextType>;
  OrderHistoryEntry?: OrderHistoryEntryResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderPayment?: OrderPaymentResolvers<ContextType>;
  OrderPickUpPayload?: OrderPickUpPayloadResolvers<ContextType>;
  OrderRefund?: OrderRefundResolvers<ContextType>;
  OrderRefundPayload?: OrderRefundPayloadResolvers<ContextType>;
  OrderReturn?: OrderReturnResolvers<ContextType>;
  OrderReturnLine?: OrderReturnLineResolvers<ContextType>;
  OrderRisk?: OrderRiskResolvers<ContextType>;
  OrderRiskApprovePayload?: OrderRiskApprovePayloadResolvers<ContextType>;
  OrderTotals?: OrderTotalsResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PosCheckoutCompletePayload?: PosCheckoutCompletePayloadResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReturnPayload?: ReturnPayloadResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

