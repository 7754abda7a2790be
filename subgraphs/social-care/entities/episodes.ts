import { Entity, Enum, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../kit/subgraph/graphql/scalars';
import { CaseStatus, CpCategory, DistanceBand, LegalStatus, MissingFromCareType, PlacementChangeReason, PlacementType } from '../enums';
import { YoungPersonEpisode, YoungPersonRecord } from './young-person-record';

/** Dated episodes: what was true from when to when. "Current" is always derived from these. */

@ObjectType({ description: 'A period during which the young person had a given status with social care.' })
@Entity()
export class CaseStatusEpisode extends YoungPersonEpisode {
  @Field(() => CaseStatus)
  @Enum({ items: () => CaseStatus })
  status!: CaseStatus;

  @Field(() => CpCategory, { nullable: true, description: 'Initial category of abuse, for a Child Protection plan.' })
  @Enum({ items: () => CpCategory, nullable: true })
  cpCategory?: CpCategory | null;

  @Field(() => Boolean, { description: 'Unaccompanied asylum-seeking child during this episode.' })
  @Property({ type: 'boolean', default: false })
  uasc: boolean & Opt = false;
}

@ObjectType({ description: 'A legal status episode of a looked-after child (SSDA903 LS).' })
@Entity()
export class LegalStatusEpisode extends YoungPersonEpisode {
  @Field(() => LegalStatus)
  @Enum({ items: () => LegalStatus })
  legalStatus!: LegalStatus;
}

@ObjectType({ description: 'A placement episode (SSDA903 PLACE), with the provider and why it ended.' })
@Entity()
export class PlacementEpisode extends YoungPersonEpisode {
  @Field(() => PlacementType)
  @Enum({ items: () => PlacementType })
  placementType!: PlacementType;

  @Field(() => String, {
    nullable: true,
    description:
      'Provider (carer household, home or scheme), invented for synthetic data. Guarded by policy: null with a WITHHELD notice when not shared.',
  })
  @Property({ type: 'string' })
  provider!: string;

  @Field(() => PlacementChangeReason, { nullable: true, description: 'Why the placement ended or changed (SSDA903 REASON_PLACE_CHANGE).' })
  @Enum({ items: () => PlacementChangeReason, nullable: true })
  reasonForChange?: PlacementChangeReason | null;

  @Field(() => DistanceBand)
  @Enum({ items: () => DistanceBand })
  distance!: DistanceBand;

  @Field({ description: 'Within the local authority boundary.' })
  @Property({ type: 'boolean' })
  insideLocalAuthority!: boolean;

  @Field(() => Boolean, { description: 'Flagged by the social worker as at risk of breaking down.' })
  @Property({ type: 'boolean', default: false })
  fragile: boolean & Opt = false;
}

@ObjectType({ description: 'A period missing from care or away without authorisation (SSDA903 MISSING).' })
@Entity()
export class MissingFromCareEpisode extends YoungPersonRecord {
  @Field(() => MissingFromCareType)
  @Enum({ items: () => MissingFromCareType })
  type!: MissingFromCareType;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Null while still missing.' })
  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date | null;
}
