import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import merge from 'lodash.merge';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { guardPersonalData } from './access/guard';

const FEDERATION_LINK = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])
`;

/**
 * type-graphql classes -> Federation 2 subgraph schema, as in type-graphql's apollo-federation-2 example:
 * build, print with directives, wrap in @link, and hand to buildSubgraphSchema with reference resolvers.
 */
export async function buildAgencySubgraphSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: GraphQLResolverMap<unknown> = {},
): Promise<GraphQLSchema> {
  // Every field passes the guard: policy, the young person's wishes, and the audit of what was read.
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false, globalMiddlewares: [guardPersonalData] });
  const typeDefs = gql(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  return buildSubgraphSchema({
    typeDefs,
    resolvers: merge(createResolversMap(schema), referenceResolvers) as GraphQLResolverMap<unknown>,
  });
}
