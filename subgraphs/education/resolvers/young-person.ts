import { Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { NOT_LINKED } from '../../../kit/subgraph/access/grant-checks';
import type { Purpose } from '../../../kit/subgraph/access/purpose';
import { badUserInput } from '../../../kit/subgraph/errors';
import { checkUpn } from '../../../kit/shared/identifiers';
import type { EducationContext } from '../context';
import type { Pupil } from '../entities/pupil';
import { EducationRecord } from './education-record';

@Directive('@key(fields: "upn")')
@ObjectType({ description: 'A young person known to children\'s social care; the virtual school knows them by their UPN.' })
export class YoungPerson {
  @Field(() => String, {
    nullable: true,
    description:
      "Unique pupil number (DfE): check letter, LA code, school number, year and serial. Null when social care's cross-reference holds none.",
  })
  upn!: string | null;

  /** Social care's signed access grant for this viewer, request and UPN: the gateway fetches it for `education`. */
  @Directive('@external')
  @Field(() => String, { nullable: true })
  educationAccess?: string | null;

  /** Found by the reference resolver; not exposed. */
  pupil!: Pupil | null;

  /** Why this viewer may read the record, from the verified grant; not exposed. */
  purpose!: Purpose;
}

@Resolver(() => YoungPerson)
export class YoungPersonResolver {
  @Directive('@requires(fields: "educationAccess")')
  @FieldResolver(() => EducationRecord, { description: "The virtual school's record of the young person, or why there is none." })
  education(@Root() person: YoungPerson): EducationRecord {
    return EducationRecord.of(person.upn, person.pupil);
  }
}

/**
 * Entity references from the gateway. A null UPN is "not linked"; a malformed one is the caller's
 * error. Nothing is read until social care's grant is verified: for this viewer, this request and
 * exactly this UPN (as received). A refusal is audited and says nothing about whether we hold the UPN.
 */
export const youngPersonReference = {
  YoungPerson: {
    async __resolveReference(ref: { upn?: string | null; educationAccess?: unknown }, ctx: EducationContext): Promise<YoungPerson> {
      const checked = ref.upn === null || ref.upn === undefined ? null : checkUpn(ref.upn);
      if (checked && !checked.ok) throw badUserInput('upn', checked.reason);
      const upn = checked ? checked.value : null;
      const purpose = await ctx.grantedPurpose(ref.educationAccess, ref.upn, upn ?? NOT_LINKED);
      return Object.assign(new YoungPerson(), { upn, pupil: upn ? await ctx.loaders.pupilByUpn.load(upn) : null, purpose });
    },
  },
};
