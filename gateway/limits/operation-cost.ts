import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * What an operation costs, by graphql-armor's cost-limit formula and weights (its defaults, which the
 * gateway uses): a scalar field 1, an object field 2 plus 1.5 times its selections, the whole times the
 * page size it asks for (`first` or `last`); a fragment spread 1 plus 1.5 times the fragment;
 * introspection's __schema nothing. One difference, on purpose: armor reads the page size only when
 * written as a number in the query, so `first: $n` with n = 100, or `first` left at its default of 25,
 * counted as one page of one. Here the page size is the variable's value, or the argument's default.
 */
export const COST_WEIGHTS = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 } as const;

const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

type Variables = Readonly<Record<string, unknown>>;

function fieldsOf(type: GraphQLNamedType | undefined): Record<string, GraphQLField<unknown, unknown>> {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : {};
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables = {},
): number {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const variableDefaults = new Map(operation.variableDefinitions?.map((d) => [d.variable.name.value, d.defaultValue]) ?? []);
  const fragmentCosts = new Map<string, number>();

  const intOf = (node: ValueNode | undefined): number | undefined => {
    if (node?.kind === Kind.INT) return parseInt(node.value, 10);
    if (node?.kind !== Kind.VARIABLE) return undefined;
    const given = variables[node.name.value];
    return Number.isInteger(given) ? (given as number) : intOf(variableDefaults.get(node.name.value));
  };

  /** The page size asked for: as armor, the first `first` or `last` argument; then the schema's default. */
  const pageSize = (args: readonly ArgumentNode[] | undefined, field: GraphQLField<unknown, unknown> | undefined): number => {
    const written = args?.find((a) => PAGE_SIZE_ARGUMENTS.has(a.name.value));
    const fallback = field?.args.find((a) => PAGE_SIZE_ARGUMENTS.has(a.name) && Number.isInteger(a.defaultValue));
    const size = written ? intOf(written.value) : (fallback?.defaultValue as number | undefined);
    return Math.max(size ?? 1, 1);
  };

  const selectionsCost = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__schema') continue;
        const field = fieldsOf(parent)[selection.name.value];
        cost +=
          COST_WEIGHTS.depthCostFactor *
          (selection.selectionSet
            ? (COST_WEIGHTS.objectCost + selectionsCost(selection.selectionSet, field && getNamedType(field.type))) *
              pageSize(selection.arguments, field)
            : COST_WEIGHTS.scalarCost);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += COST_WEIGHTS.depthCostFactor * (COST_WEIGHTS.objectCost + selectionsCost(selection.selectionSet, type));
      } else {
        cost +=
          COST_WEIGHTS.depthCostFactor * (COST_WEIGHTS.scalarCost + COST_WEIGHTS.depthCostFactor * fragmentCost(selection.name.value));
      }
    }
    return cost;
  };

  const fragmentCost = (name: string): number => {
    let cost = fragmentCosts.get(name);
    if (cost === undefined) {
      const fragment = fragments.get(name);
      // Validation has refused cycles and unknown fragments; mark it in case, so nothing recurses for ever.
      fragmentCosts.set(name, 0);
      cost = fragment
        ? COST_WEIGHTS.objectCost + selectionsCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value))
        : 0;
      fragmentCosts.set(name, cost);
    }
    return cost;
  };

  // The operation's own selections are not weighted by depth (as armor).
  return selectionsCost(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined) / COST_WEIGHTS.depthCostFactor;
}
