import type { EntityManager, FindOptions } from '@mikro-orm/core';
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
import type { DatedEpisode } from './entities/dated-episode';
import type { PupilRecord } from './entities/pupil-record';
import { ReducedTimetable } from './entities/reduced-timetable';
import { SchoolEnrolment } from './entities/school-enrolment';
import { SenProvisionEpisode } from './entities/sen-provision-episode';
import { Suspension } from './entities/suspension';
import { TermAttendance } from './entities/term-attendance';

/**
 * One loader per kind of record, keyed by the pupil's id: one SQL query per kind per request.
 * The school is joined in the same query where a record names one.
 */
const forPupils =
  <T extends PupilRecord>(em: EntityManager, entity: new () => T, orderBy: Order<T>) =>
  (ids: number[]) =>
    findIn(em, entity, 'pupil', ids, { orderBy });

function byPupil<T extends PupilRecord>(em: EntityManager, entity: new () => T, orderBy: Order<T>) {
  return manyByKey<number, T>(forPupils(em, entity, orderBy), (row) => row.pupil.id);
}

/** As byPupil, with the school (and the pupil) joined in: em.find, for its joined populate. */
function byPupilWithSchool<T extends PupilRecord>(em: EntityManager, entity: new () => T, options: FindOptions<T, 'school' | 'pupil'>) {
  return manyByKey<number, T>(
    (ids) => em.find(entity, { pupil: { $in: ids } }, options) as Promise<T[]>,
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
const withSchool = { orderBy: { startDate: 'desc', id: 'desc' }, populate: ['school'], strategy: 'joined' } as const;
// The pupil is joined too: an enrolment's year group is worked out from the date of birth.
const withSchoolAndPupil = { ...withSchool, populate: ['school', 'pupil'] } as const;

export function createLoaders(em: EntityManager, today: LocalDate) {
  const peps = pepsAndLatest(em, today);
  return {
    pupilByUpn: oneByKey<string, Pupil>(
      (upns) => findIn(em, Pupil, 'upn', upns),
      (p) => p.upn,
    ),
    enrolments: byPupilWithSchool(em, SchoolEnrolment, withSchoolAndPupil),
    // Newest term first: within an academic year AUTUMN < SPRING < SUMMER sorts alphabetically too.
    attendance: byPupil(em, TermAttendance, [
      ['academicYear', 'desc'],
      ['term', 'desc'],
    ]),
    suspensions: byPupilWithSchool(em, Suspension, withSchool),
    permanentExclusions: byPupilWithSchool(em, PermanentExclusion, withSchool),
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
