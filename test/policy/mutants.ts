import {
  ACCESS_LOG_AUDITORS_ONLY,
  KIT_RULES,
  YOUNG_PERSONS_WISHES,
  type AgencyPolicy,
  type PolicyRule,
} from '../../kit/subgraph/access/policy';

/**
 * Single changes to the policies that a sharing table must notice. Each mutant changes the policy
 * objects in place (every field, every agency that uses the rule sees the change, as the subgraphs
 * would) and gives back how to undo it.
 */
export interface Mutant {
  /** What kind of change: a rule inverted everywhere, one field's rule inverted or removed, an audit field dropped. */
  kind: 'rule inverted' | 'field inverted' | 'field unguarded' | 'audit field dropped';
  name: string;
  apply(): () => void;
}

/** The rule, everywhere it is used, decides the opposite. */
function invertRule(rule: PolicyRule, where: string): Mutant {
  return {
    kind: 'rule inverted',
    name: `invert rule ${rule.id} (${where})`,
    apply() {
      const original = { ...rule };
      rule.allows = (ctx) => !original.allows(ctx);
      return () => {
        Object.assign(rule, original);
      };
    },
  };
}

/** One field's rule decides the opposite, for that field alone. */
function invertField(fields: Record<string, PolicyRule>, field: string, where: string): Mutant {
  return {
    kind: 'field inverted',
    name: `invert ${fields[field].id} on ${field} only (${where})`,
    apply() {
      const original = fields[field];
      fields[field] = { ...original, allows: (ctx) => !original.allows(ctx) };
      return () => {
        fields[field] = original;
      };
    },
  };
}

/** One field loses its rule: shown to everyone with a relationship. */
function unguardField(fields: Record<string, PolicyRule>, field: string, where: string): Mutant {
  return {
    kind: 'field unguarded',
    name: `remove ${fields[field].id} from ${field} (${where})`,
    apply() {
      const original = fields[field];
      delete fields[field];
      return () => {
        fields[field] = original;
      };
    },
  };
}

/** An auditor no longer sees one of the fields that say which record it is (or its log). */
function dropAuditField(policy: AgencyPolicy, entry: string): Mutant {
  return {
    kind: 'audit field dropped',
    name: `drop ${entry} from what an auditor sees (${policy.agency})`,
    apply() {
      const original = policy.auditFields;
      policy.auditFields = original.filter((e) => e !== entry);
      return () => {
        policy.auditFields = original;
      };
    },
  };
}

/**
 * Every mutant of these policies and of the kit's rules that every policy applies. Not mutated: rules
 * whose predicate nothing asks (subject-not-established, audit-logs-only: the guard and withholdingRule
 * decide those cases and use the rule as a name), so inverting them would change nothing.
 */
export function mutantsOf(policies: readonly AgencyPolicy[]): Mutant[] {
  const rules = new Map<PolicyRule, string>([
    [YOUNG_PERSONS_WISHES, 'kit'],
    [ACCESS_LOG_AUDITORS_ONLY, 'kit'],
  ]);
  for (const rule of Object.values(KIT_RULES)) rules.set(rule, 'kit');
  for (const policy of policies) for (const rule of Object.values(policy.fields)) if (!rules.has(rule)) rules.set(rule, policy.agency);
  return [
    ...[...rules].map(([rule, where]) => invertRule(rule, where)),
    ...Object.keys(KIT_RULES).flatMap((field) => [invertField(KIT_RULES, field, 'kit'), unguardField(KIT_RULES, field, 'kit')]),
    ...policies.flatMap((policy) =>
      Object.keys(policy.fields).flatMap((field) => [
        invertField(policy.fields, field, policy.agency),
        unguardField(policy.fields, field, policy.agency),
      ]),
    ),
    ...policies.flatMap((policy) => policy.auditFields.map((entry) => dropAuditField(policy, entry))),
  ];
}
