/** The `Money` GraphQL object as resolvers return it (the kit's `money()` builds it). */
export type { MoneyValue } from '#kit';
