/** Operation limits (graphql-armor): what a meeting tool needs, with room, and no more. */
export const OPERATION_LIMITS = { maxDepth: 12, maxAliases: 10, maxTokens: 4000, maxDirectives: 20, maxCost: 20000 };
