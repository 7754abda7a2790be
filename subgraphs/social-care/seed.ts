import { createHash } from 'node:crypto';
import type { AgencySeeder } from '../../kit/subgraph/service';
import { addDays, addMonths } from '../../kit/subgraph/dates';
import { LA_CODE, type PopulationOptions, type SyntheticYoungPerson } from '../../kit/dev/synthetic/population';
import { Random } from '../../kit/dev/synthetic/random';
import { CaseStatusEpisode, MissingFromCareEpisode } from './entities/episodes';
import { IdentifierLink } from './entities/identifier-link';
import { ActionProgressNote, Meeting, MeetingAction, MeetingAttendee, MeetingObservation, ScalingScore } from './entities/meetings';
import { NwdInvolvement, SpecialistInvolvement } from './entities/nwd';
import { AssessmentFactorRecord, Plan, StatutoryVisit } from './entities/plans';
import { YoungPerson } from './entities/young-person';
import {
  ActionStatus,
  Agency,
  AssessmentFactor,
  Attendance,
  CaseStatus,
  CpCategory,
  Ethnicity,
  IdentifierScheme,
  LinkMethod,
  MeetingKind,
  MeetingStatus,
  MissingFromCareType,
  NwdClosureOutcome,
  NwdSpecialist,
  NwdSupport,
  ObservationKind,
  PlanType,
  RagPriority,
  Sex,
} from './enums';
import { Allocation } from './entities/allocation';
import { teamFor, type Team } from './seeding/team';
import { ACTIONS, PROGRESS_NOTES, RISKS, STRENGTHS, VIEWS } from './seeding/texts';
import { FIRST_RAISE_WITHIN_DAYS, RAISE_INTERVAL_DAYS } from './rules/raise-schedule';
import { seedLegalStatuses, seedPlacements } from './seeding/care';
import { nearestWeekday } from '../../kit/dev/synthetic/events';
import type { SeedingSession } from '../../kit/dev/synthetic/seeding-session';

const later = (a: string, b: string) => (a > b ? a : b);

function seedIdentifiers(em: SeedingSession, yp: YoungPerson, p: SyntheticYoungPerson, r: Random, asOf: string, team: Team) {
  const links: [IdentifierScheme, string | null, LinkMethod][] = [
    [IdentifierScheme.NHS_NUMBER, p.nhsNumber, r.chance(0.8) ? LinkMethod.NHS_SPINE_TRACE : LinkMethod.AGENCY_CONFIRMED],
    [IdentifierScheme.UPN, p.upn, r.chance(0.7) ? LinkMethod.AGENCY_CONFIRMED : LinkMethod.RECORDED_BY_PRACTITIONER],
    [IdentifierScheme.PNC_ID, p.pncId, r.chance(0.6) ? LinkMethod.AGENCY_CONFIRMED : LinkMethod.DEMOGRAPHIC_MATCH],
  ];
  for (const [scheme, value, method] of links) {
    if (!value) continue;
    const linkedOn = later(p.statusSince, addDays(asOf, -r.int(30, 900)));
    em.create(IdentifierLink, {
      youngPerson: yp,
      scheme,
      value,
      method,
      linkedBy: `${team.socialWorker.name} (social worker)`,
      linkedOn: linkedOn > asOf ? asOf : linkedOn,
    });
  }
}

function seedStatus(em: SeedingSession, yp: YoungPerson, p: SyntheticYoungPerson, r: Random) {
  const status = CaseStatus[p.status];
  // An edge-of-care young person who entered care was on the edge of care until the day before.
  const edge = p.edgeOfCare?.enteredCareOn ? p.edgeOfCare : null;
  const firstSince = edge?.since ?? p.statusSince;
  if (status !== CaseStatus.CHILD_IN_NEED && r.chance(0.5)) {
    const priorStart = later(p.dateOfBirth, addMonths(firstSince, -r.int(3, 18)));
    if (priorStart < firstSince) {
      em.create(CaseStatusEpisode, {
        youngPerson: yp,
        status: CaseStatus.CHILD_IN_NEED,
        startDate: priorStart,
        endDate: addDays(firstSince, -1),
      });
    }
  }
  if (edge)
    em.create(CaseStatusEpisode, {
      youngPerson: yp,
      status: CaseStatus.EDGE_OF_CARE,
      startDate: edge.since,
      endDate: addDays(p.statusSince, -1),
    });
  em.create(CaseStatusEpisode, {
    youngPerson: yp,
    status,
    startDate: p.statusSince,
    cpCategory:
      status === CaseStatus.CHILD_PROTECTION
        ? r.weighted([
            [CpCategory.NEG, 45],
            [CpCategory.EMO, 35],
            [CpCategory.PHY, 8],
            [CpCategory.SAB, 4],
            [CpCategory.MUL, 8],
          ])
        : null,
    uasc: status === CaseStatus.LOOKED_AFTER && r.chance(0.04),
  });
}

function seedCare(em: SeedingSession, yp: YoungPerson, p: SyntheticYoungPerson, r: Random, asOf: string) {
  seedLegalStatuses(em, yp, p, r, asOf);
  seedPlacements(em, yp, p, r, asOf);
  em.create(Plan, {
    youngPerson: yp,
    type: PlanType.CARE_PLAN,
    agreedOn: addDays(p.statusSince, r.int(0, 20)) > asOf ? asOf : addDays(p.statusSince, r.int(0, 20)),
    lastReviewedOn: addDays(asOf, -r.int(10, 180)),
    summary: '(synthetic) Care plan: remain in placement, maintain school attendance, family time fortnightly.',
  });
}

/** The missing episodes that began while looked after (SSDA903 M/A): the police record each one too. */
function seedMissing(em: SeedingSession, yp: YoungPerson, p: SyntheticYoungPerson, r: Random) {
  const episodes = p.missingEpisodes.filter((e) => e.whileLookedAfter);
  for (const { startedAt, endedAt } of episodes) {
    em.create(MissingFromCareEpisode, {
      youngPerson: yp,
      type: r.chance(0.7) ? MissingFromCareType.M : MissingFromCareType.A,
      startedAt,
      endedAt,
    });
  }
  return episodes.length > 0;
}

function seedNwd(
  em: SeedingSession,
  yp: YoungPerson,
  p: SyntheticYoungPerson,
  r: Random,
  asOf: string,
  wentMissing: boolean,
  team: Team,
  seed: string,
) {
  // The referral and closure every agency dates its before and after by.
  const { referredOn, supportStartedOn, closedOn, closureOutcome } = p.nwdJourney!;
  const keyWorker = `${team.keyWorker.name} (key worker)`;
  em.create(Allocation, {
    youngPerson: yp,
    practitionerId: team.keyWorker.id,
    practitionerName: team.keyWorker.name,
    role: 'NWD_KEY_WORKER',
    startDate: referredOn,
    endDate: closedOn,
  });
  const priority = r.weighted([
    [RagPriority.RED, 30],
    [RagPriority.AMBER, 50],
    [RagPriority.GREEN, 20],
  ]);
  em.create(NwdInvolvement, {
    youngPerson: yp,
    referredOn,
    referralSource: r.pick(['Social work team', 'Police', 'School', 'Youth justice service', 'Health']),
    priority,
    supportStartedOn,
    support: r.chance(5 / 45) ? NwdSupport.HUB_PLACEMENT : NwdSupport.OUTREACH,
    keyWorker,
    closedOn,
    closureOutcome: closureOutcome ? NwdClosureOutcome[closureOutcome] : null,
  });
  // 000:2750-2782: life coach 16%, communication support 22%, police liaison 24%; a CAMHS practitioner
  // linked to the hub for some (no figure in the seeds: an assumption of 10%).
  const specialists: [NwdSpecialist, number, { id: string; name: string }][] = [
    [NwdSpecialist.LIFE_COACH, 0.16, team.lifeCoach],
    [NwdSpecialist.COMMUNICATION_SUPPORT, 0.22, team.communicationSupport],
    [NwdSpecialist.POLICE_LIAISON, p.pncId ? 0.45 : 0.1, team.policeLiaison],
    [NwdSpecialist.CAMHS_WORKER, 0.1, team.camhsPractitioner],
  ];
  for (const [specialist, share, practitioner] of specialists) {
    if (!r.chance(share)) continue;
    const startDate = addDays(referredOn, r.int(10, 60)) > asOf ? asOf : addDays(referredOn, r.int(10, 60));
    // Specialists stop when the involvement closes.
    if (closedOn && startDate > closedOn) continue;
    em.create(SpecialistInvolvement, {
      youngPerson: yp,
      specialist,
      practitionerId: practitioner.id,
      practitionerName: practitioner.name,
      startDate,
      endDate: closedOn,
    });
  }
  const factors = [
    AssessmentFactor.GOING_MISSING,
    AssessmentFactor.CHILD_CRIMINAL_EXPLOITATION,
    AssessmentFactor.CHILD_SEXUAL_EXPLOITATION,
    AssessmentFactor.SELF_HARM,
    AssessmentFactor.GANGS,
    AssessmentFactor.SOCIALLY_UNACCEPTABLE_BEHAVIOUR,
  ];
  for (const factor of factors)
    if (r.chance(factor === AssessmentFactor.GOING_MISSING && wentMissing ? 0.9 : 0.2))
      em.create(AssessmentFactorRecord, { youngPerson: yp, factor, identifiedOn: referredOn });
  em.create(Plan, {
    youngPerson: yp,
    type: PlanType.NWD_CARE_AND_PROGRESSION_PLAN,
    agreedOn: addDays(referredOn, 14) > asOf ? asOf : addDays(referredOn, 14),
    summary: '(synthetic) Care and progression plan: stable home, education or training, trusted adult in the hub.',
  });
  if (wentMissing)
    em.create(Plan, {
      youngPerson: yp,
      type: PlanType.MISSING_PLAN,
      agreedOn: addDays(referredOn, 7) > asOf ? asOf : addDays(referredOn, 7),
      summary: '(synthetic) Missing plan: known places and associates shared with police; call the hub out of hours.',
    });
  seedMeetings(em, yp, p, r, asOf, { referredOn, closedOn, priority }, team, seed);
}

function seedMeetings(
  em: SeedingSession,
  yp: YoungPerson,
  p: SyntheticYoungPerson,
  r: Random,
  asOf: string,
  involvement: { referredOn: string; closedOn: string | null; priority: RagPriority },
  team: Team,
  seed: string,
) {
  // RAISE meetings on weekdays at the review interval for the priority, from soon after referral up to
  // today and the next one scheduled, while the involvement is open (none after it closes); a postponed
  // meeting is held again a week or two later.
  const { referredOn, closedOn, priority } = involvement;
  let day = nearestWeekday(addDays(referredOn, r.int(10, FIRST_RAISE_WITHIN_DAYS - 2)));
  let previous: Meeting | null = null;
  for (let n = 1; !closedOn || day <= closedOn; n++) {
    const future = day >= asOf;
    const kind = n === 2 && r.chance(0.3) ? MeetingKind.DEEP_DIVE : MeetingKind.RAISE;
    const status = future
      ? MeetingStatus.SCHEDULED
      : r.weighted([
          [MeetingStatus.HELD, 85],
          [MeetingStatus.POSTPONED, 12],
          [MeetingStatus.CANCELLED, 3],
        ]);
    const held = status === MeetingStatus.HELD;
    const meeting = em.create(Meeting, {
      id: `${p.id}-M${n}`,
      youngPerson: yp,
      kind,
      heldOn: day,
      status,
      statusChangedOn: future ? null : day,
      statusReason:
        status === MeetingStatus.POSTPONED
          ? '(synthetic) Partners could not attend'
          : status === MeetingStatus.CANCELLED
            ? '(synthetic) Young person moved placement'
            : null,
      chair: team.keyWorker.name,
      chairId: team.keyWorker.id,
      // Deterministic for synthetic data (the same on every seeding); created meetings get random ones.
      packReference: createHash('sha256').update(`pack:${seed}:${p.id}-M${n}`).digest('hex').slice(0, 32),
      youngPersonAgreedToBeDiscussed: future && r.chance(0.5) ? null : r.chance(0.9),
      youngPersonViews: !future && r.chance(0.7) ? r.pick(VIEWS) : null,
      analysis: held
        ? '(synthetic) Risks are highest outside the placement at night; the network is strongest in school and the hub.'
        : null,
      plan: held ? '(synthetic) Keep the placement stable; police and hub share locations of concern; school to review timetable.' : null,
      nextReviewOn: held ? addDays(day, RAISE_INTERVAL_DAYS[priority]) : null,
      recordedAt: held ? new Date(`${day}T16:00:00Z`) : null,
      recordedById: held ? team.keyWorker.id : null,
    });
    if (previous?.status === MeetingStatus.POSTPONED) previous.rescheduledAsId = meeting.id;
    const invitees = seedInvitations(em, meeting, p, r, team, held, n);
    if (held) seedMeetingRecords(em, meeting, r, asOf, invitees);
    if (future) break;
    day = nearestWeekday(addDays(day, status === MeetingStatus.POSTPONED ? r.int(7, 14) : RAISE_INTERVAL_DAYS[priority] + r.int(-3, 3)));
    previous = meeting;
  }
}

/** A named invitee: who can own an action of their agency. */
type Invitee = { id: string; name: string; agency: Agency };

/**
 * Who is invited, and (once held) who came and the scores they gave. Scores drift upwards as NWD
 * support takes hold. Returns the invitees with a user id: who can own the meeting's actions.
 */
function seedInvitations(
  em: SeedingSession,
  meeting: Meeting,
  p: SyntheticYoungPerson,
  r: Random,
  team: Team,
  held: boolean,
  n: number,
): Invitee[] {
  const invited: [{ id: string; name: string } | null, string, string, Agency][] = [
    [team.keyWorker, team.keyWorker.name, 'Key worker', Agency.NWD_HUB],
    [team.socialWorker, team.socialWorker.name, 'Social worker', Agency.SOCIAL_CARE],
    [team.designatedTeacher, team.designatedTeacher?.name ?? 'Designated teacher (school)', 'Designated teacher', Agency.EDUCATION],
    [team.schoolNurse, team.schoolNurse?.name ?? 'School nurse (health)', 'School nurse', Agency.HEALTH],
  ];
  if (p.pncId || r.chance(0.5)) invited.push([team.policeLiaison, team.policeLiaison.name, 'Police liaison officer', Agency.POLICE]);
  if (team.policeAnalyst && r.chance(0.5))
    invited.push([team.policeAnalyst, team.policeAnalyst.name, 'Police intelligence analyst', Agency.POLICE]);
  const invitedOn = addDays(meeting.heldOn, -14);
  const invitees: Invitee[] = [];
  for (const [user, name, role, agency] of invited) {
    const attendance = held
      ? r.weighted([
          [Attendance.ATTENDED_VIRTUALLY, 50],
          [Attendance.ATTENDED_IN_PERSON, 30],
          [Attendance.SENT_APOLOGIES, 12],
          [Attendance.DID_NOT_ATTEND, 8],
        ])
      : null;
    em.create(MeetingAttendee, { meeting, name, practitionerId: user?.id ?? null, invitedOn, role, agency, attendance });
    if (user) invitees.push({ id: user.id, name, agency });
    if (attendance === Attendance.ATTENDED_IN_PERSON || attendance === Attendance.ATTENDED_VIRTUALLY) {
      em.create(ScalingScore, {
        meeting,
        professional: name,
        agency,
        score: Math.min(10, r.int(2, 6) + Math.floor(n / 3)),
        rationale: '(synthetic) Some progress; risks outside the placement remain.',
      });
    }
  }
  return invitees;
}

function seedMeetingRecords(em: SeedingSession, meeting: Meeting, r: Random, asOf: string, invitees: Invitee[]) {
  for (let i = 0; i < r.int(1, 3); i++) em.create(MeetingObservation, { meeting, kind: ObservationKind.STRENGTH, text: r.pick(STRENGTHS) });
  for (let i = 0; i < r.int(1, 3); i++) {
    const [text, category] = r.pick(RISKS);
    em.create(MeetingObservation, { meeting, kind: ObservationKind.RISK, category, text });
  }
  // An action goes to a named invitee of its agency, as recordMeeting requires: never to "the police".
  const assignable = ACTIONS.filter(([, agency]) => invitees.some((i) => i.agency === Agency[agency]));
  for (let i = 0; i < r.int(2, 4) && assignable.length; i++) {
    const [description, agency] = r.pick(assignable);
    const owner = invitees.find((invitee) => invitee.agency === Agency[agency])!;
    const dueDate = addDays(meeting.heldOn, r.int(14, 42));
    const done = dueDate < asOf && r.chance(0.8);
    const completedOn = done ? addDays(dueDate, -r.int(0, 10)) : null;
    // The owner reports when it is done, and now and then on the way; notes are in the owner's agency's words.
    const reports: [string, string, ActionStatus][] = [];
    if (r.chance(0.4)) reports.push([addDays(meeting.heldOn, r.int(3, 10)), r.pick(PROGRESS_NOTES), ActionStatus.OPEN]);
    if (completedOn) reports.push([completedOn, '(synthetic) Done, and shared with the hub.', ActionStatus.COMPLETED]);
    const action = em.create(MeetingAction, {
      meeting,
      description,
      owningAgency: Agency[agency],
      ownerId: owner.id,
      owner: owner.name,
      dueDate,
      status: done ? ActionStatus.COMPLETED : ActionStatus.OPEN,
      completedOn,
      progressReports: reports.filter(([day]) => day <= asOf).length,
      lastProgressAt: reports.length ? new Date(`${reports[reports.length - 1][0]}T15:00:00Z`) : null,
    });
    for (const [day, note, status] of reports.filter(([d]) => d <= asOf)) {
      em.create(ActionProgressNote, {
        action,
        writtenAt: new Date(`${day}T15:00:00Z`),
        authorId: owner.id,
        author: owner.name,
        authorAgency: owner.agency === Agency.NWD_HUB ? Agency.SOCIAL_CARE : owner.agency,
        note,
        status,
      });
    }
  }
}

export const socialCareSeeder: AgencySeeder = {
  async isSeeded(em) {
    return (await em.count(YoungPerson, {})) > 0;
  },
  seedPerson(em, p: SyntheticYoungPerson, options: PopulationOptions) {
    const r = new Random(options.seed, 'social-care', p.index);
    const asOf = options.asOf;
    const yp = em.create(YoungPerson, {
      id: p.id,
      laCode: LA_CODE,
      laChildId: p.laChildId,
      givenName: p.givenName,
      familyName: p.familyName,
      preferredName: r.chance(0.1) ? p.givenName.slice(0, 3) : null,
      dateOfBirth: p.dateOfBirth,
      sex: Sex[p.sex],
      ethnicity: Ethnicity[p.ethnicity as Ethnicity],
    });
    const team = teamFor(p);
    seedIdentifiers(em, yp, p, r, asOf, team);
    em.create(Allocation, {
      youngPerson: yp,
      practitionerId: team.socialWorker.id,
      practitionerName: team.socialWorker.name,
      role: 'SOCIAL_WORKER',
      startDate: p.edgeOfCare?.since ?? p.statusSince,
    });
    if (p.status === 'LOOKED_AFTER') {
      em.create(Allocation, {
        youngPerson: yp,
        practitionerId: team.iro.id,
        practitionerName: team.iro.name,
        role: 'IRO',
        startDate: p.statusSince,
      });
    }
    seedStatus(em, yp, p, r);
    if (p.status === 'LOOKED_AFTER') seedCare(em, yp, p, r, asOf);
    // Any missing episode, recorded by social care or only by the police, is a factor for NWD.
    if (p.status === 'LOOKED_AFTER') seedMissing(em, yp, p, r);
    const wentMissing = p.missingEpisodes.length > 0;
    for (let d = addDays(asOf, -r.int(1, 20)); d > addMonths(asOf, -6) && d > p.statusSince; d = addDays(d, -42)) {
      const seen = r.chance(0.94);
      em.create(StatutoryVisit, { youngPerson: yp, visitedOn: d, seen, seenAlone: seen && r.chance(0.83 / 0.94) });
    }
    if (p.nwd) seedNwd(em, yp, p, r, asOf, wentMissing, team, options.seed);
  },
};
