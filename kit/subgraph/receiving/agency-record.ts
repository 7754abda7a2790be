import { Field, ObjectType } from 'type-graphql';
import { AgencyMatchStatus, matchStatusOf } from '../graphql/match';
import type { ReceivedYoungPerson } from './young-person';

/**
 * What a receiving agency holds about a young person (HealthRecord, EducationRecord, PoliceRecord):
 * whether it could find them, and, only when it did, the records found from its own. Every other
 * field is null when not matched: the agency could not look, which is never "nothing recorded".
 */
// Registered so subclasses inherit its field; never emitted itself (nothing returns it).
@ObjectType()
export abstract class AgencyRecord<Owner> {
  @Field(() => AgencyMatchStatus, {
    description: "Whether the agency holds a record under the identifier linked in social care's cross-reference.",
  })
  readonly matchStatus: AgencyMatchStatus;

  /** The agency's own record of the young person; null when not matched. Not a GraphQL field. */
  readonly owner: Owner | null;

  /** The identifier it was looked up by; null when not linked. Not a GraphQL field. */
  readonly identifier: string | null;

  constructor(person: Pick<ReceivedYoungPerson<Owner>, 'identifier' | 'owner'>) {
    this.identifier = person.identifier;
    this.owner = person.owner;
    this.matchStatus = matchStatusOf(person.identifier, person.owner);
  }

  /** `read` over the agency's own record when matched; null (not matched) otherwise. */
  whenMatched<T>(read: (owner: Owner) => T | Promise<T>): Promise<T> | null {
    const owner = this.owner;
    return owner === null ? null : Promise.resolve(read(owner));
  }
}
