import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { OperationTypeNode } from 'graphql';
import { useEffect, useRef } from 'react';

/**
 * When the persona changes (GraphiQL is handed a fetcher with their token), a query already answered is
 * asked again as them, so the same view shows at once how it answers differently. Never a mutation: a
 * write is sent only when the developer says so.
 */
export function RunAgainAsNewPersona() {
  const fetcher = useGraphiQL((state) => state.fetcher);
  const answered = useGraphiQL((state) => !!state.tabs[state.activeTabIndex]?.response);
  const queriesOnly = useGraphiQL(
    (state) => !!state.operations?.length && state.operations.every((o) => o.operation === OperationTypeNode.QUERY),
  );
  const actions = useGraphiQLActions();
  const asked = useRef(fetcher);
  useEffect(() => {
    if (fetcher === asked.current) return;
    asked.current = fetcher;
    if (answered && queriesOnly) actions.run();
  }, [fetcher, answered, queriesOnly, actions]);
  return null;
}
