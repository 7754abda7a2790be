import { Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../../kit/errors';
import { checkUpn } from '../../kit/identifiers';
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

  /** Found by the reference resolver; not exposed. */
  pupil!: Pupil | null;
}

@Resolver(() => YoungPerson)
export class YoungPersonResolver {
  @FieldResolver(() => EducationRecord, { description: "The virtual school's record of the young person, or why there is none." })
  education(@Root() person: YoungPerson): EducationRecord {
    return EducationRecord.of(person.upn, person.pupil);
  }
}

/** Entity references from the gateway: a null UPN is "not linked"; a malformed one is the caller's error. */
export const youngPersonReference = {
  YoungPerson: {
    async __resolveReference(ref: { upn?: string | null }, ctx: EducationContext): Promise<YoungPerson> {
      if (ref.upn === null || ref.upn === undefined) return { upn: null, pupil: null };
      const checked = checkUpn(ref.upn);
      if (!checked.ok) throw badUserInput('upn', checked.reason);
      return { upn: checked.value, pupil: await ctx.loaders.pupilByUpn.load(checked.value) };
    },
  },
};
