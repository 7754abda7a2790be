import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { AGENCIES, type AgencyDefinition } from '../../kit/shared/agencies';
import { generateSigningKeyPair } from '../../kit/shared/keys';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import type { Viewer } from '../../kit/shared/roles';
import { described, SubgraphCaller, type Answer, type GraphQLError, type Operation } from './caller';
import { at, subjectReads, type Asking, type GrantMade } from './subject';

/** What a partner gives the kit (docs/partner-contract.md, "Conformance"). */
export interface ConformanceTarget {
  url: string;
  agency: AgencyDefinition;
  /** The gateway's private signing JWK (the deployment under test's). */
  gatewayKey: JWK;
  /** Social care's private grant JWK: needed for a receiving agency. */
  grantKey?: JWK;
  /** An identifier the agency holds. */
  youngPerson: string;
  /** Another one: needed for a receiving agency (a grant for it must not open \`youngPerson\`). */
  anotherYoungPerson?: string;
  /** A user with a legitimate relationship with `youngPerson`: needed for social care, which decides relationships itself. */
  viewer?: Viewer;
}

export type Outcome = 'holds' | 'does not hold' | 'not applicable';

export interface CheckResult {
  check: string;
  outcome: Outcome;
  why: string;
}

/** A user of social care with no grant-worthy standing of their own: a receiving agency trusts the grant the kit signs for them. */
const READER: Viewer = { id: 'conformance.reader', name: 'Conformance Reader', agency: 'SOCIAL_CARE', role: 'SOCIAL_WORKER' };
const AUDITOR: Viewer = { id: 'conformance.auditor', name: 'Conformance Auditor', agency: 'SOCIAL_CARE', role: 'IG_AUDITOR' };
/** Nobody social care allocates anyone to: its relationship rules give this user nothing. */
const STRANGER: Viewer = { id: 'conformance.stranger', name: 'Conformance Stranger', agency: 'SOCIAL_CARE', role: 'SOCIAL_WORKER' };

const SDL: Operation = { query: '{ _service { sdl } }' };

const codeOf = (e: GraphQLError) => e.extensions?.code;
const hasData = (answer: Answer) => answer.body?.data != null;

/** A refusal of the internal token: 401, UNAUTHENTICATED, no data (contract section 3). */
function tokenRefused(answer: Answer): boolean {
  return answer.status === 401 && !hasData(answer) && (answer.body?.errors ?? []).some((e) => codeOf(e) === 'UNAUTHENTICATED');
}

interface Step {
  label: string;
  answer: Answer;
  ok: boolean;
}

const result = (check: string, steps: Step[]): CheckResult => ({
  check,
  outcome: steps.every((s) => s.ok) ? 'holds' : 'does not hold',
  why: steps.map((s) => `${s.label}: ${described(s.answer)}${s.ok ? '' : ' (not as the contract says)'}`).join('; '),
});

/** Runs every check of the contract against one subgraph, in order, each on its own. */
export async function runConformance(target: ConformanceTarget): Promise<CheckResult[]> {
  const caller = new SubgraphCaller(target.url, target.agency.name, target.gatewayKey);
  const reads = subjectReads(target.agency, target.grantKey);
  if (reads.grants && !target.anotherYoungPerson)
    throw new Error(`--another-young-person is required for ${target.agency.name}: a grant for it must not open --young-person`);
  if (!reads.grants && !target.viewer)
    throw new Error(`--viewer is required for ${target.agency.name}: a user with a legitimate relationship with --young-person`);
  const reader = target.viewer ?? READER;
  const foreign = (await generateSigningKeyPair('conformance-forger')).privateJwk;
  const elsewhere = AGENCIES.find((a) => a.name !== target.agency.name)?.name ?? 'elsewhere';
  const asking = (viewer: Viewer): Asking => ({ viewer, requestId: `conformance-${randomUUID()}` });
  /** Reads `selection` of `identifier` as `who` (with the grant `grant` makes), signed as the gateway signs. */
  const read = async (who: Asking, selection: string, grant?: GrantMade, identifier = target.youngPerson) => {
    const operation = await reads.operation(identifier, selection, who, grant);
    return caller.ask(operation, who);
  };
  const shown = (answer: Answer) => answer.status === 200 && at(answer.body?.data, reads.path) != null && !answer.body?.errors?.length;
  const noData = (answer: Answer, code: string) =>
    answer.status === 200 && at(answer.body?.data, reads.path) == null && (answer.body?.errors ?? []).some((e) => codeOf(e) === code);

  const checks: [string, () => Promise<CheckResult>][] = [
    [
      'direct call refused',
      async () => {
        const none = await caller.ask(SDL, null);
        const forged = await caller.ask(SDL, { viewer: reader, key: foreign });
        return result('direct call refused', [
          { label: 'no token', answer: none, ok: tokenRefused(none) },
          { label: 'a token signed with another key', answer: forged, ok: tokenRefused(forged) },
        ]);
      },
    ],
    [
      'wrong audience refused',
      async () => {
        const answer = await caller.ask(SDL, { viewer: reader, audience: elsewhere });
        return result('wrong audience refused', [{ label: `a token for subgraph:${elsewhere}`, answer, ok: tokenRefused(answer) }]);
      },
    ],
    [
      'other operation refused',
      async () => {
        const answer = await caller.ask(SDL, { viewer: reader, signedFor: { query: '{ __typename }' } });
        return result('other operation refused', [{ label: 'a token signed for another operation', answer, ok: tokenRefused(answer) }]);
      },
    ],
    [
      'replayed token refused',
      async () => {
        const token = await caller.token(SDL, { viewer: reader });
        const first = await caller.ask(SDL, { viewer: reader, token });
        const again = await caller.ask(SDL, { viewer: reader, token });
        return result('replayed token refused', [
          { label: 'first use', answer: first, ok: first.status === 200 && typeof at(first.body?.data, ['_service', 'sdl']) === 'string' },
          { label: 'the same token again', answer: again, ok: tokenRefused(again) },
        ]);
      },
    ],
    [
      'no grant, no data',
      async () => {
        if (!reads.grants) {
          const answer = await read(asking(STRANGER), reads.readSelection);
          return result('no grant, no data', [
            { label: 'a user with no relationship', answer, ok: noData(answer, 'NOT_FOUND') && !hasData(answer) },
          ]);
        }
        const none = await read(asking(READER), reads.readSelection, 'none');
        const forged = await read(asking(READER), reads.readSelection, { key: foreign });
        return result('no grant, no data', [
          { label: 'no grant', answer: none, ok: noData(none, 'FORBIDDEN') },
          { label: 'a grant signed with another key', answer: forged, ok: noData(forged, 'FORBIDDEN') },
        ]);
      },
    ],
    [
      'grant for another identifier refused',
      async () => {
        if (!reads.grants)
          return { check: 'grant for another identifier refused', outcome: 'not applicable', why: 'the lead agency signs grants' };
        const purpose = { kind: PurposeKind.ALLOCATION };
        const anotherPerson = { identifier: target.anotherYoungPerson!, purpose };
        const another = await read(asking(READER), reads.readSelection, { change: { people: [anotherPerson] } });
        // A list's grant names several young people, each under its own purpose: the agency answers
        // the one it was sent for and records that one's purpose, not another's.
        const amongAsking = asking(READER);
        const among = await read(amongAsking, reads.readSelection, {
          change: {
            people: [
              {
                identifier: target.anotherYoungPerson!,
                purpose: { kind: PurposeKind.MEETING_INVITATION, meetingId: 'conformance-meeting' },
              },
              { identifier: target.youngPerson, purpose },
            ],
          },
        });
        const log = await read(asking(AUDITOR), 'accessLog { requestId purpose }');
        const logged = ((at(log.body?.data, [...reads.path, 'accessLog']) ?? []) as { requestId: string; purpose: string | null }[]).find(
          (e) => e.requestId === amongAsking.requestId,
        );
        const twice = await read(asking(READER), reads.readSelection, {
          change: {
            people: [
              { identifier: target.youngPerson, purpose },
              { identifier: target.youngPerson, purpose: { kind: PurposeKind.AUDIT } },
            ],
          },
        });
        const user = await read(asking(READER), reads.readSelection, { change: { viewerId: STRANGER.id } });
        const request = await read(asking(READER), reads.readSelection, { change: { requestId: 'conformance-another-request' } });
        return result('grant for another identifier refused', [
          { label: 'a grant for another young person', answer: another, ok: noData(another, 'FORBIDDEN') },
          {
            label: `a grant naming this young person among others (recorded under ${logged?.purpose ?? 'no entry'})`,
            answer: among,
            ok: shown(among) && logged?.purpose === purpose.kind,
          },
          { label: 'a grant naming this young person twice', answer: twice, ok: noData(twice, 'FORBIDDEN') },
          { label: 'a grant for another user', answer: user, ok: noData(user, 'FORBIDDEN') },
          { label: 'a grant for another request', answer: request, ok: noData(request, 'FORBIDDEN') },
        ]);
      },
    ],
    [
      'withheld fields come back as notices',
      async () => {
        const answer = await read(asking(reader), `${reads.readSelection} accessLog { requestId }`);
        const path = [...reads.path, 'accessLog'];
        const notice = (answer.body?.errors ?? []).find((e) => codeOf(e) === 'WITHHELD' && JSON.stringify(e.path) === JSON.stringify(path));
        const shaped =
          notice !== undefined &&
          typeof notice.extensions?.agency === 'string' &&
          typeof notice.extensions.rule === 'string' &&
          notice.message.startsWith(`Withheld by ${notice.extensions.agency}: `);
        const ok = answer.status === 200 && at(answer.body?.data, reads.path) != null && at(answer.body?.data, path) === null && shaped;
        return {
          check: 'withheld fields come back as notices',
          outcome: ok ? 'holds' : 'does not hold',
          why: notice
            ? `accessLog as a user who is not an auditor: null, ${JSON.stringify(notice.message)} at ${JSON.stringify(notice.path)}${ok ? '' : ' (not as the contract says)'}`
            : `accessLog as a user who is not an auditor: ${described(answer)}, no WITHHELD notice at ${JSON.stringify(path)}`,
        };
      },
    ],
    [
      'answered reads are audited',
      async () => {
        const reading = asking(reader);
        const answered = await read(reading, reads.readSelection);
        const refusing = asking(STRANGER);
        await read(refusing, reads.readSelection, reads.grants ? 'none' : undefined);
        const log = await read(asking(AUDITOR), 'accessLog { requestId action userId fieldsRead }');
        const entries = (at(log.body?.data, [...reads.path, 'accessLog']) ?? []) as {
          requestId: string;
          action: string;
          userId: string;
          fieldsRead: string[];
        }[];
        const readEntry = entries.find((e) => e.requestId === reading.requestId);
        const refusalEntry = entries.find((e) => e.requestId === refusing.requestId);
        const readOk =
          at(answered.body?.data, reads.path) != null &&
          readEntry?.action === 'READ' &&
          readEntry.userId === reading.viewer.id &&
          readEntry.fieldsRead.includes(reads.readField);
        const refusalOk = refusalEntry?.action === 'REFUSED' && refusalEntry.userId === STRANGER.id;
        const say = (entry: (typeof entries)[number] | undefined) =>
          entry ? `${entry.action} by ${entry.userId} reading ${JSON.stringify(entry.fieldsRead)}` : 'no entry';
        return {
          check: 'answered reads are audited',
          outcome: readOk && refusalOk ? 'holds' : 'does not hold',
          why: `read (${described(answered)}): ${say(readEntry)}; refusal: ${say(refusalEntry)}; the auditor's accessLog: ${described(log)}, ${entries.length} entries`,
        };
      },
    ],
  ];
  const results: CheckResult[] = [];
  for (const [check, run] of checks) {
    try {
      results.push(await run());
    } catch (err) {
      results.push({ check, outcome: 'does not hold', why: `the check could not finish: ${(err as Error).message}` });
    }
  }
  return results;
}
