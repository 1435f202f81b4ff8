import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Product as ProductModel } from '../entities/product.entity.ts';
import type { ProductVariant as ProductVariantModel } from '../entities/product-variant.entity.ts';
import type { Category as CategoryModel } from '../entities/category.entity.ts';
import type { MoneyValue as MoneyValueModel } from '../currencies.ts';
import type { ProductsContext } from '../context.ts';
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

/** Who may cache: anyone (a CDN), or only the caller's own client. */
export type CacheControlScope =
  /** Only the caller's own client may keep it. */
  | 'PRIVATE'
  /** Shared caches may keep it. */
  | 'PUBLIC';

/** A named group of products. */
export type Category = {
  __typename?: 'Category';
  /** Plain-text description. */
  description: Scalars['String']['output'];
  /** Unique, URL-friendly name. */
  handle: Scalars['String']['output'];
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The products in this category, archived ones left out. */
  products: ProductConnection;
  /** The category's name. */
  title: Scalars['String']['output'];
};


/** A named group of products. */
export type CategoryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
  sortKey?: InputMaybe<ProductSortKeys>;
};

/** A page of categories. */
export type CategoryConnection = {
  __typename?: 'CategoryConnection';
  /** The categories of this page with their cursors. */
  edges: Array<CategoryEdge>;
  /** The categories of this page. */
  nodes: Array<Category>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A new category. */
export type CategoryCreateInput = {
  /** Plain-text description (at most 10,000 characters); empty when omitted. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Unique, URL-friendly name; derived from the title when omitted. */
  handle?: InputMaybe<Scalars['String']['input']>;
  /** The category's name (1 to 255 characters). */
  title: Scalars['String']['input'];
};

/** Result of `categoryCreate`. */
export type CategoryCreatePayload = {
  __typename?: 'CategoryCreatePayload';
  /** The new category; null when `userErrors` is not empty. */
  category?: Maybe<Category>;
  /** `INVALID`, `TAKEN` (handle in use); `UNAUTHENTICATED`, `FORBIDDEN`. */
  userErrors: Array<UserError>;
};

/** A category and its position in a list. */
export type CategoryEdge = {
  __typename?: 'CategoryEdge';
  /** Pass as `after` to continue after this category. */
  cursor: Scalars['String']['output'];
  /** The category. */
  node: Category;
};

/** Result of `categoryProductsAdd`. */
export type CategoryProductsAddPayload = {
  __typename?: 'CategoryProductsAddPayload';
  /** The category; null when `userErrors` is not empty. */
  category?: Maybe<Category>;
  /** `INVALID`, `NOT_FOUND` (the category or a product); `UNAUTHENTICATED`, `FORBIDDEN`. */
  userErrors: Array<UserError>;
};

/** Result of `categoryProductsRemove`. */
export type CategoryProductsRemovePayload = {
  __typename?: 'CategoryProductsRemovePayload';
  /** The category; null when `userErrors` is not empty. */
  category?: Maybe<Category>;
  /** `INVALID`, `NOT_FOUND` (the category); `UNAUTHENTICATED`, `FORBIDDEN`. */
  userErrors: Array<UserError>;
};

/** Changes to a category; an omitted or null field keeps its value. */
export type CategoryUpdateInput = {
  /** A new description (at most 10,000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A new unique handle. */
  handle?: InputMaybe<Scalars['String']['input']>;
  /** A new title (1 to 255 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `categoryUpdate`. */
export type CategoryUpdatePayload = {
  __typename?: 'CategoryUpdatePayload';
  /** The category as it now is; null when `userErrors` is not empty. */
  category?: Maybe<Category>;
  /** `INVALID`, `TAKEN` (handle in use), `NOT_FOUND`; `UNAUTHENTICATED`, `FORBIDDEN`. */
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

/**
 * Catalog writes, for staff. Each returns the changed object and `userErrors`: bad input is answered there,
 * with a code and the path of the field at fault, and nothing at all is written (a batch is all or
 * nothing). Callers who are not staff get `UNAUTHENTICATED` (signed out) or `FORBIDDEN`. Every change
 * emits its domain event in the same transaction.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Creates a category. Emits `products.category.created`. */
  categoryCreate: CategoryCreatePayload;
  /**
   * Puts products in a category; products already in it are left as they are. Emits
   * `products.category.updated` when the category gained a product.
   */
  categoryProductsAdd: CategoryProductsAddPayload;
  /**
   * Takes products out of a category; products not in it are ignored. Emits `products.category.updated`
   * when the category lost a product.
   */
  categoryProductsRemove: CategoryProductsRemovePayload;
  /** Changes a category's handle, title or description; omitted fields keep their value. Emits `products.category.updated` when something changed. */
  categoryUpdate: CategoryUpdatePayload;
  /**
   * Takes a product off the storefront: it leaves every listing, search and `product` lookup, but still
   * resolves by reference for orders that contain it. Archiving an archived product changes nothing.
   * Emits `products.product.archived`.
   */
  productArchive: ProductArchivePayload;
  /**
   * Creates a product with its variants (1 to 100) and places it in categories. The product is priced in
   * the currency of its variants' prices, which must all be the same. Emits `products.product.created` and
   * `products.variants.created`.
   */
  productCreate: ProductCreatePayload;
  /** Changes a product's handle, title or description; omitted fields keep their value. Emits `products.product.updated` when something changed. */
  productUpdate: ProductUpdatePayload;
  /**
   * Adds variants to a product (up to 100 variants in all), after its existing ones. Prices must be in the
   * product's currency. Emits `products.variants.created`.
   */
  productVariantsCreate: ProductVariantsCreatePayload;
  /**
   * Changes variants of one product: SKU, title, options, price, weight, tax class; omitted fields keep
   * their value. The product's price range follows. Emits `products.variants.updated`.
   */
  productVariantsUpdate: ProductVariantsUpdatePayload;
};


/**
 * Catalog writes, for staff. Each returns the changed object and `userErrors`: bad input is answered there,
 * with a code and the path of the field at fault, and nothing at all is written (a batch is all or
 * nothing). Callers who are not staff get `UNAUTHENTICATED` (signed out) or `FORBIDDEN`. Every change
 * emits its domain event in the same transaction.
 */
export type MutationCategoryCreateArgs = {
  input: CategoryCreateInput;
};


/**
 * Catalog writes, for staff. Each returns the changed object and `userErrors`: bad input is answered there,
 * with a code and the path of the field at fault, and nothing at all is written (a batch is all or
 * nothing). Callers who are not staff get `UNAUTHENTICATED` (signed out) or `FORBIDDEN`. Every change
 * emits its domain event in the same transaction.
 */
export type MutationCategoryProductsAddArgs = {
  categoryId: Scalars['ID']['input'];
  productIds: Array<Scalars['ID']['input']>;
};


/**
 * Catalog writes, for staff. Each returns the changed object and `userErrors`: bad input is answered there,
 * with a code and the path of the field at fault, and nothing at all is written (a batch is all or
 * nothing). Callers who are not staff get `UNAUTHENTICATED` (signed out) or `FORBIDDEN`. Every change
 * emits its domain event in the same transaction.
 */
export type MutationCategoryProductsRemoveArgs = {
  categoryId: Scalars['ID']['input'];
  productIds: Array<Scalars['ID']['input']>;
};


/**
 * Catalog writes, for staff. Each returns the changed object and `userErrors`: bad input is answered there,
 * with a code and the path of the field at fault, and nothing at all is written (a batch is all or
 * nothing). Callers who are not staff get `UNAUTHENTICATED` (signed out) or `FORBIDDEN`. Every change
 * emits its domain event in the same transaction.
 */
export type MutationCategoryUpdateArgs = {
  id: Scalars['ID']['input'];
  input: CategoryUpdateInput;
};


/**
 * Catalog writes, for staff. Each returns the changed object and `userErrors`: bad input is answered there,
 * with a code and the path of the field at fault, and nothing at all is written (a batch is all or
 * nothing). Callers who are not staff get `UNAUTHENTICATED` (signed out) or `FORBIDDEN`. Every change
 * emits its domain event in the same transaction.
 */
export type MutationProductArchiveArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Catalog writes, for staff. Each returns the changed object and `userErrors`: bad input is answered there,
 * with a code and the path of the field at fault, and nothing at all is written (a batch is all or
 * nothing). Callers who are not staff get `UNAUTHENTICATED` (signed out) or `FORBIDDEN`. Every change
 * emits its domain event in the same transaction.
 */
export type MutationProductCreateArgs = {
  input: ProductCreateInput;
};


/**
 * Catalog writes, for staff. Each returns the changed object and `userErrors`: bad input is answered there,
 * with a code and the path of the field at fault, and nothing at all is written (a batch is all or
 * nothing). Callers who are not staff get `UNAUTHENTICATED` (signed out) or `FORBIDDEN`. Every change
 * emits its domain event in the same transaction.
 */
export type MutationProductUpdateArgs = {
  id: Scalars['ID']['input'];
  input: ProductUpdateInput;
};


/**
 * Catalog writes, for staff. Each returns the changed object and `userErrors`: bad input is answered there,
 * with a code and the path of the field at fault, and nothing at all is written (a batch is all or
 * nothing). Callers who are not staff get `UNAUTHENTICATED` (signed out) or `FORBIDDEN`. Every change
 * emits its domain event in the same transaction.
 */
export type MutationProductVariantsCreateArgs = {
  productId: Scalars['ID']['input'];
  variants: Array<ProductVariantCreateInput>;
};


/**
 * Catalog writes, for staff. Each returns the changed object and `userErrors`: bad input is answered there,
 * with a code and the path of the field at fault, and nothing at all is written (a batch is all or
 * nothing). Callers who are not staff get `UNAUTHENTICATED` (signed out) or `FORBIDDEN`. Every change
 * emits its domain event in the same transaction.
 */
export type MutationProductVariantsUpdateArgs = {
  productId: Scalars['ID']['input'];
  variants: Array<ProductVariantUpdateInput>;
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

/** A product a customer can buy in one or more variants. */
export type Product = {
  __typename?: 'Product';
  /** The categories the product belongs to, ordered by title. */
  categories: Array<Category>;
  /** When the product was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Plain-text description. */
  description: Scalars['String']['output'];
  /** Unique, URL-friendly name (lower-case words joined by hyphens). */
  handle: Scalars['String']['output'];
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The lowest and highest price among the product's variants. */
  priceRange: ProductPriceRange;
  /** ACTIVE, or ARCHIVED: then only references (an order's lines) still reach it. */
  status: ProductStatus;
  /** The product's name. */
  title: Scalars['String']['output'];
  /** When the product or one of its variants last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The product's variants, in the merchant's order. */
  variants: ProductVariantConnection;
};


/** A product a customer can buy in one or more variants. */
export type ProductVariantsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `productArchive`. */
export type ProductArchivePayload = {
  __typename?: 'ProductArchivePayload';
  /** The archived product; null when `userErrors` is not empty. */
  product?: Maybe<Product>;
  /** `INVALID`, `NOT_FOUND`; `UNAUTHENTICATED`, `FORBIDDEN`. */
  userErrors: Array<UserError>;
};

/** A page of products. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products of this page with their cursors. */
  edges: Array<ProductEdge>;
  /** The products of this page. */
  nodes: Array<Product>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A new product with its variants. */
export type ProductCreateInput = {
  /** Global ids of categories to place the product in. */
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Plain-text description (at most 10,000 characters); empty when omitted. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Unique, URL-friendly name (lower-case words joined by hyphens); derived from the title when omitted ("Crème Brûlée Set" → `creme-brulee-set`). */
  handle?: InputMaybe<Scalars['String']['input']>;
  /** The product's name (1 to 255 characters). */
  title: Scalars['String']['input'];
  /** The variants, 1 to 100, in the order to show them; their prices must share one currency, which becomes the product's. */
  variants: Array<ProductVariantCreateInput>;
};

/** Result of `productCreate`. */
export type ProductCreatePayload = {
  __typename?: 'ProductCreatePayload';
  /** The new product; null when `userErrors` is not empty. */
  product?: Maybe<Product>;
  /** `INVALID`, `TAKEN` (handle or SKU in use), `NOT_FOUND` (a category), `CURRENCY_MISMATCH`; `UNAUTHENTICATED`, `FORBIDDEN`. */
  userErrors: Array<UserError>;
};

/** A product and its position in a list. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Pass as `after` to continue after this product. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

/** The range of prices of a product's variants. */
export type ProductPriceRange = {
  __typename?: 'ProductPriceRange';
  /** The highest variant price. */
  maxVariantPrice: Money;
  /** The lowest variant price. */
  minVariantPrice: Money;
};

/** The orders a product list can be sorted in. Every order breaks ties by id, so pages never overlap. */
export type ProductSortKeys =
  /** By creation time, oldest first. */
  | 'CREATED_AT'
  /** By the lowest variant price (in minor units), cheapest first. */
  | 'PRICE'
  /**
   * Best match first for the `query` argument. Without a query there is nothing to rank by, and the list is
   * ordered as TITLE.
   */
  | 'RELEVANCE'
  /** Alphabetically by title. */
  | 'TITLE';

/** Whether a product is on sale. */
export type ProductStatus =
  /** On the storefront: listed, searchable, found by `product`. */
  | 'ACTIVE'
  /** Off the storefront; still resolvable by reference, so orders that contain it keep their lines. */
  | 'ARCHIVED';

/** Changes to a product; an omitted or null field keeps its value. */
export type ProductUpdateInput = {
  /** A new description (at most 10,000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A new unique handle. */
  handle?: InputMaybe<Scalars['String']['input']>;
  /** A new title (1 to 255 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `productUpdate`. */
export type ProductUpdatePayload = {
  __typename?: 'ProductUpdatePayload';
  /** The product as it now is; null when `userErrors` is not empty. */
  product?: Maybe<Product>;
  /** `INVALID`, `TAKEN` (handle in use), `NOT_FOUND`; `UNAUTHENTICATED`, `FORBIDDEN`. */
  userErrors: Array<UserError>;
};

/** One purchasable version of a product (a size, a colour…), with its own SKU, price and weight. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The price of one unit. */
  price: Money;
  /** The product this variant belongs to. */
  product: Product;
  /** The option values that make this variant (e.g. Size: M, Color: Navy). */
  selectedOptions: Array<SelectedOption>;
  /** Stock-keeping unit, unique across the catalog. */
  sku: Scalars['String']['output'];
  /** Which tax rate applies to this variant; the rates themselves are the cart's tax rules. */
  taxClass: TaxClass;
  /** The variant's name, usually its option values ("M / Navy"). */
  title: Scalars['String']['output'];
  /** The shipping weight of one unit, in grams. */
  weight: Weight;
};

/** A page of a product's variants. */
export type ProductVariantConnection = {
  __typename?: 'ProductVariantConnection';
  /** The variants of this page with their cursors. */
  edges: Array<ProductVariantEdge>;
  /** The variants of this page. */
  nodes: Array<ProductVariant>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A new variant. */
export type ProductVariantCreateInput = {
  /** The price of one unit, in the product's currency. */
  price: MoneyInput;
  /** The option values that make this variant (at most 3, each name once). */
  selectedOptions?: InputMaybe<Array<SelectedOptionInput>>;
  /** Stock-keeping unit, 1 to 64 characters, unique across the catalog. */
  sku: Scalars['String']['input'];
  /** STANDARD when omitted. */
  taxClass?: InputMaybe<TaxClass>;
  /** The variant's name; its option values joined by " / " when omitted, or "Default Title" without options. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The shipping weight of one unit; stored in whole grams (other units are converted and rounded). */
  weight: WeightInput;
};

/** A variant and its position in a list. */
export type ProductVariantEdge = {
  __typename?: 'ProductVariantEdge';
  /** This variant's position in the list. */
  cursor: Scalars['String']['output'];
  /** The variant. */
  node: ProductVariant;
};

/** Changes to one variant; an omitted or null field keeps its value. */
export type ProductVariantUpdateInput = {
  /** The variant's global id. */
  id: Scalars['ID']['input'];
  /** A new price, in the product's currency. */
  price?: InputMaybe<MoneyInput>;
  /** New option values (replacing all of them). */
  selectedOptions?: InputMaybe<Array<SelectedOptionInput>>;
  /** A new SKU, unique across the catalog. */
  sku?: InputMaybe<Scalars['String']['input']>;
  /** A new tax class. */
  taxClass?: InputMaybe<TaxClass>;
  /** A new name. When omitted but `selectedOptions` is given, the name becomes the new option values. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** A new shipping weight. */
  weight?: InputMaybe<WeightInput>;
};

/** Result of `productVariantsCreate`. */
export type ProductVariantsCreatePayload = {
  __typename?: 'ProductVariantsCreatePayload';
  /** The product, with its new price range; null when `userErrors` is not empty. */
  product?: Maybe<Product>;
  /** The new variants, in the order given; null when `userErrors` is not empty. */
  productVariants?: Maybe<Array<ProductVariant>>;
  /** `INVALID` (including more than 100 variants in all), `TAKEN` (SKU in use), `NOT_FOUND`, `CURRENCY_MISMATCH`; `UNAUTHENTICATED`, `FORBIDDEN`. */
  userErrors: Array<UserError>;
};

/** Result of `productVariantsUpdate`. */
export type ProductVariantsUpdatePayload = {
  __typename?: 'ProductVariantsUpdatePayload';
  /** The product, with its new price range; null when `userErrors` is not empty. */
  product?: Maybe<Product>;
  /** The changed variants, in the order given; null when `userErrors` is not empty. */
  productVariants?: Maybe<Array<ProductVariant>>;
  /** `INVALID`, `TAKEN` (SKU in use), `NOT_FOUND` (the product, or a variant not of this product), `CURRENCY_MISMATCH`; `UNAUTHENTICATED`, `FORBIDDEN`. */
  userErrors: Array<UserError>;
};

export type Query = {
  __typename?: 'Query';
  /** Every category, ordered by title. */
  categories: CategoryConnection;
  /** One category, by exactly one of `id` or `handle`; null when none matches. */
  category?: Maybe<Category>;
  /** One product, by exactly one of `id` or `handle`; null when none matches or the product is archived. */
  product?: Maybe<Product>;
  /** One variant by its SKU, exactly as printed on the label (surrounding spaces ignored), e.g. for a POS scanner; null when none matches or its product is archived. */
  productVariantBySku?: Maybe<ProductVariant>;
  /**
   * Products of the catalog, one page at a time. With `query`, only products whose title or description match
   * (PostgreSQL full-text search, web-search syntax: `wool -cotton "running shoe"`); with `categoryHandle`, only
   * products in that category (an unknown handle gives an empty page). Archived products are never listed.
   */
  products: ProductConnection;
};


export type QueryCategoriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCategoryArgs = {
  handle?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryProductArgs = {
  handle?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryProductVariantBySkuArgs = {
  sku: Scalars['String']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  categoryHandle?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
  sortKey?: InputMaybe<ProductSortKeys>;
};

/** A product option and the value a variant takes for it. */
export type SelectedOption = {
  __typename?: 'SelectedOption';
  /** The option's name, e.g. "Size". */
  name: Scalars['String']['output'];
  /** The option's value, e.g. "M". */
  value: Scalars['String']['output'];
};

/** A product option and the value a variant takes for it. */
export type SelectedOptionInput = {
  /** The option's name, e.g. "Size" (1 to 255 characters). */
  name: Scalars['String']['input'];
  /** The option's value, e.g. "M" (1 to 255 characters). */
  value: Scalars['String']['input'];
};

/** The tax treatment of a variant. The catalog only classifies; the cart's tax rules give each class its rate per destination. */
export type TaxClass =
  /** The destination's reduced rate, where it has one (e.g. some food or books); the standard rate where it has none. */
  | 'REDUCED'
  /** The destination's standard rate. */
  | 'STANDARD'
  /** Zero-rated: taxable, at a rate of zero (e.g. protective equipment in some countries). */
  | 'ZERO';

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

/** A weight: a value and its unit. */
export type Weight = {
  __typename?: 'Weight';
  /** The unit of `value`. */
  unit: WeightUnit;
  /** The weight in `unit`. */
  value: Scalars['Float']['output'];
};

/** A weight as a client sends it, the same shape as `Weight`. */
export type WeightInput = {
  /** The unit of `value`. */
  unit: WeightUnit;
  /** The weight in `unit`; not negative. */
  value: Scalars['Float']['input'];
};

/** Units of weight. */
export type WeightUnit =
  /** Metric grams. */
  | 'GRAMS'
  /** Metric kilograms (1,000 g). */
  | 'KILOGRAMS'
  /** Avoirdupois ounces (28.349523125 g). */
  | 'OUNCES'
  /** Avoirdupois pounds (453.59237 g). */
  | 'POUNDS';

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
  Category: Category;
  Product: Product;
  ProductVariant: ProductVariant;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Category:
    ( { __typename: 'Category' }
    & GraphQLRecursivePick<FederationTypes['Category'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  ProductVariant:
    ( { __typename: 'ProductVariant' }
    & GraphQLRecursivePick<FederationTypes['ProductVariant'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CacheControlScope: CacheControlScope;
  Category: ResolverTypeWrapper<CategoryModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CategoryConnection: ResolverTypeWrapper<Omit<CategoryConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['CategoryEdge']>, nodes: Array<ResolversTypes['Category']> }>;
  CategoryCreateInput: CategoryCreateInput;
  CategoryCreatePayload: ResolverTypeWrapper<Omit<CategoryCreatePayload, 'category'> & { category?: Maybe<ResolversTypes['Category']> }>;
  CategoryEdge: ResolverTypeWrapper<Omit<CategoryEdge, 'node'> & { node: ResolversTypes['Category'] }>;
  CategoryProductsAddPayload: ResolverTypeWrapper<Omit<CategoryProductsAddPayload, 'category'> & { category?: Maybe<ResolversTypes['Category']> }>;
  CategoryProductsRemovePayload: ResolverTypeWrapper<Omit<CategoryProductsRemovePayload, 'category'> & { category?: Maybe<ResolversTypes['Category']> }>;
  CategoryUpdateInput: CategoryUpdateInput;
  CategoryUpdatePayload: ResolverTypeWrapper<Omit<CategoryUpdatePayload, 'category'> & { category?: Maybe<ResolversTypes['Category']> }>;
  CurrencyCode: CurrencyCode;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Money: ResolverTypeWrapper<MoneyValueModel>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<ProductModel>;
  ProductArchivePayload: ResolverTypeWrapper<Omit<ProductArchivePayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductConnection: ResolverTypeWrapper<Omit<ProductConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ProductEdge']>, nodes: Array<ResolversTypes['Product']> }>;
  ProductCreateInput: ProductCreateInput;
  ProductCreatePayload: ResolverTypeWrapper<Omit<ProductCreatePayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductPriceRange: ResolverTypeWrapper<Omit<ProductPriceRange, 'maxVariantPrice' | 'minVariantPrice'> & { maxVariantPrice: ResolversTypes['Money'], minVariantPrice: ResolversTypes['Money'] }>;
  ProductSortKeys: ProductSortKeys;
  ProductStatus: ProductStatus;
  ProductUpdateInput: ProductUpdateInput;
  ProductUpdatePayload: ResolverTypeWrapper<Omit<ProductUpdatePayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductVariant: ResolverTypeWrapper<ProductVariantModel>;
  ProductVariantConnection: ResolverTypeWrapper<Omit<ProductVariantConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ProductVariantEdge']>, nodes: Array<ResolversTypes['ProductVariant']> }>;
  ProductVariantCreateInput: ProductVariantCreateInput;
  ProductVariantEdge: ResolverTypeWrapper<Omit<ProductVariantEdge, 'node'> & { node: ResolversTypes['ProductVariant'] }>;
  ProductVariantUpdateInput: ProductVariantUpdateInput;
  ProductVariantsCreatePayload: ResolverTypeWrapper<Omit<ProductVariantsCreatePayload, 'product' | 'productVariants'> & { product?: Maybe<ResolversTypes['Product']>, productVariants?: Maybe<Array<ResolversTypes['ProductVariant']>> }>;
  ProductVariantsUpdatePayload: ResolverTypeWrapper<Omit<ProductVariantsUpdatePayload, 'product' | 'productVariants'> & { product?: Maybe<ResolversTypes['Product']>, productVariants?: Maybe<Array<ResolversTypes['ProductVariant']>> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SelectedOption: ResolverTypeWrapper<SelectedOption>;
  SelectedOptionInput: SelectedOptionInput;
  TaxClass: TaxClass;
  UserError: ResolverTypeWrapper<UserError>;
  Weight: ResolverTypeWrapper<Weight>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  WeightInput: WeightInput;
  WeightUnit: WeightUnit;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Category: CategoryModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  CategoryConnection: Omit<CategoryConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['CategoryEdge']>, nodes: Array<ResolversParentTypes['Category']> };
  CategoryCreateInput: CategoryCreateInput;
  CategoryCreatePayload: Omit<CategoryCreatePayload, 'category'> & { category?: Maybe<ResolversParentTypes['Category']> };
  CategoryEdge: Omit<CategoryEdge, 'node'> & { node: ResolversParentTypes['Category'] };
  CategoryProductsAddPayload: Omit<CategoryProductsAddPayload, 'category'> & { category?: Maybe<ResolversParentTypes['Category']> };
  CategoryProductsRemovePayload: Omit<CategoryProductsRemovePayload, 'category'> & { category?: Maybe<ResolversParentTypes['Category']> };
  CategoryUpdateInput: CategoryUpdateInput;
  CategoryUpdatePayload: Omit<CategoryUpdatePayload, 'category'> & { category?: Maybe<ResolversParentTypes['Category']> };
  DateTime: Scalars['DateTime']['output'];
  Money: MoneyValueModel;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Product: ProductModel;
  ProductArchivePayload: Omit<ProductArchivePayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductConnection: Omit<ProductConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ProductEdge']>, nodes: Array<ResolversParentTypes['Product']> };
  ProductCreateInput: ProductCreateInput;
  ProductCreatePayload: Omit<ProductCreatePayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductPriceRange: Omit<ProductPriceRange, 'maxVariantPrice' | 'minVariantPrice'> & { maxVariantPrice: ResolversParentTypes['Money'], minVariantPrice: ResolversParentTypes['Money'] };
  ProductUpdateInput: ProductUpdateInput;
  ProductUpdatePayload: Omit<ProductUpdatePayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductVariant: ProductVariantModel;
  ProductVariantConnection: Omit<ProductVariantConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ProductVariantEdge']>, nodes: Array<ResolversParentTypes['ProductVariant']> };
  ProductVariantCreateInput: ProductVariantCreateInput;
  ProductVariantEdge: Omit<ProductVariantEdge, 'node'> & { node: ResolversParentTypes['ProductVariant'] };
  ProductVariantUpdateInput: ProductVariantUpdateInput;
  ProductVariantsCreatePayload: Omit<ProductVariantsCreatePayload, 'product' | 'productVariants'> & { product?: Maybe<ResolversParentTypes['Product']>, productVariants?: Maybe<Array<ResolversParentTypes['ProductVariant']>> };
  ProductVariantsUpdatePayload: Omit<ProductVariantsUpdatePayload, 'product' | 'productVariants'> & { product?: Maybe<ResolversParentTypes['Product']>, productVariants?: Maybe<Array<ResolversParentTypes['ProductVariant']>> };
  Query: Record<PropertyKey, never>;
  SelectedOption: SelectedOption;
  SelectedOptionInput: SelectedOptionInput;
  UserError: UserError;
  Weight: Weight;
  Float: Scalars['Float']['output'];
  WeightInput: WeightInput;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = ProductsContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CategoryResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category'], FederationReferenceType extends FederationReferenceTypes['Category'] = FederationReferenceTypes['Category']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Category']> | FederationReferenceType, FederationReferenceType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<CategoryProductsArgs, 'reverse' | 'sortKey'>>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CategoryConnectionResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['CategoryConnection'] = ResolversParentTypes['CategoryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CategoryEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CategoryCreatePayloadResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['CategoryCreatePayload'] = ResolversParentTypes['CategoryCreatePayload']> = ResolversObject<{
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CategoryEdgeResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['CategoryEdge'] = ResolversParentTypes['CategoryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
}>;

export type CategoryProductsAddPayloadResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['CategoryProductsAddPayload'] = ResolversParentTypes['CategoryProductsAddPayload']> = ResolversObject<{
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CategoryProductsRemovePayloadResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['CategoryProductsRemovePayload'] = ResolversParentTypes['CategoryProductsRemovePayload']> = ResolversObject<{
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CategoryUpdatePayloadResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['CategoryUpdatePayload'] = ResolversParentTypes['CategoryUpdatePayload']> = ResolversObject<{
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MoneyResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  categoryCreate?: Resolver<ResolversTypes['CategoryCreatePayload'], ParentType, ContextType, RequireFields<MutationCategoryCreateArgs, 'input'>>;
  categoryProductsAdd?: Resolver<ResolversTypes['CategoryProductsAddPayload'], ParentType, ContextType, RequireFields<MutationCategoryProductsAddArgs, 'categoryId' | 'productIds'>>;
  categoryProductsRemove?: Resolver<ResolversTypes['CategoryProductsRemovePayload'], ParentType, ContextType, RequireFields<MutationCategoryProductsRemoveArgs, 'categoryId' | 'productIds'>>;
  categoryUpdate?: Resolver<ResolversTypes['CategoryUpdatePayload'], ParentType, ContextType, RequireFields<MutationCategoryUpdateArgs, 'id' | 'input'>>;
  productArchive?: Resolver<ResolversTypes['ProductArchivePayload'], ParentType, ContextType, RequireFields<MutationProductArchiveArgs, 'id'>>;
  productCreate?: Resolver<ResolversTypes['ProductCreatePayload'], ParentType, ContextType, RequireFields<MutationProductCreateArgs, 'input'>>;
  productUpdate?: Resolver<ResolversTypes['ProductUpdatePayload'], ParentType, ContextType, RequireFields<MutationProductUpdateArgs, 'id' | 'input'>>;
  productVariantsCreate?: Resolver<ResolversTypes['ProductVariantsCreatePayload'], ParentType, ContextType, RequireFields<MutationProductVariantsCreateArgs, 'productId' | 'variants'>>;
  productVariantsUpdate?: Resolver<ResolversTypes['ProductVariantsUpdatePayload'], ParentType, ContextType, RequireFields<MutationProductVariantsUpdateArgs, 'productId' | 'variants'>>;
}>;

export type PageInfoResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  priceRange?: Resolver<ResolversTypes['ProductPriceRange'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProductStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  variants?: Resolver<ResolversTypes['ProductVariantConnection'], ParentType, ContextType, RequireFields<ProductVariantsArgs, 'first'>>;
}>;

export type ProductArchivePayloadResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductArchivePayload'] = ResolversParentTypes['ProductArchivePayload']> = ResolversObject<{
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductConnectionResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ProductCreatePayloadResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductCreatePayload'] = ResolversParentTypes['ProductCreatePayload']> = ResolversObject<{
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductEdgeResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
}>;

export type ProductPriceRangeResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductPriceRange'] = ResolversParentTypes['ProductPriceRange']> = ResolversObject<{
  maxVariantPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  minVariantPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type ProductUpdatePayloadResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductUpdatePayload'] = ResolversParentTypes['ProductUpdatePayload']> = ResolversObject<{
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant'], FederationReferenceType extends FederationReferenceTypes['ProductVariant'] = FederationReferenceTypes['ProductVariant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProductVariant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  selectedOptions?: Resolver<Array<ResolversTypes['SelectedOption']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxClass?: Resolver<ResolversTypes['TaxClass'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Weight'], ParentType, ContextType>;
}>;

export type ProductVariantConnectionResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductVariantConnection'] = ResolversParentTypes['ProductVariantConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductVariantEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ProductVariantEdgeResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductVariantEdge'] = ResolversParentTypes['ProductVariantEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
}>;

export type ProductVariantsCreatePayloadResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductVariantsCreatePayload'] = ResolversParentTypes['ProductVariantsCreatePayload']> = ResolversObject<{
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  productVariants?: Resolver<Maybe<Array<ResolversTypes['ProductVariant']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductVariantsUpdatePayloadResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductVariantsUpdatePayload'] = ResolversParentTypes['ProductVariantsUpdatePayload']> = ResolversObject<{
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  productVariants?: Resolver<Maybe<Array<ResolversTypes['ProductVariant']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  categories?: Resolver<ResolversTypes['CategoryConnection'], ParentType, ContextType, Partial<QueryCategoriesArgs>>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType, Partial<QueryCategoryArgs>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, Partial<QueryProductArgs>>;
  productVariantBySku?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType, RequireFields<QueryProductVariantBySkuArgs, 'sku'>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductsArgs, 'reverse' | 'sortKey'>>;
}>;

export type SelectedOptionResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['SelectedOption'] = ResolversParentTypes['SelectedOption']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WeightResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Weight'] = ResolversParentTypes['Weight']> = ResolversObject<{
  unit?: Resolver<ResolversTypes['WeightUnit'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ProductsContext> = ResolversObject<{
  Category?: CategoryResolvers<ContextType>;
  CategoryConnection?: CategoryConnectionResolvers<ContextType>;
  CategoryCreatePayload?: CategoryCreatePayloadResolvers<ContextType>;
  CategoryEdge?: CategoryEdgeResolvers<ContextType>;
  CategoryProductsAddPayload?: CategoryProductsAddPayloadResolvers<ContextType>;
  CategoryProductsRemovePayload?: CategoryProductsRemovePayloadResolvers<ContextType>;
  CategoryUpdatePayload?: CategoryUpdatePayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductArchivePayload?: ProductArchivePayloadResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductCreatePayload?: ProductCreatePayloadResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  ProductPriceRange?: ProductPriceRangeResolvers<ContextType>;
  ProductUpdatePayload?: ProductUpdatePayloadResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  ProductVariantConnection?: ProductVariantConnectionResolvers<ContextType>;
  ProductVariantEdge?: ProductVariantEdgeResolvers<ContextType>;
  ProductVariantsCreatePayload?: ProductVariantsCreatePayloadResolvers<ContextType>;
  ProductVariantsUpdatePayload?: ProductVariantsUpdatePayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SelectedOption?: SelectedOptionResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Weight?: WeightResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = ProductsContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
