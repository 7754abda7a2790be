import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { IdentifierScheme, LinkMethod } from '../enums';
import { YoungPerson } from './young-person';

/**
 * One line of social care's cross-reference: an agency identifier linked to the young person, with
 * provenance. A check digit proves only that it was typed correctly, so who linked it, when and how
 * is kept; a superseded link stays as history.
 */
@ObjectType({ description: "An agency identifier in social care's cross-reference, with who linked it, when and how." })
@Entity()
@Index({ properties: ['scheme', 'value'] })
export class IdentifierLink {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => YoungPerson, { index: true })
  youngPerson!: YoungPerson;

  @Field(() => IdentifierScheme)
  @Enum({ items: () => Object.values(IdentifierScheme) })
  scheme!: IdentifierScheme;

  @Field({ description: 'The identifier, normalised (NHS number as 10 digits, PNC ID in long form).' })
  @Property({ type: 'string' })
  value!: string;

  @Field(() => LinkMethod, { nullable: true })
  @Enum({ items: () => LinkMethod })
  method!: LinkMethod;

  @Field(() => String, { nullable: true, description: 'Who made the link (name and role).' })
  @Property({ type: 'string' })
  linkedBy!: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  linkedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the link was found wrong or replaced; null while it is current.' })
  @Property({ type: 'date', nullable: true })
  supersededOn?: string | null;
}
