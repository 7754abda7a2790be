import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../kit/graphql/scalars';
import { SenProvision } from '../enums';
import { DatedEpisode } from './dated-episode';

@Entity({ tableName: 'sen_provision_episode' })
@ObjectType({ description: "A period of one level of special educational needs provision (the census SEN provision), so changes show." })
export class SenProvisionEpisode extends DatedEpisode {
  @Enum({ items: () => SenProvision })
  @Field(() => SenProvision)
  provision!: SenProvision;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When an EHC needs assessment was requested (the 20-week clock starts); null when none was requested during this episode.',
  })
  ehcpRequestDate!: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the final EHC plan was issued; null when not (yet) issued.' })
  ehcpIssueDate!: string | null;
}
