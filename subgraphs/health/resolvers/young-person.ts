import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReceivedYoungPerson } from '../../../kit/subgraph/receiving/young-person';
import { receivingYoungPersonType, requiresGrant } from '../../../kit/subgraph/receiving/young-person';
import type { Patient } from '../entities';
import { HEALTH } from '../agency';
import { HealthRecord } from './health-record';

/** Health's view of the shared entity: keyed by the NHS number, the identifier health owns. */
export const YoungPerson = receivingYoungPersonType<Patient>(HEALTH);

@Resolver(() => YoungPerson)
export class YoungPersonHealthResolver {
  @Directive(requiresGrant(HEALTH))
  @FieldResolver(() => HealthRecord, {
    name: HEALTH.recordField,
    description: "What looked-after children's health holds about the young person; matchStatus says whether health could find them.",
  })
  health(@Root() person: ReceivedYoungPerson<Patient>): HealthRecord {
    return new HealthRecord(person);
  }
}
