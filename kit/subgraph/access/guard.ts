import { getNamedType, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { AgencyContext } from '../context';
import { agencyName, mayCountWithheld, SUBJECT_NOT_ESTABLISHED, wishesMayApply, withholdingRule, YOUNG_PERSONS_WISHES } from './policy';
import { pathToArray, type Subject } from './request-access';
import { AGGREGATE_TYPES } from '../outcomes/figures';

/** The young person an object of this type is about (YoungPerson, Meeting...), or undefined when it says nothing itself. */
export type SubjectOf<Ctx extends AgencyContext> = (
  typeName: string,
  root: unknown,
  ctx: Ctx,
) => Promise<Subject | undefined> | Subject | undefined;

/** A field's resolver, as graphql-js calls it. */
export type FieldResolver<Ctx> = (root: unknown, args: unknown, context: Ctx, info: GraphQLResolveInfo) => unknown;

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  value != null && typeof (value as { then?: unknown }).then === 'function';

/** `then(value)`, at once when `value` is already there: most fields are a property read, and a promise for each costs more than the read. */
const andThen = <T>(value: T | PromiseLike<T>, then: (v: T) => unknown): unknown => (isPromiseLike(value) ? value.then(then) : then(value));

/**
 * Wraps the resolver of every field of every agency subgraph. It finds whose data the field is (the
 * object's own subject, or the nearest enclosing one), applies the agency's policy and the young
 * person's wishes, records what was read or withheld, and returns null (with a notice) for what may
 * not be shown. Root fields do their own relationship checks. Fails closed: a field whose young person
 * cannot be established is withheld and audited, unless its type is declared non-personal in the
 * agency's policy (or is one of the kit's aggregate types, whose resolvers check and audit themselves).
 * Synchronous where the field and the subject are (a type-graphql middleware made every field a chain
 * of promises).
 */
export function guardedResolver<Ctx extends AgencyContext>(subjectOf: SubjectOf<Ctx>, resolve: FieldResolver<Ctx>): FieldResolver<Ctx> {
  return (root, args, context, info) => {
    const typeName = info.parentType.name;
    const { access, policy } = context;
    const next = () => resolve(root, args, context, info);
    // Cohort outcomes are figures about many young people: their resolvers check the role and audit the aggregate read.
    if (AGGREGATE_TYPES.has(typeName)) return next();
    if (typeName === 'Query' || typeName === 'Mutation' || policy.nonPersonalTypes.includes(typeName))
      return andThen(next(), async (value) => {
        await readReturnedSubjects(subjectOf, value, info, context);
        return value;
      });
    return andThen(subjectOf(typeName, root, context), (own) => {
      if (own) access.registerSubject(info.path.prev, own);
      const subject: Subject | undefined = access.subjectAt(info.path.prev);
      const field = `${typeName}.${info.fieldName}`;
      const agency = agencyName(policy);
      // Only a withheld field or a notice needs its path as a list.
      const path = () => pathToArray(info.path);
      if (!subject) {
        access.withholdUnattributed(field, SUBJECT_NOT_ESTABLISHED, agency, path());
        return null;
      }

      const ruleContext = { viewer: access.viewer, purpose: subject.purpose, item: root };
      const rule = withholdingRule(policy, typeName, info.fieldName, ruleContext);
      if (rule) {
        access.withhold(subject, field, rule, agency, path());
        return null;
      }
      return andThen(next(), (value) => {
        if (Array.isArray(value)) {
          const shown = (value as unknown[]).filter((item: unknown) => YOUNG_PERSONS_WISHES.allows({ ...ruleContext, item }));
          const hidden = value.length - shown.length;
          if (hidden) access.auditWithheld(subject, field, YOUNG_PERSONS_WISHES);
          // Told whenever the wishes could apply here, so the notice is the same whether or not anything was left out.
          if (hidden || wishesMayApply(policy, access.viewer, getNamedType(info.returnType).name))
            access.tell(path(), agency, YOUNG_PERSONS_WISHES, hidden && mayCountWithheld(policy, access.viewer) ? hidden : undefined);
          access.read(subject, field);
          return shown;
        }
        if (value && typeof value === 'object' && !YOUNG_PERSONS_WISHES.allows({ ...ruleContext, item: value })) {
          access.withhold(subject, field, YOUNG_PERSONS_WISHES, agency, path());
          return null;
        }
        access.read(subject, field);
        return value;
      });
    });
  };
}

/**
 * A field outside any young person (a root query, a page of the caseload) that returns objects with
 * a subject of their own (a young person, a meeting) tells the viewer they exist and are theirs to
 * see: that is a read of each, recorded even when only `__typename` is selected and none of their
 * own fields runs (so break-glass is always audited and alerted).
 */
async function readReturnedSubjects<Ctx extends AgencyContext>(
  subjectOf: SubjectOf<Ctx>,
  value: unknown,
  info: GraphQLResolveInfo,
  context: Ctx,
): Promise<void> {
  const type = getNamedType(info.returnType);
  // Federation's _entities returns a union: each entity's own fields are guarded where they resolve.
  if (!isObjectType(type) || value == null) return;
  const field = `${info.parentType.name}.${info.fieldName}`;
  const items: [unknown, GraphQLResolveInfo['path']][] = Array.isArray(value)
    ? (value as unknown[]).map((item, i) => [item, { prev: info.path, key: i, typename: type.name }])
    : [[value, info.path]];
  // Together, so that a page's young people are looked up in one batch.
  await Promise.all(
    items.map(async ([item, at]) => {
      if (item == null || typeof item !== 'object') return;
      const subject = await subjectOf(type.name, item, context);
      if (!subject) return;
      context.access.registerSubject(at, subject);
      context.access.read(subject, field);
    }),
  );
}
