import type { EntityManager, FindOptions } from '@mikro-orm/core';
import { accessLogLoader } from '../../kit/subgraph/audit/graphql';
import { manyByKey, oneByKey } from '../../kit/subgraph/loaders';
import { EDUCATION } from './agency';
import { AlternativeProvisionEpisode } from './entities/alternative-provision-episode';
import { NotInSchoolEpisode } from './entities/not-in-school-episode';
import { PermanentExclusion } from './entities/permanent-exclusion';
import { PersonalEducationPlan } from './entities/personal-education-plan';
import { PostSixteenStatus } from './entities/post-sixteen-status';
import { Pupil } from './entities/pupil';
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
function byPupil<T extends PupilRecord>(em: EntityManager, entity: new () => T, options: FindOptions<T, 'school' | 'pupil'>) {
  return manyByKey<number, T>(
    (ids) => em.find(entity, { pupil: { $in: ids } }, options) as Promise<T[]>,
    (row) => row.pupil.id,
  );
}

const newestStart = { orderBy: { startDate: 'desc', id: 'desc' } } as const;
const withSchool = { ...newestStart, populate: ['school'], strategy: 'joined' } as const;
// The pupil is joined too: an enrolment's year group is worked out from the date of birth.
const withSchoolAndPupil = { ...withSchool, populate: ['school', 'pupil'] } as const;

export function createLoaders(em: EntityManager) {
  return {
    pupilByUpn: oneByKey<string, Pupil>(
      (upns) => em.find(Pupil, { upn: { $in: upns } }),
      (p) => p.upn,
    ),
    enrolments: byPupil(em, SchoolEnrolment, withSchoolAndPupil),
    // Newest term first: within an academic year AUTUMN < SPRING < SUMMER sorts alphabetically too.
    attendance: byPupil(em, TermAttendance, { orderBy: { academicYear: 'desc', term: 'desc' } }),
    suspensions: byPupil(em, Suspension, withSchool),
    permanentExclusions: byPupil(em, PermanentExclusion, withSchool),
    reducedTimetables: byPupil(em, ReducedTimetable, newestStart),
    alternativeProvision: byPupil(em, AlternativeProvisionEpisode, newestStart),
    notInSchool: byPupil(em, NotInSchoolEpisode, newestStart),
    senProvision: byPupil(em, SenProvisionEpisode, newestStart),
    peps: byPupil(em, PersonalEducationPlan, { orderBy: { meetingDate: 'desc', id: 'desc' } }),
    postSixteen: byPupil(em, PostSixteenStatus, { orderBy: { recordedOn: 'desc', id: 'desc' } }),
    // Our own audit log by subject (the UPN), newest first: one query for every young person asked about.
    accessLog: accessLogLoader(em, EDUCATION.name),
  };
}

export type EducationLoaders = ReturnType<typeof createLoaders>;
