/**
 * What a GraphQL response looks like to a test: typed at the point of use. A test names the shape of
 * the data it asked for (`request<{ youngPerson: ... }>(...)`); errors always have this shape.
 */
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions: {
    code: string;
    /** WITHHELD notices: the agency and rule that withheld, and how many items when a list was filtered. */
    agency?: string;
    rule?: string;
    count?: number;
    /** BAD_USER_INPUT and NOT_FOUND: the argument or field that was wrong. */
    field?: string;
    [key: string]: unknown;
  };
}

export interface GraphQLBody<Data> {
  data?: Data | null;
  errors?: GraphQLErrorBody[];
}

/** The WITHHELD notices in a response, as { path, agency, rule, count }. */
export function withheldNotices(errors: GraphQLErrorBody[] | undefined) {
  return (errors ?? [])
    .filter((e) => e.extensions.code === 'WITHHELD')
    .map((e) => ({ path: e.path, agency: e.extensions.agency, rule: e.extensions.rule, count: e.extensions.count }));
}

/** The WITHHELD notice at exactly this path (by this rule, when given), if any. */
export function withheldAt(errors: GraphQLErrorBody[] | undefined, path: (string | number)[], rule?: string): GraphQLErrorBody | undefined {
  return (errors ?? []).find(
    (e) =>
      e.extensions.code === 'WITHHELD' &&
      JSON.stringify(e.path) === JSON.stringify(path) &&
      (rule === undefined || e.extensions.rule === rule),
  );
}

/** Only notices of withheld values: policy working, not failure. */
export const onlyWithheld = (errors: GraphQLErrorBody[] | undefined): boolean =>
  (errors ?? []).every((e) => e.extensions.code === 'WITHHELD');

/** The data of a response that must have some: fails the test, with the errors, when it has none. */
export function dataOf<Data>(body: GraphQLBody<Data>): Data {
  if (body.data == null) throw new Error(`expected data, got ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
