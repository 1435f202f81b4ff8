import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Order as OrderModel } from '../entities/order.entity.ts';
import type { OrderLine as OrderLineModel } from '../entities/order-line.entity.ts';
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
   * `CART_NOT_CLAIMED` (a guest cart, checked out signed in: add it to your account first), `IDEMPOTENCY_KEY_REUSED`
   * (the key was used for another cart), `PAYMENT_UNAVAILABLE`, `INVALID`.
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

/** An amount of money: a decimal string in the currency's own precision, and the currency. */
export type Money = {
  __typename?: 'Money';
  /** Decimal amount, e.g. "19.99" (no float rounding: computed from integer minor units). */
  amount: Scalars['String']['output'];
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
};


export type MutationCheckoutCompleteArgs = {
  cartId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};

/** A customer's order: what was bought at what price, and where it stands. */
export type Order = {
  __typename?: 'Order';
  /** When the order was placed. */
  createdAt: Scalars['DateTime']['output'];
  /** The customer who placed the order; null for a guest's order. */
  customer?: Maybe<Customer>;
  /** Opaque global id (`gid://commerce/Order/<uuid>`). */
  id: Scalars['ID']['output'];
  /** What was bought, in the cart's order. */
  lines: Array<OrderLine>;
  /** The order number the customer sees, gap-free and increasing, e.g. 1001. */
  number: Scalars['Int']['output'];
  /** Where the order stands. */
  status: OrderStatus;
  /** The amounts, as the cart had them at checkout. */
  totals: OrderTotals;
};

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

/** One variant in an order, with the price it was sold at. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** Opaque global id of the line. */
  id: Scalars['ID']['output'];
  /** The variant bought. */
  merchandise: ProductVariant;
  /** How many units. */
  quantity: Scalars['Int']['output'];
  /** What the shopper saw: the product's title and the variant's, as they were at checkout. */
  title: Scalars['String']['output'];
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
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};

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
  Money: ResolverTypeWrapper<MoneyValueModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderModel>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['OrderEdge']>, nodes: Array<ResolversTypes['Order']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderLine: ResolverTypeWrapper<OrderLineModel>;
  OrderStatus: OrderStatus;
  OrderTotals: ResolverTypeWrapper<Omit<OrderTotals, 'discounts' | 'shipping' | 'subtotal' | 'tax' | 'total'> & { discounts: ResolversTypes['Money'], shipping: ResolversTypes['Money'], subtotal: ResolversTypes['Money'], tax: ResolversTypes['Money'], total: ResolversTypes['Money'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
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
  Money: MoneyValueModel;
  Mutation: Record<PropertyKey, never>;
  Order: OrderModel;
  OrderConnection: Omit<OrderConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['OrderEdge']>, nodes: Array<ResolversParentTypes['Order']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderLine: OrderLineModel;
  OrderTotals: Omit<OrderTotals, 'discounts' | 'shipping' | 'subtotal' | 'tax' | 'total'> & { discounts: ResolversParentTypes['Money'], shipping: ResolversParentTypes['Money'], subtotal: ResolversParentTypes['Money'], tax: ResolversParentTypes['Money'], total: ResolversParentTypes['Money'] };
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  ProductVariant: ProductVariant;
  Query: Record<PropertyKey, never>;
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

export type MoneyResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  checkoutComplete?: Resolver<ResolversTypes['CheckoutCompletePayload'], ParentType, ContextType, RequireFields<MutationCheckoutCompleteArgs, 'cartId' | 'idempotencyKey'>>;
}>;

export type OrderResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['OrderTotals'], ParentType, ContextType>;
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

export type OrderLineResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  merchandise?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type ProductVariantResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
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
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderTotals?: OrderTotalsResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

