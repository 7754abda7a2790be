import { addDays, addWorkingDays } from '../../../kit/subgraph/dates';
import { PersonalEducationPlan } from '../entities/personal-education-plan';
import { PepQuality, SchoolTerm } from '../enums';
import { nextTerm, termOf, termsApart, type Term } from '../rules/terms';
import { schoolDayBetween } from './calendar';
import { record, type PupilSeed } from './pupil-seed';

// 003:1564-1571: amber PEPs down to 11.4%, good or outstanding (green/gold) 89%.
const QUALITY: [PepQuality, number][] = [
  [PepQuality.AMBER, 11.4],
  [PepQuality.GREEN, 60],
  [PepQuality.GOLD, 28.6],
];
const TARGETS = [
  'Synthetic target: read aloud to a carer for 15 minutes, four evenings a week',
  'Synthetic target: attend every maths catch-up session this half term',
  'Synthetic target: use the agreed time-out card instead of leaving lessons',
  'Synthetic target: complete homework club twice a week',
  'Synthetic target: reach 95% attendance by the next PEP',
  'Synthetic target: join one after-school club of their choosing',
  'Synthetic target: visit two college open days before the next PEP',
  'Synthetic target: practise times tables with the learning mentor weekly',
];
const PP_PLUS_PURPOSES = [
  'Synthetic example: one-to-one tuition in English',
  'Synthetic example: a laptop for homework',
  'Synthetic example: music lessons',
  'Synthetic example: mentoring sessions with a learning mentor',
  'Synthetic example: a residential trip with the class',
];
const PP_PLUS_AMOUNTS = [150, 250, 300, 400, 500, 600, 750];

/**
 * When in a term PEP meetings are held: early enough that no two are more than 6 months apart,
 * which is how the virtual school keeps "PEP within the last 6 months" near 99% (000:294).
 */
function meetingWindow(t: Term): [string, string] {
  if (t.term === SchoolTerm.AUTUMN) return [`${t.startYear}-09-10`, `${t.startYear}-10-20`];
  if (t.term === SchoolTerm.SPRING) return [`${t.startYear + 1}-01-08`, `${t.startYear + 1}-03-10`];
  return [`${t.startYear + 1}-05-01`, `${t.startYear + 1}-07-10`];
}

function pep(seed: PupilSeed, meetingDate: string): void {
  const { r, asOf } = seed;
  const awaitingQualityAssurance = meetingDate > addDays(asOf, -30) && r.chance(0.5);
  const targets = Array.from({ length: r.int(2, 4) }, () => r.pick(TARGETS));
  const funded = r.chance(0.65);
  record(seed, PersonalEducationPlan, {
    meetingDate,
    quality: awaitingQualityAssurance ? null : r.weighted(QUALITY),
    targets: [...new Set(targets)],
    pupilPremiumPlusAmount: funded ? r.pick(PP_PLUS_AMOUNTS) : null,
    pupilPremiumPlusPurpose: funded ? r.pick(PP_PLUS_PURPOSES) : null,
  });
}

/**
 * PEPs for looked-after children: the first within 20 school days of entering care (a few late),
 * then one every term; about 1% have let the last two terms lapse, so ~99% have one within 6 months.
 */
export function seedPeps(seed: PupilSeed): void {
  const { r, asOf, pupil } = seed;
  if (!pupil.enteredCareDate) return;
  const first = addWorkingDays(pupil.enteredCareDate, r.chance(0.95) ? r.int(5, 20) : r.int(21, 40));
  if (first > asOf) return;
  pep(seed, first);
  const lapsed = r.chance(0.01);
  const now = termOf(asOf);
  for (let t = nextTerm(termOf(first)); termsApart(t, now) >= 0; t = nextTerm(t)) {
    const [from, to] = meetingWindow(t);
    const day = schoolDayBetween(r, from, to);
    const missed = r.chance(0.03) || (lapsed && termsApart(t, now) <= 1);
    if (day && day <= asOf && !missed) pep(seed, day);
  }
}
