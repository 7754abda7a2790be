import type { MiddlewareFn } from 'type-graphql';
import type { AgencyContext } from '../context';
import { agencyName, SUBJECT_NOT_ESTABLISHED, withholdingRule, YOUNG_PERSONS_WISHES } from './policy';
import { pathToArray, type Subject } from './request-access';

/** The young person an object of this type is about (YoungPerson, Meeting...), or undefined when it says nothing itself. */
export type SubjectOf<Ctx extends AgencyContext> = (
  typeName: string,
  root: unknown,
  ctx: Ctx,
) => Promise<Subject | undefined> | Subject | undefined;

/**
 * Runs on every field of every agency subgraph. It finds whose data the field is (the object's own
 * subject, or the nearest enclosing one), applies the agency's policy and the young person's wishes,
 * records what was read or withheld, and returns null (with a notice) for what may not be shown.
 * Root fields do their own relationship checks. Fails closed: a field whose young person cannot be
 * established is withheld and audited, unless its type is declared non-personal in the agency's policy.
 */
export function guardPersonalData<Ctx extends AgencyContext>(subjectOf: SubjectOf<Ctx>): MiddlewareFn<Ctx> {
  return async ({ root, info, context }, next) => {
    const typeName = info.parentType.name;
    const { access, policy } = context;
    if (typeName === 'Query' || typeName === 'Mutation' || policy.nonPersonalTypes.includes(typeName)) return (await next()) as unknown;
    const own = await subjectOf(typeName, root, context);
    if (own) access.registerSubject(info.path.prev, own);
    const subject: Subject | undefined = access.subjectAt(info.path.prev);
    const field = `${typeName}.${info.fieldName}`;
    const agency = agencyName(policy);
    const path = pathToArray(info.path);
    if (!subject) {
      access.withholdUnattributed(field, SUBJECT_NOT_ESTABLISHED, agency, path);
      return null;
    }

    const ruleContext = { viewer: access.viewer, purpose: subject.purpose, item: root as unknown };
    const rule = withholdingRule(policy, typeName, info.fieldName, ruleContext);
    if (rule) {
      access.withhold(subject, field, rule, agency, path);
      return null;
    }
    const value = (await next()) as unknown;
    if (Array.isArray(value)) {
      const shown = (value as unknown[]).filter((item: unknown) => YOUNG_PERSONS_WISHES.allows({ ...ruleContext, item }));
      if (shown.length < value.length) access.withhold(subject, field, YOUNG_PERSONS_WISHES, agency, path, value.length - shown.length);
      access.read(subject, field);
      return shown;
    }
    if (value && typeof value === 'object' && !YOUNG_PERSONS_WISHES.allows({ ...ruleContext, item: value })) {
      access.withhold(subject, field, YOUNG_PERSONS_WISHES, agency, path);
      return null;
    }
    access.read(subject, field);
    return value;
  };
}
