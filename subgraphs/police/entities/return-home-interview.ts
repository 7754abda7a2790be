import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../kit/subgraph/graphql/scalars';
import { ReturnHomeInterviewTakeUp } from '../enums';
import { MissingEpisode } from './missing-episode';

/** Recorded once the interview has been offered; an episode without one has not been offered it yet. */
@Entity()
@ObjectType({
  description:
    'An independent return home interview offered after a missing episode: to be offered within 72 hours of the child being found or returning (DfE statutory guidance on children who run away or go missing from home or care).',
})
export class ReturnHomeInterview {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => MissingEpisode, { unique: true })
  missingEpisode!: MissingEpisode;

  @Field(() => DateTimeScalar, { description: 'When the interview was offered to the child.' })
  @Property({ type: 'datetime' })
  offeredAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the interview took place; null if it has not (yet).' })
  @Property({ type: 'datetime', nullable: true })
  tookPlaceAt!: Date | null;

  @Field(() => ReturnHomeInterviewTakeUp, {
    nullable: true,
    description: 'Whether the offer was taken up; null while the offer is still open.',
  })
  @Enum({ items: () => ReturnHomeInterviewTakeUp, nullable: true })
  takenUp!: ReturnHomeInterviewTakeUp | null;
}
