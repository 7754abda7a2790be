import type { ChronologyLine, ShowsField } from '../../../kit/subgraph/access/chronology-guard';
import type { LocalDate } from '../../../kit/subgraph/dates';
import { byDateDescending, chronologyEntry, Significance } from '../../../kit/subgraph/graphql/chronology';
import type { AlternativeProvisionEpisode } from '../entities/alternative-provision-episode';
import type { NotInSchoolEpisode } from '../entities/not-in-school-episode';
import type { PermanentExclusion } from '../entities/permanent-exclusion';
import type { PersonalEducationPlan } from '../entities/personal-education-plan';
import type { PostSixteenStatus } from '../entities/post-sixteen-status';
import type { ReducedTimetable } from '../entities/reduced-timetable';
import type { SchoolEnrolment } from '../entities/school-enrolment';
import type { SenProvisionEpisode } from '../entities/sen-provision-episode';
import type { Suspension } from '../entities/suspension';
import type { TermAttendance } from '../entities/term-attendance';
import {
  EXCLUSION_REASON_MEANINGS,
  NOT_IN_SCHOOL_KIND_MEANINGS,
  POST_SIXTEEN_ACTIVITY_MEANINGS,
  REASON_FOR_LEAVING_MEANINGS,
  SEN_PROVISION_MEANINGS,
} from '../enums';
import { attendancePercentage, isPersistentlyAbsent } from './attendance';
import { termEnd } from './terms';
import { EDUCATION } from '../agency';

/** Everything the virtual school holds about one pupil, as loaded for a request. */
export interface EducationHistory {
  enrolments: SchoolEnrolment[];
  attendance: TermAttendance[];
  suspensions: Suspension[];
  permanentExclusions: PermanentExclusion[];
  reducedTimetables: ReducedTimetable[];
  alternativeProvision: AlternativeProvisionEpisode[];
  notInSchool: NotInSchoolEpisode[];
  senProvision: SenProvisionEpisode[];
  peps: PersonalEducationPlan[];
  postSixteen: PostSixteenStatus[];
}

/** How much each kind of education event matters to a deep dive; anything not listed is MEDIUM. */
const SIGNIFICANCE: Record<string, Significance> = {
  Suspension: Significance.HIGH,
  'Permanent exclusion': Significance.HIGH,
  'Not on a school roll': Significance.HIGH,
  'Persistent absence': Significance.LOW,
  'PEP meeting': Significance.LOW,
  'Post-16 status': Significance.LOW,
  'Transition plan': Significance.LOW,
};

/** A dated line and the record it comes from (the young person's wishes on that record apply to the line). */
type Line = [date: LocalDate | null, kind: string, summary: string, record: object];

/** Every field whose content a line may carry (asked through `shows`), for the chronology guard to tell of those closed to a viewer. */
export const EDUCATION_CHRONOLOGY_DRAWS_ON: readonly string[] = [
  'SchoolEnrolment.reasonForLeaving',
  'Suspension.reason',
  'PermanentExclusion.reason',
  'SenProvisionEpisode.ehcpRequestDate',
  'SenProvisionEpisode.startDate',
];

/** Whether one guarded field's content ("Type.field") about a record may go into its line (policy.ts decides); everything by default. */
const everything: ShowsField = () => true;

const days = (sessions: number) => `${sessions / 2} school day${sessions === 2 ? '' : 's'}`;

/**
 * The lines each kind of record contributes, in the virtual school's words. A summary never carries
 * what the record's own field would withhold: an exclusion's reason, a leaving reason, SEN dates.
 */
function lines(h: EducationHistory, today: LocalDate, shows: ShowsField): Line[] {
  const because = (type: string, s: Suspension | PermanentExclusion) =>
    shows(`${type}.reason`, s) ? `: ${EXCLUSION_REASON_MEANINGS[s.reason]}` : '.';
  return [
    ...h.enrolments.flatMap((e): Line[] => [
      [e.startDate, 'Joined school', `Admitted to ${e.school.name} (${e.rollStatus.toLowerCase()} registration).`, e],
      [
        e.endDate,
        'Left school',
        shows('SchoolEnrolment.reasonForLeaving', e)
          ? `Left ${e.school.name}: ${e.reasonForLeaving ? REASON_FOR_LEAVING_MEANINGS[e.reasonForLeaving] : 'reason not recorded.'}`
          : `Left ${e.school.name}.`,
        e,
      ],
    ]),
    ...h.attendance
      .filter((t) => isPersistentlyAbsent([t]))
      .map((t): Line => {
        const end = termEnd({ startYear: Number(t.academicYear.slice(0, 4)), term: t.term });
        const label = `${t.term.toLowerCase()} term ${t.academicYear}`;
        return [end < today ? end : today, 'Persistent absence', `Attendance ${attendancePercentage(t)}% in the ${label}.`, t];
      }),
    ...h.suspensions.map((s): Line => [
      s.startDate,
      'Suspension',
      `Suspended from ${s.school.name} for ${days(s.sessionsLost)}${because('Suspension', s)}`,
      s,
    ]),
    ...h.permanentExclusions.map((p): Line => [
      p.startDate,
      'Permanent exclusion',
      `Permanently excluded from ${p.school.name}${because('PermanentExclusion', p)}`,
      p,
    ]),
    ...h.reducedTimetables.flatMap((r): Line[] => [
      [r.startDate, 'Reduced timetable began', `Part-time timetable of ${r.hoursPerWeek} hours a week.`, r],
      [r.endDate, 'Reduced timetable ended', 'Back to a full-time timetable.', r],
    ]),
    ...h.alternativeProvision.flatMap((a): Line[] => [
      [a.startDate, 'Alternative provision began', `${a.providerName}, ${a.hoursPerWeek} hours a week.`, a],
      [a.endDate, 'Alternative provision ended', `Left ${a.providerName}.`, a],
    ]),
    ...h.notInSchool.map((n): Line => [n.startDate, 'Not on a school roll', NOT_IN_SCHOOL_KIND_MEANINGS[n.kind], n]),
    ...h.senProvision.flatMap((s): Line[] => [
      ...(s.ehcpRequestDate && shows('SenProvisionEpisode.ehcpRequestDate', s)
        ? [[s.ehcpRequestDate, 'EHC needs assessment requested', 'Request for an Education, Health and Care needs assessment.', s] as Line]
        : []),
      ...(shows('SenProvisionEpisode.startDate', s)
        ? [[s.startDate, 'SEN provision', SEN_PROVISION_MEANINGS[s.provision], s] as Line]
        : []),
    ]),
    ...h.peps.map((p): Line => [
      p.meetingDate,
      'PEP meeting',
      `Personal Education Plan reviewed${p.quality ? ` (quality ${p.quality.toLowerCase()})` : ''}.`,
      p,
    ]),
    ...h.postSixteen.flatMap((p): Line[] => [
      [
        p.recordedOn,
        'Post-16 status',
        p.activity
          ? POST_SIXTEEN_ACTIVITY_MEANINGS[p.activity]
          : `Risk of NEET: ${p.riskOfNeet?.toLowerCase().replace('_', ' ') ?? 'not assessed'}.`,
        p,
      ],
      [p.transitionPlanDate, 'Transition plan', 'Post-16 transition plan completed.', p],
    ]),
  ];
}

/**
 * The pupil's education chronology as lines, newest first; undated halves of episodes (still open)
 * are left out. Each line names the record it comes from, so the chronology guard leaves out a line
 * about a record the young person asked not to share with the viewer's agency.
 */
export function educationChronology(history: EducationHistory, today: LocalDate, shows: ShowsField = everything): ChronologyLine[] {
  return lines(history, today, shows)
    .filter((l): l is [LocalDate, string, string, object] => l[0] !== null)
    .map(([date, kind, summary, record]) => ({
      entry: chronologyEntry(EDUCATION.name, date, kind, summary, SIGNIFICANCE[kind] ?? Significance.MEDIUM),
      record,
    }))
    .sort((a, b) => byDateDescending(a.entry, b.entry));
}
