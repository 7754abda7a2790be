import type { EntityManager } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { accessLogLoader } from '../../kit/subgraph/audit/graphql';
import type { LocalDate } from '../../kit/subgraph/dates';
import { findIn, newestFirst, type Order } from '../../kit/subgraph/find-in';
import { manyByKey, manyByKeyAndPart, oneByKey } from '../../kit/subgraph/loaders';
import { EDUCATION } from './agency';
import { AlternativeProvisionEpisode } from './entities/alternative-provision-episode';
import { NotInSchoolEpisode } from './entities/not-in-school-episode';
import { PermanentExclusion } from './entities/permanent-exclusion';
import { PersonalEducationPlan } from './entities/personal-education-plan';
import { PostSixteenStatus } from './entities/post-sixteen-status';
import { Pupil } from './entities/pupil';
import { School } from './entities/school';
import type { DatedEpisode } from './entities/dated-episode';
import type { PupilRecord } from './entities/pupil-record';
import { ReducedTimetable } from './entities/reduced-timetable';
import { SchoolEnrolment } from './entities/school-enrolment';
import { SenProvisionEpisode } from './entities/sen-provision-episode';
import { Suspension } from './entities/suspension';
import { TermAttendance } from './entities/term-attendance';

/**
 * One loader per kind of record, keyed by the pupil's id: one SQL query per kind per request, and one
 * for the schools the records name.
 */
const forPupils =
  <T extends PupilRecord>(em: EntityManager, entity: new () => T, orderBy: Order<T>) =>
  (ids: number[]) =>
    findIn(em, entity, 'pupil', ids, { orderBy });

function byPupil<T extends PupilRecord>(em: EntityManager, entity: new () => T, orderBy: Order<T>) {
  return manyByKey<number, T>(forPupils(em, entity, orderBy), (row) => row.pupil.id);
}

/**
 * As byPupil, newest start first, with each record's school loaded too (its name and URN are shown),
 * through `schools`: one query for the schools of every such record a request reads. The record's
 * pupil is the one the request matched, already loaded (an enrolment's year group is worked out from
 * the date of birth).
 */
function byPupilWithSchool<T extends PupilRecord & { school: School; startDate: string }>(
  em: EntityManager,
  entity: new () => T,
  schools: DataLoader<string, School | null>,
) {
  return manyByKey<number, T>(
    async (ids) => {
      const rows = await forPupils(em, entity, newestFirst<T>('startDate'))(ids);
      // loadMany hands back a failure in the list rather than throwing it: a school not read fails the records.
      const failed = (await schools.loadMany([...new Set(rows.map((row) => row.school.urn))])).find((s) => s instanceof Error);
      if (failed) throw failed;
      return rows;
    },
    (row) => row.pupil.id,
  );
}

/**
 * Every PEP, newest first, and apart the latest held on or before today: all that PEP timeliness and
 * "a PEP in the last six months" read (a caseload page asks those of 50 pupils with about nine PEPs each).
 */
function pepsAndLatest(em: EntityManager, today: LocalDate) {
  return manyByKeyAndPart<number, PersonalEducationPlan>(
    forPupils(em, PersonalEducationPlan, newestFirst('meetingDate')),
    (ids) =>
      (em as SqlEntityManager)
        .createQueryBuilder(PersonalEducationPlan, 'p')
        .where({ pupil: { $in: ids }, meetingDate: { $lte: today } })
        // No later one on or before today (the id breaks a tie on the day, as in the list's order).
        .andWhere(
          'not exists (select 1 from personal_education_plan q where q.pupil_id = p.pupil_id and q.meeting_date <= ? and (q.meeting_date > p.meeting_date or (q.meeting_date = p.meeting_date and q.id > p.id)))',
          [today],
        )
        .getResultList(),
    (row) => row.pupil.id,
    (rows) => rows.filter((p) => p.meetingDate <= today).slice(0, 1),
  );
}

const newestStart = newestFirst<DatedEpisode>('startDate');

export function createLoaders(em: EntityManager, today: LocalDate) {
  const peps = pepsAndLatest(em, today);
  const schools = oneByKey<string, School>(
    (urns) => findIn(em, School, 'urn', urns),
    (school) => school.urn,
  );
  return {
    pupilByUpn: oneByKey<string, Pupil>(
      (upns) => findIn(em, Pupil, 'upn', upns),
      (p) => p.upn,
    ),
    enrolments: byPupilWithSchool(em, SchoolEnrolment, schools),
    // Newest term first: within an academic year AUTUMN < SPRING < SUMMER sorts alphabetically too.
    attendance: byPupil(em, TermAttendance, [
      ['academicYear', 'desc'],
      ['term', 'desc'],
    ]),
    suspensions: byPupilWithSchool(em, Suspension, schools),
    permanentExclusions: byPupilWithSchool(em, PermanentExclusion, schools),
    reducedTimetables: byPupil(em, ReducedTimetable, newestStart),
    alternativeProvision: byPupil(em, AlternativeProvisionEpisode, newestStart),
    notInSchool: byPupil(em, NotInSchoolEpisode, newestStart),
    senProvision: byPupil(em, SenProvisionEpisode, newestStart),
    peps: peps.all,
    /** The latest PEP held on or before today, if any (a list of none or one). */
    latestPep: peps.some,
    postSixteen: byPupil(em, PostSixteenStatus, newestFirst('recordedOn')),
    // Our own audit log by subject (the UPN), newest first: one query for every young person asked about.
    accessLog: accessLogLoader(em, EDUCATION.name),
  };
}

export type EducationLoaders = ReturnType<typeof createLoaders>;
