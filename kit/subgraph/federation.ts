import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isObjectType, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import merge from 'lodash.merge';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { guardedResolver, type FieldResolver, type SubjectOf } from './access/guard';
import type { AgencyContext } from './context';

const FEDERATION_LINK = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])
`;

export interface SubgraphSchemaParts<Ctx extends AgencyContext> {
  // type-graphql takes resolver classes as plain functions.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types no query returns (a receiving agency's YoungPerson, reached only through _entities). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers: GraphQLResolverMap<Ctx>;
  subjectOf: SubjectOf<Ctx>;
}

/**
 * type-graphql classes -> Federation 2 subgraph schema, as in type-graphql's apollo-federation-2 example:
 * build, print with directives, wrap in @link, and hand to buildSubgraphSchema with reference resolvers.
 * Every field passes the guard: policy, the young person's wishes, and the audit of what was read.
 */
export async function buildAgencySubgraphSchema<Ctx extends AgencyContext>(parts: SubgraphSchemaParts<Ctx>): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: parts.resolvers,
    orphanedTypes: parts.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const typeDefs = gql(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  return buildSubgraphSchema({
    typeDefs,
    resolvers: merge(guardEveryField(schema, parts.subjectOf), parts.referenceResolvers) as GraphQLResolverMap<unknown>,
  });
}

/** type-graphql's resolvers for `schema`, every field of every object type behind the guard (federation's own fields are not the agency's data). */
function guardEveryField<Ctx extends AgencyContext>(
  schema: GraphQLSchema,
  subjectOf: SubjectOf<Ctx>,
): ReturnType<typeof createResolversMap> {
  const resolvers = createResolversMap(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = resolvers[type.name] as Record<string, unknown>;
    for (const name of Object.keys(type.getFields())) {
      const resolve = fields[name];
      // type-graphql gives every field a resolver, a property's included: one without would not be guarded.
      if (typeof resolve !== 'function') throw new Error(`${type.name}.${name} has no resolver to guard`);
      fields[name] = guardedResolver(subjectOf, resolve as FieldResolver<Ctx>);
    }
  }
  return resolvers;
}
