/**
 * The explorer: GraphiQL over the gateway's own `/graphql`, with a partner API key field whose value goes
 * out as `X-API-Key` on every request, the public schema's docs (from `/schema.graphql`, so they need no
 * introspection) and the example operations as tabs. Written without JSX: the project's type-check is
 * Node's, and `createElement` needs no compiler setting.
 */
import { createElement as h, useEffect, useMemo, useRef, useState } from 'react';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { apiKeyStore, type ExplorerConfig } from './browser.ts';

type Fetcher = GraphiQLProps['fetcher'];

const WELCOME = `# The supergraph-commerce explorer.
#
# Type an operation and run it with Ctrl-Enter (the ▶ button). The docs (book icon) list every public type.
# Partners: put your API key in the field above; it is sent as X-API-Key with every request.
#
# Example:
#   { products(first: 3) { nodes { title priceRange { minVariantPrice { amount currencyCode } } } } }
`;

const DOCS_PLUGIN = 'Documentation Explorer';

/**
 * The published schema: `loading` until /schema.graphql answers; then the schema, or undefined when it
 * could not be had (GraphiQL then introspects through the fetcher, which a key may allow).
 */
function usePublicSchema(url: string): { loading: true } | { loading: false; schema: GraphQLSchema | undefined } {
  const [state, setState] = useState<{ loading: true } | { loading: false; schema: GraphQLSchema | undefined }>({ loading: true });
  useEffect(() => {
    let cancelled = false;
    fetch(url, { headers: { accept: 'text/plain' }, credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return buildSchema(await response.text());
      })
      .then(
        (schema) => !cancelled && setState({ loading: false, schema }),
        (error: unknown) => {
          console.warn('explorer: the published schema is unavailable; introspecting instead', error);
          if (!cancelled) setState({ loading: false, schema: undefined });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [url]);
  return state;
}

export function Explorer({ config }: { config: ExplorerConfig }) {
  const [apiKey, setApiKey] = useState(() => apiKeyStore.get());
  // The fetcher reads the key when it sends, so typing a key needs no new fetcher (nor a reset editor).
  const keyRef = useRef(apiKey);
  keyRef.current = apiKey;
  const published = usePublicSchema(config.schemaUrl);

  const fetcher = useMemo<Fetcher>(
    () => async (params, options) => {
      const key = keyRef.current.trim();
      const response = await fetch(config.endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options?.headers as Record<string, string> | undefined),
          ...(key ? { 'x-api-key': key } : {}),
        },
        body: JSON.stringify(params),
      });
      const text = await response.text();
      try {
        return JSON.parse(text);
      } catch {
        return { errors: [{ message: `HTTP ${response.status} from ${config.endpoint}: ${text.slice(0, 500)}` }] };
      }
    },
    [config.endpoint],
  );

  const defaultTabs = useMemo(() => (config.operations.length > 0 ? config.operations.map((operation) => ({ query: operation.body })) : undefined), [config.operations]);

  return h(
    'div',
    { className: 'explorer' },
    h(
      'form',
      { className: 'explorer-bar', onSubmit: (event) => event.preventDefault() },
      h('h1', null, 'supergraph-commerce explorer'),
      h('label', { htmlFor: 'explorer-api-key' }, 'Partner API key'),
      h('input', {
        id: 'explorer-api-key',
        name: 'api-key',
        type: 'password',
        autoComplete: 'off',
        spellCheck: false,
        placeholder: 'sent as X-API-Key',
        value: apiKey,
        onChange: (event) => {
          const value = (event.currentTarget as unknown as { value: string }).value;
          setApiKey(value);
          apiKeyStore.set(value);
        },
      }),
      h('small', { 'aria-live': 'polite' }, apiKey.trim() ? 'X-API-Key is sent with every request' : 'no key: requests are anonymous'),
    ),
    h(
      'div',
      { className: 'explorer-graphiql' },
      // GraphiQL waits for the schema, so it does not introspect when the published one is at hand.
      published.loading
        ? h('p', { className: 'explorer-loading' }, 'Loading the schema…')
        : h(GraphiQL, {
            fetcher,
            ...(published.schema ? { schema: published.schema } : {}),
            defaultQuery: WELCOME,
            ...(defaultTabs ? { defaultTabs } : {}),
            visiblePlugin: DOCS_PLUGIN,
            shouldPersistHeaders: false,
          }),
    ),
  );
}
