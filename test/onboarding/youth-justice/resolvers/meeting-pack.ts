import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kit/subgraph/graphql/scalars';
import { AgencyRecord } from '../../../kit/subgraph/receiving/agency-record';
import { receivingPackFields } from '../../../kit/subgraph/receiving/meeting-pack';
import { receivingMeetingPackType, type ReceivedMeetingPack } from '../../../kit/subgraph/receiving/young-person';
import { YOUTH_JUSTICE } from '../agency';
import type { YjsCase } from '../entities';

export const MeetingPack = receivingMeetingPackType<YjsCase>(YOUTH_JUSTICE);

@ObjectType({ description: "What changed in the youth justice service's records since the meeting before." })
export class YouthJusticeChanges extends AgencyRecord<YjsCase> {
  @Field(() => LocalDateScalar)
  readonly since: string;

  constructor(pack: ReceivedMeetingPack<YjsCase>) {
    super(pack);
    this.since = pack.since;
  }
}

export const YouthJusticePackFields = receivingPackFields(
  YOUTH_JUSTICE,
  MeetingPack,
  YouthJusticeChanges,
  'What changed in the youth justice record since the meeting before.',
);
