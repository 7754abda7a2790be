import { registerEnumType } from 'type-graphql';

/** The official meaning of each value of a code list. */
export type Meanings<E extends Record<string, string>> = { readonly [K in keyof E]: string };

/**
 * Registers an agency's code list as a GraphQL enum whose values carry their official meaning (SSDA903,
 * CIN census, DfE, College of Policing, NHS), so the schema documents itself in any explorer. Returns
 * the meanings, so a summary in words uses the same wording as the documentation.
 */
export function codeList<E extends Record<string, string>>(
  values: E,
  name: string,
  description: string,
  meanings?: Meanings<E>,
): Meanings<E> {
  registerEnumType(values, {
    name,
    description,
    ...(meanings && {
      valuesConfig: Object.fromEntries(Object.entries(meanings).map(([code, meaning]) => [code, { description: meaning }])) as {
        [K in keyof E]: { description: string };
      },
    }),
  });
  return meanings ?? (Object.fromEntries(Object.keys(values).map((code) => [code, code])) as Meanings<E>);
}
