import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../kit/subgraph/graphql/scalars';
import { HandlingCode, IntelligenceAssessment, IntelligenceGradingScheme, SourceEvaluation } from '../enums';
import { NominalRecord } from './nominal-record';

/**
 * One intelligence log entry. 3x5x2 items fill the three graded columns; legacy 5x5x5 items keep their
 * original grades as recorded, because regrading old intelligence would invent an assessment nobody made.
 */
@Entity()
@ObjectType({
  description:
    'A police intelligence log entry about the young person, graded for reliability and handling (College of Policing APP, Intelligence management).',
})
export class IntelligenceItem extends NominalRecord {
  @Field(() => DateTimeScalar, { description: 'When the intelligence was recorded.' })
  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Field(() => IntelligenceGradingScheme)
  @Enum({ items: () => IntelligenceGradingScheme })
  gradingScheme!: IntelligenceGradingScheme;

  @Field(() => SourceEvaluation, { nullable: true, description: '3x5x2 source evaluation; null for legacy 5x5x5 items.' })
  @Enum({ items: () => SourceEvaluation, nullable: true })
  sourceEvaluation!: SourceEvaluation | null;

  @Field(() => IntelligenceAssessment, { nullable: true, description: '3x5x2 intelligence assessment; null for legacy 5x5x5 items.' })
  @Enum({ items: () => IntelligenceAssessment, nullable: true })
  intelligenceAssessment!: IntelligenceAssessment | null;

  @Field(() => HandlingCode, { nullable: true, description: '3x5x2 handling code; null for legacy 5x5x5 items.' })
  @Enum({ items: () => HandlingCode, nullable: true })
  handlingCode!: HandlingCode | null;

  @Field(() => String, { nullable: true, description: 'The conditions attached to a handling code C item, which any sharing must follow.' })
  @Property({ type: 'text', nullable: true })
  handlingConditions!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Legacy 5x5x5 source evaluation as recorded: A always reliable, B mostly reliable, C sometimes reliable, D unreliable, E untested source.',
  })
  @Property({ type: 'string', length: 1, nullable: true })
  legacySourceEvaluation!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Legacy 5x5x5 intelligence evaluation as recorded: 1 known to be true without reservation, 2 known personally to the source but not to the officer, 3 not personally known to the source but corroborated, 4 cannot be judged, 5 suspected to be false or malicious.',
  })
  @Property({ type: 'string', length: 1, nullable: true })
  legacyIntelligenceEvaluation!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Legacy 5x5x5 handling code as recorded: 1 may be disseminated to other law enforcement and prosecuting agencies, 2 to UK non-prosecuting parties, 3 to non-EEA law enforcement agencies, 4 within the originating agency only, 5 no further dissemination without reference to the originator.',
  })
  @Property({ type: 'string', length: 1, nullable: true })
  legacyHandlingCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The intelligence as recorded, including detail that could reveal the source. Police only: null for anyone else, with a WITHHELD error.',
  })
  @Property({ type: 'text' })
  fullText!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The sanitised text: source-revealing detail removed, the form in which intelligence leaves the police. Partner agencies see it only when the item is marked for sharing; otherwise null, with a WITHHELD error.',
  })
  @Property({ type: 'text' })
  sanitisedText!: string;

  @Field({ description: 'Whether the police have marked this item for sharing with partner agencies.' })
  @Property()
  markedForSharing!: boolean;
}
