import { getOperationAST, parse } from 'graphql';
import { findMalformedString, malformation } from '../../kit/shared/well-formed-strings';

/** Issue 7: a NUL byte in laChildId, filter.keyWorker or a reason gave INTERNAL_SERVER_ERROR. */
const find = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  return findMalformedString(document, getOperationAST(document)!, variables);
};

describe('strings that are not text', () => {
  it.each([
    ['a NUL byte', 'ab\u0000c'],
    ['a lone high surrogate', 'ab\uD800c'],
    ['a lone low surrogate', '\uDC00abc'],
    ['a high surrogate at the end', 'abc\uD83D'],
  ])('finds %s', (_what, value) => expect(malformation(value)).not.toBeNull());

  it.each([
    ['plain text', 'Fernleigh'],
    ['an emoji (a surrogate pair)', 'ok \uD83D\uDE00'],
    ['accents and other scripts', 'Zoë Ślusarczyk 林'],
    ['line breaks and tabs', 'one\ntwo\tthree'],
  ])('leaves %s alone', (_what, value) => expect(malformation(value)).toBeNull());
});

describe('every string argument of an operation, however given', () => {
  it('names an argument given as a variable', () => {
    expect(find('query($x: String) { youngPersonByIdentifier(laChildId: $x) { id } }', { x: 'ab\u0000c' })).toEqual({
      field: 'laChildId',
      reason: expect.stringMatching(/NUL/) as unknown,
    });
  });

  it('names a field of an input object, whether the object or the field is the variable', () => {
    const whole = find('query($f: NwdCaseloadFilter) { nwdCaseload(filter: $f) { totalCount } }', { f: { keyWorker: 'a\u0000' } });
    const part = find('query($k: String) { nwdCaseload(filter: { keyWorker: $k }) { totalCount } }', { k: 'a\u0000' });
    expect([whole?.field, part?.field]).toEqual(['filter.keyWorker', 'filter.keyWorker']);
  });

  it('names a list item, finds lone surrogates, and looks inside fragments and written literals', () => {
    expect(find('mutation($i: [InviteeInput!]!) { invite(invitees: $i) { id } }', { i: [{ name: 'ok' }, { name: 'x\uDC00' }] })).toEqual({
      field: 'invitees[1].name',
      reason: expect.stringMatching(/surrogate/) as unknown,
    });
    expect(find('{ ...F } fragment F on Query { youngPerson(id: "YP-000001", breakGlassReason: "why\\u0000") { id } }')?.field).toBe(
      'breakGlassReason',
    );
  });

  it('checks a default the request leaves in place, and passes clean operations', () => {
    expect(find('query($x: String = "a\\u0000") { youngPersonByIdentifier(laChildId: $x) { id } }')?.field).toBe('laChildId');
    expect(find('query($x: String) { youngPersonByIdentifier(laChildId: $x) { id } }', { x: 'LA-1234 Zoë' })).toBeNull();
  });
});
