import { GraphQLError } from 'graphql';
import { justification } from '../../kit/subgraph/validate';

/**
 * A break-glass reason is what a privacy officer judges the access by (DOMAIN.md §4: record the reasons
 * for every decision to share). Issue 7 found twenty zero-width spaces, twenty a's and an 80 KB text accepted.
 */
const REASON = 'Police report the young person missing tonight; need the placement history now';

const refusal = (value: string) => {
  try {
    justification('breakGlassReason', value);
  } catch (err) {
    expect(err).toBeInstanceOf(GraphQLError);
    return (err as GraphQLError).extensions;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
};

describe('a justification (break-glass reason, consent override)', () => {
  it('accepts a reason in words, trimmed, in any script', () => {
    expect(justification('breakGlassReason', `  ${REASON}\n`)).toBe(REASON);
    expect(justification('breakGlassReason', 'Zgłoszenie zaginięcia dziś w nocy, potrzebna historia')).toMatch(/^Zgłoszenie/);
    expect(justification('breakGlassReason', 'Missing overnight: need history'.padEnd(1000, '.'))).toHaveLength(1000);
  });

  it.each([
    ['twenty zero-width spaces', '\u200B'.repeat(20)],
    ['letters padded with zero-width spaces', `urgent${'\u200B'.repeat(20)}`],
    ['twenty of one letter', 'a'.repeat(20)],
    ['one letter repeated with spaces', 'a a a a a a a a a a a a a a a a a a a a a a'],
    ['an 80 KB text', 'Missing tonight, need the history. '.repeat(2400)],
    ['1001 characters', REASON.padEnd(1001, '.')],
    ['fewer than 20 letters', 'urgent!!! 1234567890 ????'],
    ['punctuation and digits only', '!!!!!!!!!!!!!!!!!!!!!!!!!! 12345678901234567890'],
    ['a zero-width joiner', `${REASON}\u200D`],
    ['a right-to-left override', `${REASON} \u202Ewon`],
    ['a soft hyphen', `miss\u00ADing ${REASON}`],
    ['a Hangul filler passing for letters', `need ${'\u3164'.repeat(20)}`],
    ['a NUL byte', `${REASON}\u0000`],
    ['a line separator', `${REASON}\u2028more`],
  ])('refuses %s, naming the argument', (_what, value) => {
    expect(refusal(value)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'breakGlassReason' });
  });
});
