'use strict';
// What the gateway's dependencies get in place of a module it does not load (gateway/src/lean/modules.ts).
// Reading a name is harmless (@apollo/gateway reads two constants at load); calling anything throws, so a
// use nobody foresaw fails loudly instead of doing nothing. `defaults()` is the one call made at load:
// RemoteGraphQLDataSource's constructor builds a make-fetch-happen fetcher that the gateway's own replaces.
const fail = (name) => () => {
  throw new Error(`${String(name)}: a module the gateway does not load was used (gateway/src/lean/modules.ts)`);
};
module.exports = new Proxy(
  {},
  {
    get(_target, name) {
      if (name === '__esModule' || name === 'then' || typeof name === 'symbol') return undefined;
      if (name === 'defaults') return () => fail('make-fetch-happen fetch');
      return fail(name);
    },
  },
);
