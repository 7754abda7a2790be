import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReceivedYoungPerson } from '../../../kit/subgraph/receiving/young-person';
import { receivingYoungPersonType, requiresGrant } from '../../../kit/subgraph/receiving/young-person';
import { EDUCATION } from '../agency';
import type { Pupil } from '../entities/pupil';
import { EducationRecord } from './education-record';

/** The virtual school's view of the shared entity: keyed by the UPN, the identifier education owns. */
export const YoungPerson = receivingYoungPersonType<Pupil>(EDUCATION);

@Resolver(() => YoungPerson)
export class YoungPersonEducationResolver {
  @Directive(requiresGrant(EDUCATION))
  @FieldResolver(() => EducationRecord, {
    name: EDUCATION.recordField,
    description: "The virtual school's record of the young person, or why there is none.",
  })
  education(@Root() person: ReceivedYoungPerson<Pupil>): EducationRecord {
    return new EducationRecord(person);
  }
}
