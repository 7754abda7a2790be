import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { SenProvision } from '../enums';
import { DatedEpisode } from './dated-episode';

const EHCP_AUDIENCE = 'Shared with education, social care and health only: null (with a notice) for others.';

@Entity({ tableName: 'sen_provision_episode' })
@ObjectType({
  description:
    "A period of one level of special educational needs provision (the census SEN provision), so changes show. The provision is shared with everyone with a relationship; its dates (an EHC plan's episode starts on the day the plan was issued) and the EHC plan's dates with education, social care and health only.",
})
export class SenProvisionEpisode extends DatedEpisode {
  // Redeclared for GraphQL only (nullable): the start of an EHC plan episode is the plan's issue date,
  // which the policy withholds from some agencies. The column is DatedEpisode's.
  @Field(() => LocalDateScalar, { nullable: true, description: `First day of the episode. ${EHCP_AUDIENCE}` })
  declare startDate: string;

  @Field(() => LocalDateScalar, { nullable: true, description: `Last day of the episode; null while it continues. ${EHCP_AUDIENCE}` })
  declare endDate: string | null;

  @Enum({ items: () => SenProvision })
  @Field(() => SenProvision)
  provision!: SenProvision;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: `When an EHC needs assessment was requested (the 20-week clock starts); null when none was requested during this episode. ${EHCP_AUDIENCE}`,
  })
  ehcpRequestDate!: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: `When the final EHC plan was issued; null when not (yet) issued. ${EHCP_AUDIENCE}`,
  })
  ehcpIssueDate!: string | null;
}
