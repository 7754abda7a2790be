import type { EntityClass, EntityManager } from '@mikro-orm/core';
import { accessLogLoader } from '../../kit/subgraph/audit/graphql';
import { findIn, type Order } from '../../kit/subgraph/find-in';
import { manyByKey, oneByKey } from '../../kit/subgraph/loaders';
import { Allocation } from './entities/allocation';
import { AssessmentFactorRecord, Plan, StatutoryVisit } from './entities/plans';
import { CaseStatusEpisode, LegalStatusEpisode, MissingFromCareEpisode, PlacementEpisode } from './entities/episodes';
import { IdentifierLink } from './entities/identifier-link';
import {
  ActionProgressNote,
  Meeting,
  MeetingAction,
  MeetingAttendee,
  MeetingObservation,
  ScalingScore,
  SignificantEvent,
} from './entities/meetings';
import { NwdInvolvement, SpecialistInvolvement } from './entities/nwd';
import { YoungPerson } from './entities/young-person';
import DataLoader from 'dataloader';
import type { Purpose } from '../../kit/subgraph/access/purpose';
import type { LocalDate } from '../../kit/subgraph/dates';
import type { Viewer } from '../../kit/shared/roles';
import { SOCIAL_CARE } from './agency';
import type { IdentifierScheme } from './enums';
import { hasStatutoryRole, purposeBeforeMeetings, purposeFromMeetings } from './rules/relationship';

type OwnedBy<K extends string> = { [P in K]: { id: string } };

/** Who is asking, and what decides their purpose: the request's viewer, today, and any break-glass reasons typed. */
export interface LoaderRequest {
  viewer: Viewer;
  today: LocalDate;
  breakGlassReasons: ReadonlyMap<string, string>;
}

/** Per-request loaders: one query per kind of record per request, however many young people are asked for. */
export function createLoaders(em: EntityManager, request: LoaderRequest) {
  const loaders = recordLoaders(em, request.viewer.id);
  return { ...loaders, purposes: purposeLoader(loaders, request) };
}

function recordLoaders(em: EntityManager, viewerId: string) {
  const byYoungPerson = <T extends OwnedBy<'youngPerson'>>(entity: EntityClass<T>, orderBy: Order<T>) =>
    manyByKey<string, T>(
      (ids) => findIn(em, entity, 'youngPerson', ids, { orderBy }),
      (row) => row.youngPerson.id,
    );
  const byMeeting = <T extends OwnedBy<'meeting'> & { id: unknown }>(entity: EntityClass<T>) =>
    manyByKey<string, T>(
      (ids) => findIn(em, entity, 'meeting', ids, { orderBy: [['id', 'asc']] }),
      (row) => row.meeting.id,
    );

  return {
    youngPerson: oneByKey<string, YoungPerson>(
      (ids) => findIn(em, YoungPerson, 'id', ids),
      (p) => p.id,
    ),
    /** Current links keyed "SCHEME:value", for resolving a young person by another agency's identifier. */
    linkByIdentifier: oneByKey<string, IdentifierLink>(
      async (keys) => {
        const pairs = keys.map((k) => k.split(':', 2) as [IdentifierScheme, string]);
        return em.find(IdentifierLink, {
          supersededOn: null,
          $or: pairs.map(([scheme, value]) => ({ scheme, value })),
        });
      },
      (link) => `${link.scheme}:${link.value}`,
    ),
    identifierLinks: byYoungPerson(IdentifierLink, [['linkedOn', 'asc']]),
    caseStatusEpisodes: byYoungPerson(CaseStatusEpisode, [['startDate', 'asc']]),
    legalStatusEpisodes: byYoungPerson(LegalStatusEpisode, [['startDate', 'asc']]),
    placementEpisodes: byYoungPerson(PlacementEpisode, [['startDate', 'asc']]),
    missingFromCareEpisodes: byYoungPerson(MissingFromCareEpisode, [['startedAt', 'asc']]),
    plans: byYoungPerson(Plan, [['agreedOn', 'asc']]),
    statutoryVisits: byYoungPerson(StatutoryVisit, [['visitedOn', 'asc']]),
    assessmentFactors: byYoungPerson(AssessmentFactorRecord, [['identifiedOn', 'asc']]),
    nwdInvolvements: byYoungPerson(NwdInvolvement, [['referredOn', 'asc']]),
    specialistInvolvements: byYoungPerson(SpecialistInvolvement, [['startDate', 'asc']]),
    meetings: byYoungPerson(Meeting, [['heldOn', 'desc']]),
    allocations: byYoungPerson(Allocation, [['startDate', 'asc']]),
    accessLog: accessLogLoader(em, SOCIAL_CARE.name),
    /** The viewer's own allocations to each young person (the relationship rule asks of no one else's). */
    allocationsOfViewer: manyByKey<string, Allocation>(
      (ids) => findIn(em, Allocation, 'youngPerson', ids, { where: { practitionerId: viewerId } }),
      (a) => a.youngPerson.id,
    ),
    /** The viewer's own hub involvements with each young person. */
    involvementsOfViewer: manyByKey<string, SpecialistInvolvement>(
      (ids) => findIn(em, SpecialistInvolvement, 'youngPerson', ids, { where: { practitionerId: viewerId } }),
      (s) => s.youngPerson.id,
    ),
    /** The viewer's own invitations to meetings about each young person. */
    invitationsOfViewer: manyByKey<string, MeetingAttendee>(
      (ids) => em.find(MeetingAttendee, { practitionerId: viewerId, meeting: { youngPerson: { $in: ids } } }, { populate: ['meeting'] }),
      (a) => a.meeting.youngPerson.id,
    ),
    /** The viewer's own actions from meetings about each young person (an open one is a relationship). */
    actionsOfViewer: manyByKey<string, MeetingAction>(
      (ids) => em.find(MeetingAction, { ownerId: viewerId, meeting: { youngPerson: { $in: ids } } }, { populate: ['meeting'] }),
      (a) => a.meeting.youngPerson.id,
    ),
    meeting: oneByKey<string, Meeting>(
      (ids) => findIn(em, Meeting, 'id', ids),
      (m) => m.id,
    ),
    attendees: byMeeting(MeetingAttendee),
    scalingScores: byMeeting(ScalingScore),
    observations: byMeeting(MeetingObservation),
    actions: byMeeting(MeetingAction),
    progressNotes: manyByKey<number, ActionProgressNote>(
      (ids) =>
        findIn(em, ActionProgressNote, 'action', ids, {
          orderBy: [
            ['writtenAt', 'asc'],
            ['id', 'asc'],
          ],
        }),
      (n) => n.action.id,
    ),
    significantEvents: byMeeting(SignificantEvent),
  };
}

/**
 * Each young person's purpose for this viewer (null: no legitimate relationship), from the viewer's own
 * allocations, involvements, invitations and actions, and, for a statutory role, the case status history.
 * Only the viewer's own rows are read (and, for a statutory role, the young person's case statuses): a
 * young person they have nothing to do with costs what an id that names nobody does (the same
 * statements), so neither the answer nor its time tells them apart. The invitations and
 * actions (each with its meeting) are read only where the rows that outrank them did not decide; those
 * decide only to open a record (or, for a figures-only role, to open none to anyone), which the answer
 * shows anyway, so the time saved tells nothing. Batched like every loader.
 */
function purposeLoader(l: ReturnType<typeof recordLoaders>, request: LoaderRequest) {
  return new DataLoader<string, Purpose | null>(async (ids) =>
    Promise.all(
      ids.map(async (id) => {
        const [allocations, specialistInvolvements, caseStatuses] = await Promise.all([
          l.allocationsOfViewer.load(id),
          l.involvementsOfViewer.load(id),
          hasStatutoryRole(request.viewer) ? l.caseStatusEpisodes.load(id) : [],
        ]);
        const decided = purposeBeforeMeetings(request.viewer, { allocations, specialistInvolvements, caseStatuses }, request.today);
        if (decided !== undefined) return decided;
        const [invitations, actions] = await Promise.all([l.invitationsOfViewer.load(id), l.actionsOfViewer.load(id)]);
        return purposeFromMeetings(request.viewer, { invitations, actions }, request.today, request.breakGlassReasons.get(id));
      }),
    ),
  );
}

export type SocialCareLoaders = ReturnType<typeof createLoaders>;
