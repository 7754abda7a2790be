import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { receivingYoungPersonType, requiresGrant, type ReceivedYoungPerson } from '../../../kit/subgraph/receiving/young-person';
import { YOUTH_JUSTICE } from '../agency';
import type { YjsCase } from '../entities';
import { YouthJusticeRecord } from './youth-justice-record';

export const YoungPerson = receivingYoungPersonType<YjsCase>(YOUTH_JUSTICE);

@Resolver(() => YoungPerson)
export class YoungPersonYouthJusticeResolver {
  @Directive(requiresGrant(YOUTH_JUSTICE))
  @FieldResolver(() => YouthJusticeRecord, {
    name: YOUTH_JUSTICE.recordField,
    description: 'What the youth justice service holds about the young person, or why nothing can be shown (matchStatus).',
  })
  youthJustice(@Root() person: ReceivedYoungPerson<YjsCase>): YouthJusticeRecord {
    return new YouthJusticeRecord(person);
  }
}
