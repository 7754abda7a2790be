import type { MiddlewareFn } from 'type-graphql';
import type { AgencyPolicy } from './policy';
import { agencyName, withholdingRule, YOUNG_PERSONS_WISHES } from './policy';
import { pathToArray, type RequestAccess, type Subject } from './request-access';

/** What the guard needs from a request's context. */
export interface GuardedContext {
  access: RequestAccess;
  policy: AgencyPolicy;
  /** The young person an object of this type is about (YoungPerson, Meeting...), or undefined. */
  subjectOf(typeName: string, root: unknown): Promise<Subject | undefined> | Subject | undefined;
}

/**
 * Runs on every field of every agency subgraph. It finds whose data the field is, applies the
 * agency's policy and the young person's wishes, records what was read or withheld, and returns
 * null (with a notice) for what may not be shown. Root fields do their own relationship checks.
 */
export const guardPersonalData: MiddlewareFn<GuardedContext> = async ({ root, info, context }, next) => {
  const typeName = info.parentType.name;
  if (typeName === 'Query' || typeName === 'Mutation' || !context.access) return next();
  const own = await context.subjectOf(typeName, root);
  if (own) context.access.registerSubject(info.path.prev, own);
  const subject = context.access.subjectAt(info.path.prev);
  if (!subject) return next();

  const { access, policy } = context;
  const field = `${typeName}.${info.fieldName}`;
  const agency = agencyName(policy);
  const path = pathToArray(info.path);
  const ruleContext = { viewer: access.viewer, purpose: subject.purpose, item: root };
  const rule = withholdingRule(policy, typeName, info.fieldName, ruleContext);
  if (rule) {
    access.withhold(subject, field, rule, agency, path);
    return null;
  }
  const value = await next();
  if (Array.isArray(value)) {
    const shown = value.filter((item) => YOUNG_PERSONS_WISHES.allows({ ...ruleContext, item }));
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
