import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../clock';
import { serially, withChainRetry, type AuditChain } from '../audit/chain';
import { writeSnapshots } from '../snapshots/freeze';
import type { Logger } from '../../shared/logger';
import type { ObserveAuditWrite } from '../metrics';
import type { RequestAccess } from './request-access';

/**
 * Before a response leaves a subgraph: its withheld notices are added as WITHHELD errors at their
 * paths, and the request's audit records are written (with any meeting pack part it froze, in the
 * same transaction). If they cannot be written, no data leaves.
 */
export function auditBeforeResponsePlugin(
  em: EntityManager,
  chain: AuditChain,
  clock: Clock,
  logger: Logger,
  observe?: ObserveAuditWrite,
): ApolloServerPlugin<BaseContext & { access?: RequestAccess }> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse({ contextValue, response }) {
          const access = contextValue.access;
          if (!access || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (access.notices.length) {
            result.errors = [
              ...(result.errors ?? []),
              ...access.notices.map((n) => ({
                message: `Withheld by ${n.agency}: ${n.explanation}${n.count ? ` (${n.count} item${n.count > 1 ? 's' : ''})` : ''}`,
                path: n.path,
                extensions: { code: 'WITHHELD', agency: n.agency, rule: n.rule, ...(n.count && { count: n.count }) },
              })),
            ];
          }
          const started = performance.now();
          const took = () => (performance.now() - started) / 1000;
          try {
            const at = clock.now();
            const records = access.auditContents(at);
            if (access.snapshots.length) {
              // A frozen pack part commits with the reads that showed it, or neither does.
              await serially(() =>
                withChainRetry(em, async (tx) => {
                  await chain.appendIn(tx, records);
                  await writeSnapshots(tx, chain, access.snapshots, access.viewer.id, at);
                }),
              );
            } else await chain.append(em, records);
            if (records.length || access.snapshots.length) observe?.('written', took(), records.length);
          } catch (err) {
            observe?.('failed', took(), 0);
            logger.error({ err, requestId: access.requestId }, 'audit write failed: response withheld');
            response.body.singleResult = {
              errors: [
                {
                  message: 'The audit log could not be written, so no data was returned. Try again.',
                  extensions: { code: 'AUDIT_UNAVAILABLE' },
                },
              ],
            };
            if (response.http) response.http.status = 503;
          }
        },
      });
    },
  };
}
