/**
 * Runs a persisted query for a page and re-runs it when its variables change. A stale answer (the
 * shopper moved on before it arrived) is dropped. A partial answer (data, and errors on some fields: stock
 * while the inventory service is down, say) is shown: those fields are null and the page says so.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useState } from 'preact/hooks';
import { GraphQLRequestError } from '../../../app-kit/src/graphql.ts';
import { api, describeError } from '../api.ts';

export interface QueryState<R> {
  data: R | null;
  error: string | null;
  loading: boolean;
  reload(): void;
}

export function useQuery<R, V>(document: TypedDocumentNode<R, V>, variables: V, options: { skip?: boolean } = {}): QueryState<R> {
  const key = JSON.stringify(variables);
  // `key` is the variables the data answers: the render right after they change comes before the effect that
  // marks the state loading, and without it showed the old answer as the new one (page 2's products as page 3).
  const [state, setState] = useState<{ key: string | null; data: R | null; error: string | null; loading: boolean }>({ key: null, data: null, error: null, loading: !options.skip });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    api.request(document, variables, { method: 'GET' }).then(
      ({ data, errors }) => {
        if (!current) return;
        if (data !== null) setState({ key, data, error: null, loading: false });
        else setState((previous) => ({ ...previous, key, error: describeError(new GraphQLRequestError(errors, 200)), loading: false }));
      },
      (error: unknown) => current && setState((previous) => ({ ...previous, key, error: describeError(error), loading: false })),
    );
    return () => {
      current = false;
    };
  }, [key, generation, options.skip]);
  const loading = !options.skip && (state.loading || state.key !== key);
  return { data: state.data, error: state.error, loading, reload: () => setGeneration((value) => value + 1) };
}
