import type { EntityManager } from '@mikro-orm/core';
import {
  execute,
  getNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  type DocumentNode,
  type GraphQLField,
} from 'graphql';
import type { AgencyContext } from '../context';
import { RequestAccess, type PackSnapshotContent, type Subject } from '../access/request-access';
import type { AuditChain } from '../audit/chain';
import { PackSnapshot, PackSnapshotView, snapshotHash, snapshotMessage } from './pack-snapshot';

/** How deep a frozen part goes: the pack, what it lists, and their details (an action's progress notes). */
const DEPTH = 3;

/** Every field of the type, and of the types under it to DEPTH, but those left out and those that need arguments. */
function everyField(type: GraphQLObjectType, omit: readonly string[], depth: number): string {
  const fields = Object.values(type.getFields() as Record<string, GraphQLField<unknown, unknown>>)
    .filter((f) => !omit.includes(f.name) && !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
    .map((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return f.name;
      if (isObjectType(named) && depth > 1) return `${f.name} { ${everyField(named, omit, depth - 1)} }`;
      return null;
    })
    .filter((f): f is string => !!f);
  return fields.length ? fields.join(' ') : '__typename';
}

/**
 * A schema of one field returning the part (the agency's own type, with its own resolvers and guard),
 * and a document asking for all of it: what is frozen never depends on what a client chose to ask,
 * or how it named it.
 */
const canonical = new WeakMap<GraphQLObjectType, { schema: GraphQLSchema; document: DocumentNode }>();
function canonicalFor(type: GraphQLObjectType, omit: readonly string[]) {
  let found = canonical.get(type);
  if (!found) {
    const query = new GraphQLObjectType({
      name: 'Query',
      fields: {
        part: {
          type,
          resolve: (root: { part: unknown; subject: Subject }, _args, context: AgencyContext, info) => {
            context.access.registerSubject(info.path, root.subject);
            return root.part;
          },
        },
      },
    });
    found = { schema: new GraphQLSchema({ query }), document: parse(`{ part { ${everyField(type, omit, DEPTH)} } }`) };
    canonical.set(type, found);
  }
  return found;
}

export interface Freeze {
  /** The part's GraphQL type in this agency's schema. */
  type: GraphQLObjectType;
  part: unknown;
  reference: string;
  subject: Subject;
  /** Fields never frozen: grants (short-lived), the frozen copy itself, links back up to the meeting. */
  omit: readonly string[];
}

/**
 * Freezes an agency's part of a meeting pack for its chair, once: every field of it, read now as the
 * chair would be shown it (the agency's policy and the young person's wishes applied, the notices of
 * what was withheld kept), in the agency's own store, written with the request's audit records. The
 * reads are audited as the chair's.
 */
export async function freezePart(ctx: AgencyContext, freeze: Freeze): Promise<void> {
  if (await ctx.em.findOne(PackSnapshot, { reference: freeze.reference })) return;
  const { schema, document } = canonicalFor(freeze.type, freeze.omit);
  const access = new RequestAccess(ctx.viewer, ctx.requestId);
  const result = await execute({
    schema,
    document,
    rootValue: { part: freeze.part, subject: freeze.subject },
    contextValue: { ...ctx, access },
  });
  if (result.errors?.length) throw result.errors[0];
  ctx.access.absorbReads(access);
  ctx.access.keepSnapshot({
    reference: freeze.reference,
    subject: freeze.subject.key,
    content: JSON.stringify((result.data as { part: unknown }).part),
    notices: JSON.stringify(
      access.notices.map((n) => ({ path: n.path.slice(1), agency: n.agency, rule: n.rule, ...(n.count && { count: n.count }) })),
    ),
  });
}

/** Writes the snapshots a request kept, in the transaction of its audit records, signed as they are; a pack is frozen once. */
export async function writeSnapshots(
  tx: EntityManager,
  chain: AuditChain,
  snapshots: readonly PackSnapshotContent[],
  viewerId: string,
  at: Date,
): Promise<void> {
  for (const s of snapshots) {
    if (await tx.findOne(PackSnapshot, { reference: s.reference })) continue;
    const frozen = { ...s, viewerId, frozenAt: at, contentHash: snapshotHash(s.content, s.notices) };
    tx.create(PackSnapshot, { ...frozen, ...chain.seal('snapshot', snapshotMessage(frozen)) });
  }
  await tx.flush();
}

/** A frozen pack part, to read back (one query; null when none was frozen). */
export async function frozenPack(em: EntityManager, reference: string): Promise<PackSnapshotView | null> {
  const snapshot = await em.findOne(PackSnapshot, { reference });
  return snapshot && Object.assign(new PackSnapshotView(), snapshot);
}
