import { graphql } from 'graphql';
import { Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { PERSONAS } from '../../kit/dev/personas';
import type { AgencyPolicy } from '../../kit/subgraph/access/policy';
import { RequestAccess, SUBJECT_NOT_ESTABLISHED_KEY } from '../../kit/subgraph/access/request-access';
import type { AgencyContext } from '../../kit/subgraph/context';
import { buildAgencySubgraphSchema } from '../../kit/subgraph/federation';

/**
 * The guard fails closed. A resolver that returns a young person's data without saying whose it is (a
 * new root query that forgot to establish its subject) must not leak it: every field of a personal
 * type with no established young person comes back null, with a WITHHELD notice, and is audited.
 * Only types the agency's policy declares non-personal pass without one.
 */
@ObjectType({ description: 'A personal type: its fields are about a young person.' })
class CaseNote {
  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field({ description: 'Non-null: withholding it nulls the whole note.' })
  writtenOn!: string;
}

@ObjectType({ description: 'A page wrapper the policy declares non-personal.' })
class NotePage {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [CaseNote])
  nodes!: CaseNote[];
}

@Resolver()
class ForgetfulQueries {
  @Query(() => CaseNote, { nullable: true, description: 'Forgets to establish whose note this is.' })
  note(): CaseNote {
    return { text: 'Disclosed at school on Monday', writtenOn: '2026-11-23' };
  }

  @Query(() => NotePage)
  notes(): NotePage {
    return { totalCount: 1, nodes: [{ text: 'Missing overnight, found at a friend’s house', writtenOn: '2026-11-22' }] };
  }
}

const policy: AgencyPolicy = {
  agency: 'SOCIAL_CARE',
  fields: {},
  auditFields: [],
  nonPersonalTypes: ['NotePage'],
  youngPersonsWishesOn: [],
  aggregates: { readers: [], fullFigures: [] },
};

async function run(query: string) {
  const schema = await buildAgencySubgraphSchema<AgencyContext>({
    resolvers: [ForgetfulQueries],
    referenceResolvers: {},
    subjectOf: () => undefined,
  });
  const access = new RequestAccess(PERSONAS.socialWorker, 'guard-test');
  const context = { access, policy } as unknown as AgencyContext;
  const result = await graphql({ schema, source: query, contextValue: context });
  return { result, access };
}

describe('the field guard, on a personal type whose young person cannot be established', () => {
  it('withholds the field with a notice naming the rule, and shows nothing of it', async () => {
    const { result, access } = await run('{ note { text } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ note: { text: null } });
    expect(access.notices).toEqual([
      expect.objectContaining({ path: ['note', 'text'], rule: 'subject-not-established', agency: 'social care' }),
    ]);
  });

  it('audits what it withheld, under no young person and no purpose', async () => {
    const { access } = await run('{ note { text } }');
    const records = access.auditContents(new Date('2026-11-23T12:00:00Z'));
    expect(records).toEqual([
      expect.objectContaining({
        subject: SUBJECT_NOT_ESTABLISHED_KEY,
        purposeKind: null,
        fieldsRead: '[]',
        withheld: JSON.stringify([{ field: 'CaseNote.text', rule: 'subject-not-established' }]),
      }),
    ]);
  });

  it('lets a type declared non-personal in the policy through, and still guards the personal data inside it', async () => {
    const { result, access } = await run('{ notes { totalCount nodes { text } } }');
    expect(result.data).toEqual({ notes: { totalCount: 1, nodes: [{ text: null }] } });
    expect(access.notices.map((n) => n.path)).toEqual([['notes', 'nodes', 0, 'text']]);
  });

  it('never leaks a non-null field: the nearest nullable parent becomes null, and the notice says why', async () => {
    const { result, access } = await run('{ note { text writtenOn } }');
    expect(result.data).toEqual({ note: null });
    expect(JSON.stringify(result)).not.toMatch(/Disclosed|2026-11-23/);
    expect(access.notices.map((n) => [n.path.join('.'), n.rule])).toEqual([
      ['note.text', 'subject-not-established'],
      ['note.writtenOn', 'subject-not-established'],
    ]);
  });
});
