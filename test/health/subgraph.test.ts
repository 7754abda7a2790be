import { addMonths, addWorkingDays, ageOn } from '../../kit/subgraph/dates';
import { syntheticNhsNumber } from '../../kit/dev/synthetic/population';
import {
  CamhsInvolvement,
  DentalCheck,
  DevelopmentCheck,
  EmergencyAttendance,
  ImmunisationStatus,
  InitialHealthAssessment,
  LifeCoachInvolvement,
  ReviewHealthAssessment,
  SdqScore,
  SelfHarmEpisode,
  SexualHealthContact,
  SlcnScreening,
  SubstanceMisuseRecord,
} from '../../subgraphs/health/entities';
import { CamhsReferralDecision } from '../../subgraphs/health/enums';
import { startTestAgency, TEST_TODAY, type TestAgency } from '../support/agency';
import { dataOf } from '../support/graphql';
import { askAbout } from '../support/receiving';
import {
  allFieldsQuery,
  firstWith,
  healthService,
  newestFirst,
  people,
  rowsOf,
  seeded,
  type FullHealthEntities,
  type HealthListField,
} from './support';

let agency: TestAgency;

beforeAll(async () => {
  agency = await startTestAgency(healthService);
});

afterAll(async () => {
  await agency?.stop();
});

async function healthOf(...nhsNumbers: (string | null)[]) {
  const res = await askAbout<FullHealthEntities>(agency, allFieldsQuery(agency), nhsNumbers);
  expect(res.errors).toBeUndefined();
  return dataOf(res)._entities.map((e) => e.health);
}

/** Independent of the rules module: the DfE bands. */
const band = (total: number) => (total <= 13 ? 'NORMAL' : total <= 16 ? 'BORDERLINE' : 'CAUSE_FOR_CONCERN');

describe('health subgraph: YoungPerson.health by NHS number', () => {
  it('returns what health holds for a seeded looked-after young person', async () => {
    const s = firstWith(InitialHealthAssessment, ReviewHealthAssessment, DentalCheck, SdqScore);
    const patient = s.patient!;
    const [health] = await healthOf(patient.nhsNumber);

    expect(health.matchStatus).toBe('MATCHED');
    expect(health.registeredGp).toEqual(patient.registeredGp && { odsCode: patient.registeredGp.odsCode, name: patient.registeredGp.name });
    expect(health.registeredGp?.odsCode ?? 'Y99000').toMatch(/^Y99\d{3}$/);

    const reviews = rowsOf(s, ReviewHealthAssessment).map((r) => r.assessedOn);
    expect(health.reviewHealthAssessments!.map((r) => r.assessedOn)).toEqual(newestFirst(reviews));
    expect(health.dentalChecks!.map((d) => d.checkedOn)).toEqual(newestFirst(rowsOf(s, DentalCheck).map((d) => d.checkedOn)));

    const [initial] = rowsOf(s, InitialHealthAssessment);
    expect(health.initialHealthAssessment).toEqual({
      requestedOn: initial.requestedOn,
      completedOn: initial.completedOn,
      assessorRole: initial.assessorRole,
    });
    expect(health.initialHealthAssessmentTimeliness!.dueDate).toBe(addWorkingDays(patient.enteredCareOn!, 20));

    const lastAssessed = newestFirst([initial.completedOn!, ...reviews])[0];
    expect(health.reviewHealthAssessmentTimeliness!.lastDone).toBe(lastAssessed);
    const months = ageOn(patient.dateOfBirth, lastAssessed) < 5 ? 6 : 12;
    expect(health.reviewHealthAssessmentTimeliness!.dueDate).toBe(addMonths(lastAssessed, months));

    const latestSdq = rowsOf(s, SdqScore).sort((a, b) => (a.completedOn < b.completedOn ? 1 : -1))[0];
    expect(health.latestSdq).toEqual({ completedOn: latestSdq.completedOn, total: latestSdq.total, band: band(latestSdq.total) });
    for (const score of health.sdqScores!) expect(score.band).toBe(band(score.total!));
  });

  it('serves every kind of record the seed wrote, for the whole population in one request', async () => {
    const matched = people.map((p) => seeded(p)).filter((s) => s.patient);
    const health = await healthOf(...matched.map((s) => s.patient!.nhsNumber));
    const kinds: [HealthListField, new () => object][] = [
      ['reviewHealthAssessments', ReviewHealthAssessment],
      ['dentalChecks', DentalCheck],
      ['developmentChecks', DevelopmentCheck],
      ['sdqScores', SdqScore],
      ['camhsInvolvements', CamhsInvolvement],
      ['lifeCoachInvolvements', LifeCoachInvolvement],
      ['slcnScreenings', SlcnScreening],
      ['substanceMisuse', SubstanceMisuseRecord],
      ['selfHarmEpisodes', SelfHarmEpisode],
      ['sexualHealthContacts', SexualHealthContact],
      ['emergencyAttendances', EmergencyAttendance],
    ];
    for (const [field, entity] of kinds) {
      const served = health.map((h) => h[field]!.length);
      const written = matched.map((s) => rowsOf(s, entity).length);
      expect({ field, served }).toEqual({ field, served: written });
      expect(written.some((n) => n > 0)).toBe(true); // the test population exercises every kind
    }
    const immunised = matched.map((s) => rowsOf(s, ImmunisationStatus).length > 0);
    expect(health.map((h) => h.immunisationsUpToDate !== null)).toEqual(immunised);
  });

  it('computes CAMHS and life coach statuses from dates, apart from clinical notes', async () => {
    const camhs = firstWith(CamhsInvolvement);
    const coach = firstWith(LifeCoachInvolvement);
    const [a, b] = await healthOf(camhs.patient!.nhsNumber, coach.patient!.nhsNumber);
    const [referral] = rowsOf(camhs, CamhsInvolvement);
    const expected = referral.endedOn
      ? 'CLOSED'
      : referral.startedOn
        ? 'OPEN'
        : referral.decision === CamhsReferralDecision.DECLINED
          ? 'DECLINED'
          : referral.decision
            ? 'WAITING_TO_START'
            : 'AWAITING_DECISION';
    expect(a.camhsInvolvements![0]).toMatchObject({
      referredOn: referral.referredOn,
      status: expected,
      clinicalNote: referral.clinicalNote,
    });
    const [involvement] = rowsOf(coach, LifeCoachInvolvement);
    expect(b.lifeCoachInvolvements![0]).toMatchObject({
      startedOn: involvement.startedOn,
      status: involvement.endedOn ? 'CLOSED' : 'OPEN',
    });
  });

  it('gives a chronology of dated events, newest first, with no clinical notes', async () => {
    const s = firstWith(ReviewHealthAssessment, DentalCheck, SdqScore, EmergencyAttendance);
    const [health] = await healthOf(s.patient!.nhsNumber);
    const chronology = health.chronology!;
    const dates = chronology.map((e) => e.date);
    expect(dates).toEqual(newestFirst(dates));
    expect(chronology.every((e) => e.agency === 'health' && e.date > s.person.dateOfBirth && e.date <= TEST_TODAY)).toBe(true);
    const dental = chronology.filter((e) => e.kind === 'Dental check').map((e) => e.date);
    expect(dental).toEqual(newestFirst(rowsOf(s, DentalCheck).map((d) => d.checkedOn)));
    expect(chronology.some((e) => e.kind === 'A&E attendance')).toBe(true);
    expect(JSON.stringify(health.chronology)).not.toContain('Synthetic');
  });

  it('accepts the 3-3-4 display form and answers with the normalised number', async () => {
    const nhsNumber = firstWith(DentalCheck).patient!.nhsNumber;
    const spaced = `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
    // The grant names the number exactly as the gateway sends it.
    const res = await askAbout<FullHealthEntities>(agency, allFieldsQuery(agency), [spaced]);
    expect(dataOf(res)._entities[0]).toMatchObject({ nhsNumber, health: { matchStatus: 'MATCHED' } });
  });

  it('says NOT_LINKED, with every field null (not empty), when social care has no NHS number', async () => {
    const [health] = await healthOf(null);
    const { matchStatus, ...rest } = health;
    expect(matchStatus).toBe('NOT_LINKED');
    expect(Object.values(rest).every((v) => v === null)).toBe(true);
    expect(Object.keys(rest)).toContain('chronology');
  });

  it('says NO_RECORD_FOR_IDENTIFIER for a valid NHS number health does not hold', async () => {
    const unknown = syntheticNhsNumber(5000); // 999 range, beyond the 60 seeded
    const [health] = await healthOf(unknown);
    const { matchStatus, ...rest } = health;
    expect(matchStatus).toBe('NO_RECORD_FOR_IDENTIFIER');
    expect(Object.values(rest).every((v) => v === null)).toBe(true);
  });

  it('rejects a malformed NHS number as BAD_USER_INPUT naming the field, and keeps serving', async () => {
    const good = firstWith(DentalCheck).patient!.nhsNumber;
    const wrongCheckDigit = `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;
    const res = await askAbout(agency, allFieldsQuery(agency), [wrongCheckDigit]);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.field).toBe('nhsNumber');
    expect(res.errors?.[0].message).toMatch(/^nhsNumber: /);

    const tooShort = await askAbout(agency, allFieldsQuery(agency), ['12345']);
    expect(tooShort.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const [health] = await healthOf(good);
    expect(health.matchStatus).toBe('MATCHED');
  });
});
