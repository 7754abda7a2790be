import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from '../../kit/shared/logger';
import type { SharedState } from '../../kit/shared/shared-state';
import type { Viewer } from '../../kit/shared/roles';
import { operationCost } from './operation-cost';

export interface CostBudgetOptions {
  /** Query cost each user may spend per minute (USER_COST_PER_MINUTE). */
  perMinute: number;
  /** The most one operation may cost (the cost limit). */
  maxOperationCost: number;
  /** Where spending is counted: shared by the gateway's replicas, like the request rate limit. */
  store: Pick<SharedState, 'spend'>;
  logger: Logger;
}

const WINDOW_MS = 60_000;

/**
 * A budget of query cost per user per minute. The per-operation cost limit bounds one query, and the
 * request rate limit counts requests whatever they cost; neither stopped four users sending the
 * heaviest query allowed, back to back, from taking the agencies' time from everyone else. Each
 * operation's cost (./operation-cost, armor's formula with page sizes from variables) is taken from
 * its user's budget before it runs; when the budget cannot cover it the request is refused, 429
 * RATE_LIMITED with Retry-After, and costs the agencies nothing. If the store cannot be asked,
 * requests pass uncounted, as the rate limit's do: a meeting must not stop for want of a counter.
 */
export function costBudgetPlugin<Ctx extends { viewer?: Viewer }>(options: CostBudgetOptions): ApolloServerPlugin<Ctx> {
  const { perMinute, maxOperationCost, store, logger } = options;
  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation({ operation, document, request, schema, contextValue }) {
          const viewer = contextValue.viewer;
          if (!operation || !viewer) return;
          const cost = Math.ceil(operationCost(schema, document, operation, request.variables));
          if (cost > maxOperationCost)
            throw new GraphQLError(
              `Query cost limit of ${maxOperationCost} exceeded, found ${cost} (page sizes given as variables, or left at their default, count too).`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
            );
          let spent;
          try {
            spent = await store.spend(`cost:${viewer.id}`, cost, perMinute, WINDOW_MS);
          } catch (err) {
            logger.warn({ err: (err as Error).message }, 'query cost not counted: the shared store is unavailable');
            return;
          }
          if (spent.allowed) return;
          const retryAfter = Math.max(1, Math.ceil(spent.resetInMs / 1000));
          logger.info({ cost, used: spent.used, perMinute }, 'request refused: query cost budget spent');
          throw new GraphQLError(
            `Query budget spent: at most ${perMinute} of query cost a minute per user (this one costs ${cost}; ${spent.used} spent). Try again in ${retryAfter} s.`,
            {
              extensions: {
                code: 'RATE_LIMITED',
                http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
              },
            },
          );
        },
      });
    },
  };
}
