import { RECEIVING_AGENCIES } from '../../kit/shared/agencies';
import { operation } from '../operations';

/** One root field (or identifier scheme) asked about a record, as a meeting tool would ask it. */
export interface MissCase {
  name: string;
  /** Which kind of target it asks about (a key of Targets). */
  targets: string;
  document: string;
  operationName?: string;
  variables(target: string): Record<string, unknown>;
}

/** An example operation from gateway/operations with its example variables, the asked id put in by `put`. */
function fromOperation(
  name: string,
  file: string,
  targets: string,
  put: (variables: Record<string, unknown>, target: string) => Record<string, unknown>,
  operationName?: string,
): MissCase {
  const { document, variables } = operation(file);
  return { name, targets, document, operationName, variables: (target) => put(structuredClone(variables), target) };
}

const meetingId = (variables: Record<string, unknown>, target: string) => ({ ...variables, meetingId: target });

/** What each agency says of the young person: a real search asks for it, and it must not tell either. */
const AGENCY_PARTS = RECEIVING_AGENCIES.map((a) => `${a.recordField} { matchStatus }`).join(' ');

/** Every root field that takes an id, and every identifier a young person can be searched by. */
export function missCases(): MissCase[] {
  const searches = ['laChildId', ...RECEIVING_AGENCIES.map((a) => a.identifier.field)].map((field): MissCase => ({
    name: `youngPersonByIdentifier(${field})`,
    targets: field,
    document: `query Search($value: String!) { youngPersonByIdentifier(${field}: $value) { id givenName familyName ${AGENCY_PARTS} } }`,
    variables: (value) => ({ value }),
  }));
  const changes = ['RescheduleMeeting', 'PostponeMeeting', 'CancelMeeting'].map((op) =>
    fromOperation(`${op[0].toLowerCase()}${op.slice(1)}`, 'change-meeting', 'meetingId', meetingId, op),
  );
  return [
    fromOperation('youngPerson', 'multi-agency-view', 'id', (v, id) => ({ ...v, id })),
    ...searches,
    fromOperation('meeting', 'meeting-pack', 'meetingId', meetingId),
    fromOperation('scheduleMeeting', 'schedule-meeting', 'id', (v, id) => ({
      ...v,
      input: { ...(v.input as object), youngPersonId: id },
    })),
    ...changes,
    fromOperation('inviteToMeeting', 'invite-to-meeting', 'meetingId', meetingId),
    fromOperation('recordMeeting', 'record-meeting', 'meetingId', meetingId),
    fromOperation('recordYoungPersonsConsent', 'record-young-persons-consent', 'meetingId', meetingId),
    fromOperation('overrideYoungPersonsConsent', 'override-young-persons-consent', 'meetingId', meetingId),
    fromOperation('updateActionProgress', 'update-action-progress', 'actionId', (v, actionId) => ({ ...v, actionId })),
  ];
}
