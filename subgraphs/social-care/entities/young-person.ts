import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RECEIVING_AGENCIES } from '../../../kit/shared/agencies';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { Ethnicity, Sex } from '../enums';

/**
 * The young person, owned by children's social care (the lead agency). Other agencies resolve the
 * same entity by their own identifier, which social care holds in its cross-reference: each agency
 * only ever receives its own identifier from the gateway.
 */
@ObjectType({
  description:
    "A young person known to children's social care; the hub of the multi-agency view. Apart from who they are, any field may be withheld by an agency's policy: it is then null, with a WITHHELD notice in `errors` naming the agency and the rule.",
})
@Entity()
@Unique({ properties: ['laCode', 'laChildId'] })
export class YoungPerson {
  @Field(() => ID, { description: 'Social care person id (e.g. "YP-000123").' })
  @PrimaryKey({ type: 'string' })
  id!: string;

  @Field(() => String, { nullable: true, description: "Local authority's 3-digit DfE code (806: Middlesbrough)." })
  @Property({ type: 'string', length: 3 })
  laCode!: string;

  @Field(() => String, { nullable: true, description: 'LA child id: unique only together with the LA code.' })
  @Property({ type: 'string' })
  laChildId!: string;

  @Field()
  @Property({ type: 'string' })
  givenName!: string;

  @Field()
  @Index()
  @Property({ type: 'string' })
  familyName!: string;

  @Field(() => String, { nullable: true, description: 'The name the young person asks to be called.' })
  @Property({ type: 'string', nullable: true })
  preferredName?: string | null;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  dateOfBirth!: string;

  @Field(() => Sex, { nullable: true })
  @Enum({ items: () => Sex })
  sex!: Sex;

  @Field(() => Ethnicity, { nullable: true })
  @Enum({ items: () => Ethnicity })
  ethnicity!: Ethnicity;
}

// Each receiving agency finds the young person by its own identifier (the agencies table), resolved
// from the cross-reference (resolvers/identifiers.ts).
for (const { identifier } of RECEIVING_AGENCIES) Directive(`@key(fields: "${identifier.field}")`)(YoungPerson);
// Declared last, so listed first: the query planner comes back to social care by the first key it can,
// and only the id is there for every young person (a pncId, nhsNumber or upn may be null).
Directive('@key(fields: "id")')(YoungPerson);
