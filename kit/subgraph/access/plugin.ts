import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../clock';
import { appendAuditRecordsIn, serially, withChainRetry } from '../audit/chain';
import { writeSnapshots } from '../snapshots/freeze';
import type { Logger } from '../../shared/logger';
import type { RequestAccess } from './request-access';

/**
 * Before a response leaves a subgraph: its withheld notices are added as WITHHELD errors at their
 * paths, and the request's audit records are written (with any meeting pack part it froze, in the
 * same transaction). If they cannot be written, no data leaves.
 */
export function auditBeforeResponsePlugin(
  em: EntityManager,
  clock: Clock,
  logger: Logger,
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
          try {
            const at = clock.now();
            const records = access.auditContents(at);
            if (records.length || access.snapshots.length) {
              await serially(() =>
                withChainRetry(em, async (tx) => {
                  await appendAuditRecordsIn(tx, records);
                  await writeSnapshots(tx, access.snapshots, access.viewer.id, at);
                }),
              );
            }
          } catch (err) {
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
