import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReceivedYoungPerson } from '../../../kit/subgraph/receiving/young-person';
import { receivingYoungPersonType, requiresGrant } from '../../../kit/subgraph/receiving/young-person';
import { POLICE } from '../agency';
import type { Nominal } from '../entities';
import { PoliceRecord } from './police-record';

/** The police view of the shared entity: keyed by the PNC ID (long form), the identifier the police own. */
export const YoungPerson = receivingYoungPersonType<Nominal>(POLICE);

@Resolver(() => YoungPerson)
export class YoungPersonPoliceResolver {
  @Directive(requiresGrant(POLICE))
  @FieldResolver(() => PoliceRecord, {
    name: POLICE.recordField,
    description: 'What the police hold about this young person, or why nothing can be shown (matchStatus).',
  })
  police(@Root() person: ReceivedYoungPerson<Nominal>): PoliceRecord {
    return new PoliceRecord(person);
  }
}
